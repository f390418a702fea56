// One notice card by email to the member it concerns: the card's PDF attached, a short
// subject and body saying what was scored and how to ask for a review.
import { PDF } from './compose.js';
import type { Delivery } from './deliver.js';
import { sha256 } from './send-log.js';
import { renderMail } from './templates.js';

/** What the email needs of a notice card (core/notice-cards.ts NoticeCard has all of it). */
export interface NoticeCardLike {
  entryKey: string;
  memberName: string;
  view: {
    title: string;
    unit: string;
    number: string;
    issueDate: string;
    entry: { date: string; norm: string; variant: string };
    reward: boolean;
    points: string;
    effect: string;
    reviewText: string;
  };
}

export interface RenderedNoticeCard {
  card: NoticeCardLike;
  pdf: Buffer;
  /** The card's PDF file name, e.g. 记分告知卡-A01-张三-2026-07-10-3.pdf. */
  filename: string;
}

export function noticeMailModel(card: NoticeCardLike) {
  const { view } = card;
  const variant =
    view.entry.variant && view.entry.variant !== '—' ? `（${view.entry.variant}）` : '';
  return {
    unit: view.unit,
    title: view.title,
    memberName: card.memberName,
    number: view.number,
    entryDate: view.entry.date,
    rule: `${view.entry.norm}${variant}`,
    reward: view.reward,
    points: view.points,
    effect: view.effect,
    reviewText: view.reviewText,
    issueDate: view.issueDate,
  };
}

export function noticeDelivery(
  notice: RenderedNoticeCard,
  to: string,
  fromAddress: string | null,
): Delivery {
  const model = noticeMailModel(notice.card);
  const { subject, text, html } = renderMail('notice', model);
  // The issue date follows the run's date where the ledger has no 告知日期: leave it out, so
  // that only a change in what the card says counts as a change.
  const said = { ...model, issueDate: null };
  return {
    slot: `notice:${notice.card.entryKey}`,
    what: `${notice.card.memberName}的记分告知卡（${model.number}）`,
    fingerprint: sha256(JSON.stringify(said)),
    name: notice.filename.replace(/\.pdf$/i, ''),
    mail: {
      from: { name: model.unit, address: fromAddress },
      to: [to],
      subject,
      text,
      html,
      attachments: [{ filename: notice.filename, content: notice.pdf, contentType: PDF }],
    },
  };
}
