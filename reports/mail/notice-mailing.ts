// `twelve notices --mail`: each member with a 邮箱 gets their own notice cards, one email per
// card, through the same outbox, send record and safety as the quarterly email.
import type { Entry } from '../../core/index.js';
import type { Io } from '../command.js';
import { parseRecipients, RecipientError } from './compose.js';
import type { DeliveryResult } from './deliver.js';
import {
  deliverInRun,
  openMailRun,
  reportDelivery,
  SEND_FAILED,
  type MailFlags,
} from './mail-run.js';
import { SendLogError } from './send-log.js';
import { SmtpConfigError } from './smtp-config.js';
import { noticeDelivery, type RenderedNoticeCard } from './notice-delivery.js';

/** Failures that would fail the same way for every next card: stop there. */
const SERVER_FAILURES = new Set(['auth', 'refused', 'not-found', 'timeout', 'tls', 'dropped']);

export interface NoticeMailing {
  results: DeliveryResult[];
  /** Cards not mailed, with why (no 邮箱, an address that is not one, the run stopped). */
  notSent: { card: RenderedNoticeCard; reason: string }[];
  exitCode: number;
}

/** `entries`: the scored entries, to find each card's member and their 邮箱. */
export async function mailNotices(
  notices: RenderedNoticeCard[],
  entries: readonly Entry[],
  flags: MailFlags,
  io: Io,
): Promise<NoticeMailing> {
  const run = await openMailRun(flags, io);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const results: DeliveryResult[] = [];
  const notSent: NoticeMailing['notSent'] = [];
  let stopped: string | null = null;

  try {
    await mailEach();
  } finally {
    run.sender?.close();
  }

  async function mailEach() {
    for (const notice of notices) {
      if (stopped) {
        notSent.push({ card: notice, reason: stopped });
        continue;
      }
      const member = byKey.get(notice.card.entryKey)?.member;
      const where = member ? `${member.source.sheet} 第${member.source.row}行 邮箱` : '名册';
      let to: string[];
      try {
        to = parseRecipients(member?.email ?? '', where);
      } catch (error) {
        if (!(error instanceof RecipientError)) throw error;
        notSent.push({ card: notice, reason: error.message });
        continue;
      }
      if (to.length === 0) {
        notSent.push({ card: notice, reason: '名册中没有邮箱' });
        continue;
      }
      const delivery = noticeDelivery(notice, to[0], run.fromAddress);
      const result = await deliverInRun(delivery, run, io);
      results.push(result);
      const what = `${notice.card.memberName}的记分告知卡（${notice.card.view.number}）`;
      reportDelivery(result, what, run, io);
      if (result.status === 'failed' && SERVER_FAILURES.has(result.failure.kind))
        stopped = '邮件服务器出错，本次未发送';
      // A server that takes a message and never answers would do it to the next one too.
      if (result.status === 'unconfirmed' && !result.earlier)
        stopped = '上一封没有得到邮件服务器的确认，本次未发送';
    }
  }

  const count = (s: DeliveryResult['status']) => results.filter((r) => r.status === s).length;
  const done = run.sender ? `已发送 ${count('sent')} 封` : `已写出 ${count('written')} 封`;
  const parts = [done];
  if (count('skipped')) parts.push(`此前已发送、未重复发送 ${count('skipped')} 封`);
  if (count('failed')) parts.push(`发送失败 ${count('failed')} 封`);
  if (count('unconfirmed')) parts.push(`结果不明、未重发 ${count('unconfirmed')} 封`);
  if (notSent.length) parts.push(`未发送 ${notSent.length} 张`);
  io.out.write(`告知卡邮件：${parts.join('，')}（发件箱 ${run.outDir}）\n`);
  for (const { card, reason } of notSent)
    io.out.write(`  未发送：${card.card.memberName}（${card.card.view.number}）— ${reason}\n`);

  const reachedAll = results.every(
    (r) =>
      r.status !== 'failed' &&
      r.status !== 'unconfirmed' &&
      !(r.status === 'sent' && r.record.rejected.length > 0),
  );
  return { results, notSent, exitCode: reachedAll && !stopped ? 0 : SEND_FAILED };
}

/**
 * For `twelve notices --mail`: mails the rendered cards and returns the exit code (0, 2 for
 * settings that make mailing impossible, 3 when sending failed).
 */
export async function runNoticeMail(
  notices: RenderedNoticeCard[],
  entries: readonly Entry[],
  flags: MailFlags,
  io: Io,
): Promise<number> {
  try {
    return (await mailNotices(notices, entries, flags, io)).exitCode;
  } catch (error) {
    if (!(error instanceof SmtpConfigError || error instanceof SendLogError)) throw error;
    io.err.write(`错误：${error.message}\n`);
    return 2;
  }
}
