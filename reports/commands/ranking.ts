// `twelve ranking`: the monthly 榜单 as of the ranking day, 末位 marked, with the talks due.
import { parseWorkbook, rankingDate } from '../../core/index.js';
import {
  futureRankingLine,
  outDirArg,
  parseCommandArgs,
  workbookArg,
  type Io,
} from '../command.js';
import { privateBrowser } from '../print/browsers.js';
import { printRanking, rankingOptions } from '../print/ranking.js';
import { readWorkbook } from '../read-workbook.js';
import { runToday } from '../today.js';
import { ranking as declared } from '../usage/ranking.js';
import { LEFT_OUT, reportProblems } from './card-output.js';

export async function runRanking(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  const options = rankingOptions({ ...values, asOf: values['as-of'] });
  const outDir = outDirArg(values.out, 'out');
  const file = workbookArg(positionals, io);
  const parsed = parseWorkbook(await readWorkbook(file), { today: runToday() });
  const { file: written } = await printRanking(parsed, options, {
    outDir,
    openSession: privateBrowser,
  });
  const [year, month] = options.month.split('-').map(Number);
  const future = futureRankingLine(options.month, rankingDate(parsed.settings, year, month));
  if (future) io.out.write(future + '\n');
  io.out.write(`积分榜单：${written}\n`);
  return reportProblems(parsed.problems, LEFT_OUT.ranking, io);
}
