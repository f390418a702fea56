// What every CLI command shares: its streams, argument errors, and the bundled sample.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseOptions, UsageError } from './args.js';
import type { OptionDeclarations } from './usage/declaration.js';
import { SAMPLE_WORKBOOK } from './paths.js';
import {
  futureRankingLine as futureRanking,
  parseIsoArg,
  parseMonth,
  quarterRange,
  unfinishedQuarterLine as unfinishedQuarter,
  type IsoDate,
  type Problem,
} from '../core/index.js';
import { fileProblem } from './file-errors.js';
import { runToday } from './today.js';

export { UsageError };

export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export type Command = (args: string[], io: Io) => Promise<number>;

export function parseCommandArgs<T extends OptionDeclarations>(args: string[], options: T) {
  return parseOptions(args, options);
}

const DATE_FORMS = '应如 2026-11-24（也可写 2026/11/24、2026.11.24、2026年11月24日）';

export function asOfArg(value: string | undefined): IsoDate {
  if (value === undefined) return runToday();
  return dateArg('--as-of', value);
}

/** A date option in any form the ledger's date cells accept. */
export function dateArg(option: string, value: string): IsoDate {
  const iso = parseIsoArg(value);
  if (!iso) throw new UsageError(`${option} 的日期"${value}"无效，${DATE_FORMS}`);
  return iso;
}

/** --quarter, required; its range. */
export function quarterArg(value: string | undefined) {
  if (value === undefined) throw new UsageError('请用 --quarter 指定季度，如 --quarter 2026Q3');
  const range = quarterRange(value);
  if (!range)
    throw new UsageError(`--quarter 的值"${value}"无效，应如 2026Q3（也可写 2026年第三季度）`);
  return range;
}

/** The core's line for a quarter that has not ended today, or ''. */
export function unfinishedQuarterLine(range: { quarter: string; end: IsoDate }): string {
  return unfinishedQuarter(range.quarter, runToday());
}

/** The core's line for a ranking whose day has not come today, or ''. */
export function futureRankingLine(month: string, rankingDay: IsoDate): string {
  return futureRanking(month, rankingDay, runToday());
}

/**
 * The workbook named on the command line, or the bundled sample, which is said on the first
 * line (on stderr, so that --json output stays clean): a clerk who forgot the file name must
 * not take the sample's 74 cards for their own.
 */
export function workbookArg(positionals: string[], io?: Io): string {
  if (positionals.length > 1)
    throw new UsageError(
      `只能指定一个台账文件，收到 ${positionals.length} 个：${positionals.map((p) => `"${p}"`).join('、')}`,
    );
  const file = positionals[0];
  if (file === undefined) {
    io?.err.write(
      `未指定台账文件，使用自带的示例台账（示例台账.xlsx，虚构单位）：${SAMPLE_WORKBOOK}\n`,
    );
    return SAMPLE_WORKBOOK;
  }
  const meant = optionValueHint(file);
  if (meant) throw new UsageError(`"${file}"不是台账文件名，是不是漏写了 ${meant}？`);
  return file;
}

/** A positional that is clearly an option's value (a date, a month, a quarter). */
function optionValueHint(text: string): string | null {
  if (/\.xls[xm]?$/i.test(text)) return null;
  if (quarterRange(text)) return `--quarter ${text}`;
  if (parseMonth(text)) return `--month ${text}`;
  if (parseIsoArg(text)) return `--as-of ${text}`;
  return null;
}

/**
 * --out (or the default): never a file, and somewhere we may write. Checked before any card is
 * made; the folder itself is made only when something is written to it.
 */
export function outDirArg(value: string | undefined, fallback: string, option = '--out'): string {
  const dir = path.resolve(value ?? fallback);
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing)
    existing = path.dirname(existing);
  if (!statSync(existing).isDirectory())
    throw new UsageError(
      existing === dir
        ? `${option} 指定的"${dir}"是一个文件，不是文件夹：请换一个文件夹名`
        : `${option} 指定的"${dir}"无法建立："${existing}"是一个文件，不是文件夹`,
    );
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw new UsageError(`${option}：${fileProblem(error, existing, 'write')}`);
  }
  return dir;
}

/** The exit status every command that reads a ledger shares: 1 where some rows have errors. */
export function exitCodeFor(problems: readonly Problem[]): number {
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}
