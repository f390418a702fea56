// `twelve mail`: the quarter's 记分汇总公示卡 and summary .xlsx for the higher-level party
// organisation, as an .eml in the outbox, or sent by SMTP with --send (once).
import {
  parseWorkbook,
  problemCounts,
  problemLine,
  UnusableWorkbookError,
  upwardBlock,
  type ParsedWorkbook,
} from '../../core/index.js';
import {
  outDirArg,
  parseCommandArgs,
  quarterArg,
  unfinishedQuarterLine,
  UsageError,
  workbookArg,
  type Io,
} from '../command.js';
import { parseRecipients, RecipientError } from '../mail/compose.js';
import {
  openMailRun,
  reportDelivery,
  retryNotice,
  mailSettings,
  SEND_FAILED,
  type MailRun,
} from '../mail/mail-run.js';
import { SendLogError } from '../mail/send-log.js';
import { SmtpConfigError } from '../mail/smtp-config.js';
import {
  deliverQuarter,
  recipients,
  renderUpwardCard,
  type UpwardCardRenderer,
} from '../print/upward-mail.js';
import { readWorkbook } from '../read-workbook.js';
import { runToday } from '../today.js';
import { mail as declared } from '../usage/mail.js';

export function mailCommand(renderCard: UpwardCardRenderer) {
  return async function runMail(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, declared.options);
    const range = quarterArg(values.quarter);
    outDirArg(values.out, 'outbox');
    if (values.resend && !values.send) throw new UsageError('--resend 须与 --send 一起使用');
    // A settings mistake is told before the workbook is read and the card made.
    mailSettings(values);
    // So is a mistake in --to: before the workbook's first line, alone.
    if (values.to !== undefined) {
      try {
        parseRecipients(values.to, '--to');
      } catch (error) {
        if (!(error instanceof RecipientError)) throw error;
        io.err.write(`错误：${error.message}\n`);
        return 2;
      }
    }
    const file = workbookArg(positionals, io);
    const unfinished = unfinishedQuarterLine(range);
    if (unfinished) io.err.write(unfinished + '\n');

    const parsed = parseWorkbook(await readWorkbook(file), { today: runToday() });
    const blocked = upwardBlock(parsed.problems);
    if (blocked) throw new UnusableWorkbookError(blocked);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0)
      io.err.write(
        `注意：台账有 ${problemCounts(parsed.problems).error} 处错误（如 ${problemLine(errors[0])}），这些行未计入汇总；用 twelve score 查看全部\n`,
      );

    let to: string[];
    let run: MailRun;
    try {
      to = recipients(values.to, parsed);
      // Row errors do not hold the report back (domain.md): its card and text say how many
      // rows were left out; only a structure problem (upwardBlock, above) stops it.
      run = await openMailRun(values, io);
    } catch (error) {
      if (!(
        error instanceof RecipientError ||
        error instanceof SmtpConfigError ||
        error instanceof SendLogError
      ))
        throw error;
      io.err.write(`错误：${error.message}\n`);
      return 2;
    }

    try {
      const templatesDir = values.templates ?? null;
      const reached = await mailQuarter(parsed, range.quarter, templatesDir, to, run, io);
      if (errors.length > 0) return 1;
      return reached ? 0 : SEND_FAILED;
    } finally {
      run.sender?.close();
    }
  };

  async function mailQuarter(
    parsed: ParsedWorkbook,
    quarter: string,
    templatesDir: string | null,
    to: string[],
    run: MailRun,
    io: Io,
  ): Promise<boolean> {
    const { delivery, result } = await deliverQuarter(
      parsed,
      { quarter, templatesDir, to },
      run,
      renderCard,
      retryNotice(io),
    );
    const reached = reportDelivery(result, delivery.what, run, io);
    if (result.status === 'written') {
      io.out.write(`收件人：${to.join('、')}；主题：${delivery.mail.subject}\n`);
      if (!run.fromAddress)
        io.out.write(
          '（未设置发件地址：用邮件客户端打开后从您的邮箱发出；或加 --send 由本工具发送）\n',
        );
    }
    return reached;
  }
}

export const runMail = mailCommand(renderUpwardCard);
