// `twelve`: the report tool's command line. Each command lives in reports/commands/.
import { runInit } from './commands/init.js';
import { runScore } from './commands/score.js';
import { runNotices } from './commands/notices.js';
import { runQuarterly } from './commands/quarterly.js';
import { runRanking } from './commands/ranking.js';
import { runMail } from './commands/mail.js';
import { runCounty } from './commands/county.js';
import { UsageError, type Command } from './command.js';
import { WorkbookFileError } from './read-workbook.js';
import { UnusableWorkbookError } from '../core/index.js';

const COMMANDS: Record<string, Command> = {
  score: runScore,
  notices: runNotices,
  quarterly: runQuarterly,
  ranking: runRanking,
  init: runInit,
  mail: runMail,
  county: runCounty,
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
  county <邮件或文件夹…> --quarter 2026Q3 [--units 名单.xlsx] [--out 目录] [--name 组织部名称]
                                                  上级汇总各单位报送的季度汇总表（.eml/.mbox/.xlsx）

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
