// What every CLI command shares: its streams, argument errors, and the bundled sample.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SAMPLE_WORKBOOK } from './paths.js';
import { parseIsoArg, todayIso, type IsoDate, type Problem } from '../core/index.js';

export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export type Command = (args: string[], io: Io) => Promise<number>;

/** A mistake in the command line: printed as one line, exit 2. */
export class UsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`参数有误：${(error as Error).message}`);
  }
}

export function asOfArg(value: string | undefined): IsoDate {
  if (value === undefined) return todayIso();
  const iso = parseIsoArg(value);
  if (!iso) throw new UsageError(`--as-of 的日期"${value}"无效，应如 2026-11-25`);
  return iso;
}

export function workbookArg(positionals: string[]): string {
  if (positionals.length > 1)
    throw new UsageError(`只能指定一个台账文件，收到 ${positionals.length} 个`);
  return positionals[0] ?? SAMPLE_WORKBOOK;
}

/** The exit status every command that reads a ledger shares: 1 where some rows have errors. */
export function exitCodeFor(problems: readonly Problem[]): number {
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}
