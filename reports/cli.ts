// `twelve`: the report tool's command line. Each command lives in reports/commands/.
import { runInit } from './commands/init.js';
import { runScore } from './commands/score.js';
import { UsageError, type Command } from './command.js';
import { WorkbookFileError } from './read-workbook.js';
import { UnusableWorkbookError } from '../core/index.js';

const COMMANDS: Record<string, Command> = {
  score: runScore,
  init: runInit,
};

const HELP = `用法: twelve <命令> [台账.xlsx] [选项]

命令:
  score [台账.xlsx] [--as-of YYYY-MM-DD] [--json]   检查台账并计算积分（不写入台账）
  init <台账.xlsx> [--force]                       新建空白台账（含下拉列表；不覆盖已有文件）

不写台账文件时使用自带的示例台账。`;

/** Runs a command and returns the exit code: 0 fine, 1 rows with errors, 2 unusable input. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    out.write(HELP + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    err.write(`不认识的命令"${name}"。\n${HELP}\n`);
    return 2;
  }
  try {
    return await command(rest, { out, err });
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof WorkbookFileError ||
      error instanceof UnusableWorkbookError
    ) {
      err.write(`错误：${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
