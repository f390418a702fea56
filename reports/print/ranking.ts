// The monthly 榜单 as of the ranking day, 末位 marked, with the talks due: `twelve ranking` and
// the server's ranking job.
import path from 'node:path';
import { parseMonth, type IsoDate, type ParsedWorkbook } from '../../core/index.js';
import { UsageError } from '../args.js';
import { dateArg } from '../command.js';
import { writeFileAtomic } from '../cards/files.js';
import { renderRanking } from '../cards/session.js';
import { loadTemplates } from '../cards/template-folder.js';
import { cliOption, type OptionLabel, type WorkContext } from './work.js';
import { runToday } from '../today.js';

function rankingFileName(month: string): string {
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
  const printed = raw.asOf === undefined ? runToday() : dateArg(label('as-of'), raw.asOf);
  return {
    month: `${ym.year}-${String(ym.month).padStart(2, '0')}`,
    printed,
    templatesDir: raw.templates ?? null,
  };
}

/** The month's ranking, into `context.outDir`. */
export async function printRanking(
  parsed: ParsedWorkbook,
  options: RankingOptions,
  context: WorkContext,
): Promise<{ file: string }> {
  const session = await context.openSession(loadTemplates(options.templatesDir));
  let pdf: Buffer;
  try {
    pdf = await renderRanking(parsed, options.month, { session, printed: options.printed });
  } finally {
    await session.close();
  }
  const file = path.join(context.outDir, rankingFileName(options.month));
  writeFileAtomic(file, pdf);
  context.onProgress?.(1, 1);
  return { file };
}
