// `twelve quarterly`: the 《记分汇总公示卡》 of a quarter, the internal and the upward version.
import path from 'node:path';
import {
  parseWorkbook,
  quarterlySummary,
  quarterRange,
  UnusableWorkbookError,
  upwardBlock,
  type ParsedWorkbook,
  type QuarterlyVersion,
} from '../../core/index.js';
import {
  outDirArg,
  parseCommandArgs,
  unfinishedQuarterLine,
  UsageError,
  workbookArg,
  type Io,
} from '../command.js';
import { asUsageErrors } from '../cards/errors.js';
import { writeFileAtomic } from '../cards/files.js';
import { renderQuarterly } from '../cards/session.js';
import { loadTemplates } from '../cards/template-folder.js';
import { reportProblems } from './card-output.js';
import {
  cliOption,
  sessionOpener,
  sheetsOf,
  type OptionLabel,
  type WorkbookSource,
  type WorkContext,
} from './work.js';
import { runToday } from '../today.js';

export const QUARTERLY_VERSIONS: { version: QuarterlyVersion; label: string }[] = [
  { version: 'internal', label: '内部公示' },
  { version: 'upward', label: '报上级' },
];

export function quarterlyFileName(quarter: string, label: string): string {
  return `记分汇总公示卡-${quarter}-${label}.pdf`;
}

export interface QuarterlyOptions {
  /** 2026Q3 */
  quarter: string;
  templatesDir: string | null;
}

export function quarterlyOptions(
  raw: { quarter?: string; templates?: string },
  label: OptionLabel = cliOption,
): QuarterlyOptions {
  if (raw.quarter === undefined)
    throw new UsageError(`请用 ${label('quarter')} 指定季度，如 2026Q3`);
  const range = quarterRange(raw.quarter);
  if (!range)
    throw new UsageError(
      `${label('quarter')} 的值"${raw.quarter}"无效，应如 2026Q3（也可写 2026年第三季度）`,
    );
  return { quarter: range.quarter, templatesDir: raw.templates ?? null };
}

export interface PrintedQuarterly {
  parsed: ParsedWorkbook;
  files: { label: string; file: string }[];
}

/** Both versions of the quarter's card, into `context.outDir`. */
export async function printQuarterly(
  source: WorkbookSource,
  options: QuarterlyOptions,
  context: WorkContext,
): Promise<PrintedQuarterly> {
  const parsed = parseWorkbook(await sheetsOf(source), { today: runToday() });
  // One run prints both versions: the upward one must not leave a misread workbook.
  const blocked = upwardBlock(parsed.problems);
  if (blocked) throw new UnusableWorkbookError(blocked);
  const summary = quarterlySummary(parsed, options.quarter);
  const files: PrintedQuarterly['files'] = [];
  await asUsageErrors(async () => {
    const session = await sessionOpener(context)(loadTemplates(options.templatesDir));
    try {
      for (const { version, label } of QUARTERLY_VERSIONS) {
        const pdf = await renderQuarterly(summary, parsed.settings, { version, session });
        const file = path.join(context.outDir, quarterlyFileName(options.quarter, label));
        writeFileAtomic(file, pdf);
        files.push({ label, file });
        context.onProgress?.(files.length, QUARTERLY_VERSIONS.length);
      }
    } finally {
      await session.close();
    }
  });
  return { parsed, files };
}

export async function runQuarterly(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    quarter: { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
  });
  const options = quarterlyOptions(values);
  const outDir = outDirArg(values.out, 'out');
  const file = workbookArg(positionals, io);
  const unfinished = unfinishedQuarterLine(quarterRange(options.quarter)!);
  if (unfinished) io.out.write(unfinished + '\n');
  const { parsed, files } = await printQuarterly(file, options, { outDir });
  for (const { label, file } of files) io.out.write(`${label}：${file}\n`);
  return reportProblems(parsed.problems, io);
}
