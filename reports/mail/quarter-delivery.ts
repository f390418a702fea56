// The upward quarterly email: the summary card PDF and a fresh summary .xlsx, with a subject
// and body that name the unit, the quarter and the totals.
import {
  DOCUMENT_NAMES,
  quarterlyView,
  type IsoDate,
  type QuarterSummary,
  type Settings,
} from '../../core/index.js';
import { PDF, XLSX } from './compose.js';
import type { Delivery } from './deliver.js';
import { safeFileName } from '../safe-names.js';
import { quarterMailModel } from './quarter-mail.js';
import { sha256 } from './send-log.js';
import { summaryXlsx } from './summary-xlsx.js';
import { renderMail } from './templates.js';

/** The upward version of the 记分汇总公示卡, rendered elsewhere (the cards). */
export interface CardPdf {
  filename: string;
  pdf: Buffer;
}

export interface QuarterDeliveryInput {
  summary: QuarterSummary;
  settings: Settings;
  card: CardPdf;
  to: string[];
  fromAddress: string | null;
  issued: IsoDate;
}

export async function quarterDelivery(input: QuarterDeliveryInput): Promise<Delivery> {
  const { summary, settings, card } = input;
  const view = quarterlyView(summary, settings, 'upward', input.issued);
  const unit = view.unit;
  const xlsxName = `${safeFileName(`${unit} ${view.quarter}记分汇总表`)}.xlsx`;
  const model = {
    ...quarterMailModel(view, [
      { filename: card.filename, description: '记分汇总公示卡，报上级党组织版，PDF' },
      { filename: xlsxName, description: '记分汇总表及明细，Excel' },
    ]),
    sealDigest: summary.seal.digest,
  };
  const { subject, text, html } = renderMail('quarter', model);
  return {
    slot: `quarter:${summary.quarter}`,
    what: `${view.quarter}记分汇总公示卡邮件`,
    fingerprint: summaryFingerprint(summary, unit),
    name: `${summary.quarter} ${unit} 记分汇总公示卡`,
    mail: {
      from: { name: unit, address: input.fromAddress },
      to: input.to,
      subject,
      text,
      html,
      attachments: [
        { filename: card.filename, content: card.pdf, contentType: PDF },
        {
          filename: xlsxName,
          content: await summaryXlsx(summary, {
            unit,
            title: `${unit} ${view.quarter}${view.scheme}${DOCUMENT_NAMES.summary}`,
          }),
          contentType: XLSX,
        },
      ],
    },
  };
}

/**
 * What the report says, as a hash: the attachments' bytes carry the time they were made (the
 * .xlsx zip entries, the PDF's creation date), so they cannot tell a repeat from a correction.
 */
export function summaryFingerprint(summary: QuarterSummary, unit: string): string {
  return sha256(
    JSON.stringify({
      unit,
      quarter: summary.quarter,
      figures: summary.figures,
      rows: summary.rows.map((r) => ({
        member: [r.member.id, r.member.name, r.member.branch, r.member.post],
        figures: [r.demerits, r.rewards, r.cancelled, r.balance, r.level],
        entries: r.entries.map((e) => [
          e.key,
          e.date,
          e.rule.code,
          e.variantText,
          e.points,
          e.note,
        ]),
      })),
    }),
  );
}
