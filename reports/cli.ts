// `twelve`: the report tool's command line. Each command lives in reports/commands/ and is
// loaded only when it runs: `twelve --help` must not pay for exceljs, Chromium's driver,
// pdf-lib or nodemailer.
import { closest } from './args.js';
import { asClerkError } from './file-errors.js';
import { commandHelp, globalHelp } from './usage/help.js';
import { COMMANDS } from './usage/index.js';

/** Runs a command and returns the exit code: 0 fine, 1 rows with errors, 2 unusable input. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = argv;
  const names = COMMANDS.map((c) => c.name);
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    // `twelve help score` is `twelve score --help`.
    const asked = COMMANDS.find((c) => c.name === rest[0]);
    out.write((asked ? commandHelp(asked) : globalHelp(COMMANDS)) + '\n');
    return name ? 0 : 2;
  }
  const declared = COMMANDS.find((c) => c.name === name);
  if (!declared) {
    const meant = closest(name.replace(/^-+/, ''), names);
    err.write(
      `错误：不认识的命令"${name}"${meant ? `，是不是要写 twelve ${meant}？` : `；可用的命令：${names.join('、')}（运行 twelve help 查看用法）`}\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.write(commandHelp(declared) + '\n');
    return 0;
  }
  try {
    const command = await declared.load();
    return await command(rest, { out, err });
  } catch (error) {
    err.write(`错误：${problemLineFor(error)}\n`);
    if (process.env.TWELVE_DEBUG === '1') err.write(`${(error as Error)?.stack ?? error}\n`);
    return 2;
  }
}

/**
 * Every failure is one Chinese line: a mistake the clerk can fix (a ClerkError, or a file the
 * system refused) says what to fix; anything else (a bug of ours) says so, and TWELVE_DEBUG=1
 * shows the details. A clerk never sees a stack trace or a library's English message.
 */
function problemLineFor(error: unknown): string {
  const clerk = asClerkError(error);
  if (clerk) return clerk.message;
  return '本工具出现内部错误，未能完成。请设置环境变量 TWELVE_DEBUG=1 后重新运行，把显示的详情告诉维护人员';
}
