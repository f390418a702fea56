// The quarter's upward mail: the 记分汇总公示卡 (upward version) and the summary .xlsx for the
// higher-level party organisation, through a mail run's outbox: `twelve mail` and the server's
// mail job.
import {
  quarterlySummary,
  type IsoDate,
  type ParsedWorkbook,
  type QuarterSummary,
  type Settings,
} from '../../core/index.js';
import { parseRecipients, RecipientError } from '../mail/compose.js';
import { deliver, type Delivery, type DeliveryResult } from '../mail/deliver.js';
import { privateBrowser } from './browsers.js';
import { cliOption, type OptionLabel, type SessionOpener } from './work.js';
import { loadTemplates } from '../cards/template-folder.js';
import type { MailRun } from '../mail/mail-run.js';
import type { RetryHooks } from '../mail/smtp-send.js';
import { quarterDelivery, type CardPdf } from '../mail/quarter-delivery.js';
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
export function upwardCardRenderer(open: SessionOpener = privateBrowser): UpwardCardRenderer {
  return async (summary, settings, issued, templatesDir) => {
    const session = await open(loadTemplates(templatesDir));
    try {
      return {
        filename: quarterlyFileName(summary.quarter, UPWARD_LABEL),
        pdf: await renderQuarterly(summary, settings, { version: 'upward', issued, session }),
      };
    } finally {
      await session.close();
    }
  };
}

export const renderUpwardCard: UpwardCardRenderer = upwardCardRenderer();

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
  const summary = quarterlySummary(parsed, options.quarter);
  const issued = runToday();
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
