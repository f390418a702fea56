// `twelve quarterly`: the 《记分汇总公示卡》 of a quarter, the internal and the upward version.
import path from 'node:path';
import { parseWorkbook, quarterlySummary, type QuarterlyVersion } from '../../core/index.js';
import {
  outDirArg,
  parseCommandArgs,
  quarterArg,
  unfinishedQuarterLine,
  workbookArg,
  type Io,
} from '../command.js';
import { readWorkbook } from '../read-workbook.js';
import { asUsageErrors } from '../cards/errors.js';
import { writeFileAtomic } from '../cards/files.js';
import { openCardSession, renderQuarterly } from '../cards/session.js';
import { reportProblems } from './card-output.js';

export const QUARTERLY_VERSIONS: { version: QuarterlyVersion; label: string }[] = [
  { version: 'internal', label: '内部公示' },
  { version: 'upward', label: '报上级' },
];

export function quarterlyFileName(quarter: string, label: string): string {
  return `记分汇总公示卡-${quarter}-${label}.pdf`;
}

export async function runQuarterly(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    quarter: { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
  });
  const range = quarterArg(values.quarter);
  const outDir = outDirArg(values.out, 'out');
  const file = workbookArg(positionals, io);
  const unfinished = unfinishedQuarterLine(range);
  if (unfinished) io.out.write(unfinished + '\n');
  const parsed = parseWorkbook(await readWorkbook(file));
  const summary = quarterlySummary(parsed, range.quarter);

  await asUsageErrors(async () => {
    const session = await openCardSession({ templatesDir: values.templates ?? null });
    try {
      for (const { version, label } of QUARTERLY_VERSIONS) {
        const pdf = await renderQuarterly(summary, parsed.settings, { version, session });
        const target = path.join(outDir, quarterlyFileName(range.quarter, label));
        writeFileAtomic(target, pdf);
        io.out.write(`${label}：${target}\n`);
      }
    } finally {
      await session.close();
    }
  });
  return reportProblems(parsed.problems, io);
}
