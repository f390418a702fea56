// `twelve quarterly`: the 《记分汇总公示卡》 of a quarter, the internal and the upward version.
import {
  parseWorkbook,
  quarterRange,
  UnusableWorkbookError,
  upwardBlock,
} from '../../core/index.js';
import {
  outDirArg,
  parseCommandArgs,
  unfinishedQuarterLine,
  workbookArg,
  type Io,
} from '../command.js';
import { privateBrowser } from '../print/browsers.js';
import { printQuarterly, quarterlyOptions } from '../print/quarterly.js';
import { readWorkbook } from '../read-workbook.js';
import { runToday } from '../today.js';
import { quarterly as declared } from '../usage/quarterly.js';
import { LEFT_OUT, reportProblems } from './card-output.js';

export async function runQuarterly(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  const options = quarterlyOptions(values);
  const outDir = outDirArg(values.out, 'out');
  const file = workbookArg(positionals, io);
  const unfinished = unfinishedQuarterLine(quarterRange(options.quarter)!);
  if (unfinished) io.out.write(unfinished + '\n');
  const parsed = parseWorkbook(await readWorkbook(file), { today: runToday() });
  // One run prints both versions: the upward one must not leave a misread workbook.
  const blocked = upwardBlock(parsed.problems);
  if (blocked) throw new UnusableWorkbookError(blocked);
  const { files } = await printQuarterly(parsed, options, { outDir, openSession: privateBrowser });
  for (const { label, file } of files) io.out.write(`${label}：${file}\n`);
  return reportProblems(parsed.problems, LEFT_OUT.quarterly, io);
}
