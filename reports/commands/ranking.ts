// `twelve ranking`: the monthly 榜单 as of the ranking day, 末位 marked, with the talks due.
import path from 'node:path';
import { parseWorkbook, rankingDate } from '../../core/index.js';
import {
  asOfArg,
  futureRankingLine,
  monthArg,
  outDirArg,
  parseCommandArgs,
  workbookArg,
  type Io,
} from '../command.js';
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
  const month = monthArg(values.month);
  const outDir = outDirArg(values.out, 'out');
  const file = workbookArg(positionals, io);
  const parsed = parseWorkbook(await readWorkbook(file));
  const [year, m] = month.split('-').map(Number);
  const future = futureRankingLine(month, rankingDate(parsed.settings, year, m));
  if (future) io.out.write(future + '\n');

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
