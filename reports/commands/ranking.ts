// `twelve ranking`: the monthly 榜单 as of the ranking day, 末位 marked, with the talks due.
import path from 'node:path';
import { parseMonth, parseWorkbook } from '../../core/index.js';
import { asOfArg, parseCommandArgs, UsageError, workbookArg, type Io } from '../command.js';
import { readWorkbook } from '../read-workbook.js';
import { asUsageErrors } from '../cards/errors.js';
import { writeFileAtomic } from '../cards/files.js';
import { renderRanking } from '../cards/session.js';
import { reportProblems } from './card-output.js';

export function rankingFileName(month: string): string {
  return `积分榜单-${month}.pdf`;
}

export async function runRanking(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    month: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
  });
  const file = workbookArg(positionals);
  if (values.month === undefined) throw new UsageError('请用 --month 指定月份，如 2026-11');
  const ym = parseMonth(values.month);
  if (!ym) throw new UsageError(`月份"${values.month}"的格式不对，应如 2026-11`);
  const month = `${ym.year}-${String(ym.month).padStart(2, '0')}`;
  const outDir = path.resolve(values.out ?? 'out');
  const parsed = parseWorkbook(await readWorkbook(file));

  const pdf = await asUsageErrors(() =>
    // 应约谈名单 marks the talks recorded in 处置记录 by the day it is printed (--as-of, today).
    renderRanking(parsed, month, {
      templatesDir: values.templates ?? null,
      printed: asOfArg(values['as-of']),
    }),
  );
  const target = path.join(outDir, rankingFileName(month));
  writeFileAtomic(target, pdf);
  io.out.write(`积分榜单：${target}\n`);
  return reportProblems(parsed.problems, io);
}
