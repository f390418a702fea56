// `twelve ranking`: the monthly 榜单 as of the ranking day, 末位 marked, with the talks due.
import path from 'node:path';
import {
  parseMonth,
  parseWorkbook,
  rankingDate,
  todayIso,
  type IsoDate,
  type ParsedWorkbook,
} from '../../core/index.js';
import {
  dateArg,
  futureRankingLine,
  outDirArg,
  parseCommandArgs,
  UsageError,
  workbookArg,
  type Io,
} from '../command.js';
import { asUsageErrors } from '../cards/errors.js';
import { writeFileAtomic } from '../cards/files.js';
import { renderRanking } from '../cards/session.js';
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

export function rankingFileName(month: string): string {
  return `积分榜单-${month}.pdf`;
}

export interface RankingOptions {
  /** 2026-11 */
  month: string;
  /** The day it is printed: 应约谈名单 marks the talks 处置记录 records by then. */
  printed: IsoDate;
  templatesDir: string | null;
}

export function rankingOptions(
  raw: { month?: string; asOf?: string; templates?: string },
  label: OptionLabel = cliOption,
): RankingOptions {
  if (raw.month === undefined) throw new UsageError(`请用 ${label('month')} 指定月份，如 2026-11`);
  const ym = parseMonth(raw.month);
  if (!ym)
    throw new UsageError(
      `${label('month')} 的值"${raw.month}"无效，应如 2026-11（也可写 2026年11月）`,
    );
  const printed = raw.asOf === undefined ? todayIso() : dateArg(label('as-of'), raw.asOf);
  return {
    month: `${ym.year}-${String(ym.month).padStart(2, '0')}`,
    printed,
    templatesDir: raw.templates ?? null,
  };
}

/** The month's ranking, into `context.outDir`. */
export async function printRanking(
  source: WorkbookSource,
  options: RankingOptions,
  context: WorkContext,
): Promise<{ parsed: ParsedWorkbook; file: string }> {
  const parsed = parseWorkbook(await sheetsOf(source), { today: runToday() });
  const pdf = await asUsageErrors(async () => {
    const session = await sessionOpener(context)(loadTemplates(options.templatesDir));
    try {
      return await renderRanking(parsed, options.month, { session, printed: options.printed });
    } finally {
      await session.close();
    }
  });
  const file = path.join(context.outDir, rankingFileName(options.month));
  writeFileAtomic(file, pdf);
  context.onProgress?.(1, 1);
  return { parsed, file };
}

export async function runRanking(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    month: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
  });
  const options = rankingOptions({ ...values, asOf: values['as-of'] });
  const outDir = outDirArg(values.out, 'out');
  const file = workbookArg(positionals, io);
  const { file: written, parsed } = await printRanking(file, options, { outDir });
  const [year, month] = options.month.split('-').map(Number);
  const future = futureRankingLine(options.month, rankingDate(parsed.settings, year, month));
  if (future) io.out.write(future + '\n');
  io.out.write(`积分榜单：${written}\n`);
  return reportProblems(parsed.problems, io);
}
