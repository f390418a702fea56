// `twelve mail`: the quarter's 记分汇总公示卡 and summary .xlsx for the higher-level party
// organisation, as an .eml in the outbox, or sent by SMTP with --send (once).
import {
  parseWorkbook,
  problemCounts,
  problemLine,
  quarterlySummary,
  todayIso,
  UnusableWorkbookError,
  upwardBlock,
  type IsoDate,
  type ParsedWorkbook,
  type QuarterSummary,
  type Settings,
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
import { deliver, type Delivery, type DeliveryResult } from '../mail/deliver.js';
import type { RetryHooks } from '../mail/smtp-send.js';
import { cliOption, type OptionLabel, type SessionOpener } from './work.js';
import { loadTemplates } from '../cards/template-folder.js';
import {
  MAIL_OPTIONS,
  openMailRun,
  reportDelivery,
  retryNotice,
  mailSettings,
  SEND_FAILED,
  type MailRun,
} from '../mail/mail-run.js';
import { quarterDelivery, type CardPdf } from '../mail/quarter-delivery.js';
import { SendLogError } from '../mail/send-log.js';
import { SmtpConfigError } from '../mail/smtp-config.js';
import { readWorkbook } from '../read-workbook.js';
import { asUsageErrors } from '../cards/errors.js';
import { renderQuarterly } from '../cards/session.js';
import { QUARTERLY_VERSIONS, quarterlyFileName } from './quarterly.js';
import { runToday } from '../today.js';

const UPWARD_LABEL = QUARTERLY_VERSIONS.find((v) => v.version === 'upward')!.label;

/** Renders the upward 记分汇总公示卡 of a quarter ('2026Q3') to a PDF. */
export type UpwardCardRenderer = (
  summary: QuarterSummary,
  settings: Settings,
  issued: IsoDate,
  templatesDir: string | null,
) => Promise<CardPdf>;

/** The card exactly as `twelve quarterly` prints its upward version, under the same name. */
export function upwardCardRenderer(open?: SessionOpener): UpwardCardRenderer {
  return async (summary, settings, issued, templatesDir) => ({
    filename: quarterlyFileName(summary.quarter, UPWARD_LABEL),
    pdf: await asUsageErrors(async () => {
      if (!open)
        return renderQuarterly(summary, settings, { version: 'upward', issued, templatesDir });
      const session = await open(loadTemplates(templatesDir));
      try {
        return await renderQuarterly(summary, settings, { version: 'upward', issued, session });
      } finally {
        await session.close();
      }
    }),
  });
}

export const renderUpwardCard: UpwardCardRenderer = upwardCardRenderer();

export function mailCommand(renderCard: UpwardCardRenderer) {
  return async function runMail(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      ...MAIL_OPTIONS,
      quarter: { type: 'string' },
      to: { type: 'string' },
      templates: { type: 'string' },
    });
    const range = quarterArg(values.quarter);
    outDirArg(values.out, 'outbox');
    if (values.resend && !values.send) throw new UsageError('--resend 须与 --send 一起使用');
    // A settings mistake is told before the workbook is read and the card made.
    mailSettings(values);
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
      // An upward report that silently leaves rows out is worse than a late one.
      const send = Boolean(values.send) && errors.length === 0;
      if (values.send && !send)
        io.err.write('因台账有错误，为免上报不完整的汇总，未发送；改正后重新运行\n');
      run = await openMailRun({ ...values, send, resend: send && values.resend }, io);
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

export interface QuarterMailOptions {
  quarter: string;
  templatesDir: string | null;
  to: string[];
}

/**
 * The quarter's upward mail through the run's outbox: written as an .eml, or sent once. What
 * `twelve mail` does after reading its options, and what the server's mail job does.
 */
export async function deliverQuarter(
  parsed: ParsedWorkbook,
  options: QuarterMailOptions,
  run: MailRun,
  renderCard: UpwardCardRenderer = renderUpwardCard,
  onRetry?: RetryHooks['onRetry'],
): Promise<{ delivery: Delivery; result: DeliveryResult }> {
  const blocked = upwardBlock(parsed.problems);
  if (blocked) throw new UnusableWorkbookError(blocked);
  const summary = quarterlySummary(parsed, options.quarter);
  const issued = todayIso();
  const card = await renderCard(summary, parsed.settings, issued, options.templatesDir);
  const delivery = await quarterDelivery({
    summary,
    settings: parsed.settings,
    card,
    to: options.to,
    fromAddress: run.fromAddress,
    issued,
  });
  const result = await deliver(delivery, {
    outDir: run.outDir,
    log: run.log,
    sender: run.sender,
    resend: run.resend,
    onRetry,
  });
  return { delivery, result };
}

/** The recipients: `to` where given, else the workbook's 上级党组织邮箱; RecipientError if none. */
export function recipients(
  option: string | undefined,
  parsed: ParsedWorkbook,
  label: OptionLabel = cliOption,
): string[] {
  if (option !== undefined) {
    const list = parseRecipients(option, label('to'));
    if (list.length > 0) return list;
  }
  const typed = parsed.settings.upwardEmail;
  const list = typed ? parseRecipients(typed, '设置!上级党组织邮箱') : [];
  if (list.length > 0) return list;
  // The core set the address aside as invalid: say what was wrong with it.
  const invalid = parsed.problems.find((p) => p.message.includes('上级党组织邮箱'));
  throw new RecipientError(
    invalid
      ? `没有收件人：${invalid.sheet}${invalid.cell ? `!${invalid.cell}` : ''} ${invalid.message}；请改正（${invalid.fix}），或用 ${label('to')} 指定`
      : `没有收件人：请在 设置 工作表的"上级党组织邮箱"填写上级党组织的邮箱，或用 ${label('to')} 指定`,
  );
}

export const runMail = mailCommand(renderUpwardCard);
