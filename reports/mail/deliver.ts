// One message through the outbox: written as an .eml by default; with `send`, sent by SMTP at
// most once (a second run finds the send record and stops), recorded, and moved to 已发送/.
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY, writeFileAtomic } from '../atomic-write.js';
import { composeMail, type OutgoingMail } from './compose.js';
import { safeFileName } from '../safe-names.js';
import {
  isUnconfirmed,
  sendKey,
  sha256,
  stableMessageId,
  type SendLog,
  type SendRecord,
} from './send-log.js';
import { SendFailure, type RetryHooks, type SmtpSender } from './smtp-send.js';

export const SENT_DIR = '已发送';

export interface Delivery {
  /** What is sent, stable across runs: 'quarter:2026Q3', 'notice:记分台账!12'. */
  slot: string;
  /** A hash of the data the message reports, to tell a changed report from a repeat. */
  fingerprint: string;
  /** What it is, for the clerk: 2026年第三季度记分汇总公示卡邮件. */
  what: string;
  /** The .eml's name in the outbox, without folder or extension; sanitised here. */
  name: string;
  mail: OutgoingMail;
}

export interface DeliverOptions extends RetryHooks {
  outDir: string;
  log: SendLog;
  /** null: write the .eml only. */
  sender: SmtpSender | null;
  resend?: boolean;
  now?: () => Date;
}

export type DeliveryResult =
  | { status: 'written'; eml: string }
  | { status: 'sent'; eml: string; record: SendRecord }
  | { status: 'skipped'; previous: SendRecord; sameContent: boolean }
  | { status: 'failed'; eml: string; failure: SendFailure; record: SendRecord }
  /**
   * The server may have it: handed over and never confirmed, in this run (`earlier` false,
   * with the failure) or an earlier one that ended before the answer (not resent).
   */
  | {
      status: 'unconfirmed';
      eml: string;
      record: SendRecord;
      earlier: boolean;
      failure?: SendFailure;
    };

export async function deliver(
  delivery: Delivery,
  options: DeliverOptions,
): Promise<DeliveryResult> {
  const { outDir, log, sender } = options;
  const now = options.now ?? (() => new Date());
  const fileName = `${safeFileName(delivery.name)}.eml`;
  const file = path.join(outDir, fileName);
  const { to, subject } = delivery.mail;
  const key = sendKey(subject, to, delivery.fingerprint);
  const messageId = stableMessageId(
    delivery.slot,
    key,
    delivery.mail.from.name,
    delivery.mail.from.address,
    log.sentCount(delivery.slot, to),
  );
  await mkdir(outDir, { recursive: true });

  if (!sender) {
    const { eml } = await composeMail(delivery.mail, { draft: true, messageId });
    writeFileAtomic(file, eml, { mode: OWNER_ONLY });
    return { status: 'written', eml: file };
  }

  const latest = log.latest(delivery.slot, to);
  if (latest && isUnconfirmed(latest) && !options.resend)
    return {
      status: 'unconfirmed',
      eml: path.join(outDir, latest.eml),
      record: latest,
      earlier: true,
    };
  const previous = log.lastSent(delivery.slot, to);
  if (previous && !options.resend)
    return { status: 'skipped', previous, sameContent: previous.key === key };
  if (latest?.status === 'sending') {
    // Resent on purpose: that attempt's outcome stays unknown for good.
    latest.status = 'unknown';
    latest.response = '发送中断，未收到邮件服务器的答复';
  }

  const { eml } = await composeMail(delivery.mail, { draft: false, messageId });
  writeFileAtomic(file, eml, { mode: OWNER_ONLY });
  const record: SendRecord = {
    slot: delivery.slot,
    key,
    status: 'sending',
    time: now().toISOString(),
    messageId,
    subject,
    recipients: to,
    accepted: [],
    rejected: [],
    attachments: delivery.mail.attachments.map((a) => ({
      filename: a.filename,
      sha256: sha256(a.content),
      bytes: a.content.length,
    })),
    eml: fileName,
    emlSha256: sha256(eml),
    response: '',
    attempts: 0,
  };
  // On disk before the first byte goes out: a run killed from here on leaves "sending".
  log.add(record);
  let receipt;
  try {
    const envelope = { from: delivery.mail.from.address ?? '', to };
    receipt = await sender.send(envelope, eml, options);
  } catch (error) {
    if (!(error instanceof SendFailure)) throw error;
    record.status = error.unconfirmed ? 'unknown' : 'failed';
    record.rejected = error.kind === 'recipient' ? to : [];
    record.response = error.line;
    record.attempts = error.attempts;
    log.save({ durable: false });
    return error.unconfirmed
      ? { status: 'unconfirmed', eml: file, record, earlier: false, failure: error }
      : { status: 'failed', eml: file, failure: error, record };
  }
  const sentAt = now();
  const sentName = path.join(SENT_DIR, `${stamp(sentAt)} ${fileName}`);
  await mkdir(path.join(outDir, SENT_DIR), { recursive: true });
  await rename(file, path.join(outDir, sentName));
  Object.assign(record, {
    status: 'sent',
    time: sentAt.toISOString(),
    accepted: receipt.accepted,
    rejected: receipt.rejected,
    eml: sentName,
    response: receipt.response,
    attempts: receipt.attempts,
  } satisfies Partial<SendRecord>);
  log.save({ durable: false });
  return { status: 'sent', eml: path.join(outDir, sentName), record };
}

/** 20261124-061502: sorts by time and is safe in any file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}
