// `twelve`: the report tool's command line. Each command lives in reports/commands/ and is
// loaded only when it runs: `twelve --help` must not pay for exceljs, Chromium's driver,
// pdf-lib or nodemailer.
import type { Command } from './command.js';
import { closest, UsageError } from './args.js';
import { errorPath, FileAccessError, fileProblem, isFileSystemError } from './file-errors.js';

const COMMANDS: Record<string, () => Promise<Command>> = {
  score: async () => (await import('./commands/score.js')).runScore,
  notices: async () => (await import('./commands/notices.js')).runNotices,
  quarterly: async () => (await import('./commands/quarterly.js')).runQuarterly,
  ranking: async () => (await import('./commands/ranking.js')).runRanking,
  init: async () => (await import('./commands/init.js')).runInit,
  mail: async () => (await import('./commands/mail.js')).runMail,
  county: async () => (await import('./commands/county.js')).runCounty,
  serve: async () => (await import('./commands/serve.js')).runServe,
  verify: async () => (await import('./commands/verify.js')).runVerify,
};

const HELP = `用法: twelve <命令> [台账.xlsx] [选项]

命令:
  score [台账.xlsx] [--as-of YYYY-MM-DD] [--json]   检查台账并计算积分（不写入台账）
  notices [台账.xlsx] [--since D] [--until D] [--as-of D] [--out 目录] [--templates 目录]
                                                  打印期间内每条已计分记录的记分告知卡（单张 + 合并）
          [--mail [--outbox 目录] [--send [--resend]] [--smtp-config 文件]]
                                                  并把每张卡发给名册中有邮箱的党员本人
  quarterly [台账.xlsx] --quarter 2026Q3 [--out 目录] [--templates 目录]
                                                  打印季度记分汇总公示卡（内部公示版、报上级版）
  ranking [台账.xlsx] --month 2026-11 [--as-of 打印日期] [--out 目录] [--templates 目录]
                                                  打印月度积分榜单（截至当月25日）和应约谈名单
  init <台账.xlsx> [--force]                       新建空白台账（含下拉列表；不覆盖已有文件）
  mail [台账.xlsx] --quarter 2026Q3 [--to 地址] [--out 目录] [--send [--resend]] [--smtp-config 文件]
                                                  季度汇总公示卡报上级党组织：写出 .eml，--send 经 SMTP 发送
  serve [--port 3000] [--host 127.0.0.1] [--cert F --key F] [--http] [--token T] [--units units.json]
        [--ttl 1h] [--body-limit 50] [--deadline 10m] [--queue 50] [--state 目录] [--public-url URL]
                                                  启动服务：网页工作台、加载项和清单、报表接口（见 docs/server.md）
  county <邮件或文件夹…> --quarter 2026Q3 [--units 名单.xlsx] [--out 目录] [--name 组织部名称]
                                                  上级汇总各单位报送的季度汇总表（.eml/.mbox/.xlsx）
  verify [台账.xlsx] --against <报送邮件、汇总表或文件夹> [--json]
                                                  核对台账与已报送的记录（校验码）：改动、删除、补录、更正

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
  const load = COMMANDS[name];
  if (!load) {
    const meant = closest(name.replace(/^-+/, ''), Object.keys(COMMANDS));
    err.write(
      `错误：不认识的命令"${name}"${meant ? `，是不是要写 twelve ${meant}？` : `；可用的命令：${Object.keys(COMMANDS).join('、')}（运行 twelve help 查看用法）`}\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.write(HELP + '\n');
    return 0;
  }
  try {
    const command = await load();
    return await command(rest, { out, err });
  } catch (error) {
    err.write(`错误：${await problemLineFor(error)}\n`);
    if (process.env.TWELVE_DEBUG === '1') err.write(`${(error as Error)?.stack ?? error}\n`);
    return 2;
  }
}

/**
 * Every failure is one Chinese line: a mistake the clerk can fix says what to fix; anything
 * else (a bug of ours) says so, and TWELVE_DEBUG=1 shows the details. A clerk never sees a
 * stack trace or a library's English message.
 */
async function problemLineFor(error: unknown): Promise<string> {
  // Loaded here, on the error path only: the reader brings exceljs with it.
  const { WorkbookFileError } = await import('./read-workbook.js');
  const { UnusableWorkbookError } = await import('../core/index.js');
  const { SmtpConfigError } = await import('./mail/smtp-config.js');
  if (
    error instanceof UsageError ||
    error instanceof WorkbookFileError ||
    error instanceof UnusableWorkbookError ||
    error instanceof FileAccessError ||
    error instanceof SmtpConfigError
  )
    return error.message;
  if (isFileSystemError(error)) return fileProblem(error, errorPath(error) || '文件', 'write');
  return '本工具出现内部错误，未能完成。请设置环境变量 TWELVE_DEBUG=1 后重新运行，把显示的详情告诉维护人员';
}
