// One message through the outbox: written as an .eml by default; with `send`, sent by SMTP once
// (a second run finds the send record and stops), recorded, and moved to 已发送/.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeMail, type OutgoingMail } from './compose.js';
import { safeFileName } from './file-names.js';
import { sendKey, sha256, type SendLog, type SendRecord } from './send-log.js';
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
  | { status: 'failed'; eml: string; failure: SendFailure; record: SendRecord };

export async function deliver(
  delivery: Delivery,
  options: DeliverOptions,
): Promise<DeliveryResult> {
  const { outDir, log, sender } = options;
  const now = options.now ?? (() => new Date());
  const fileName = `${safeFileName(delivery.name)}.eml`;
  await mkdir(outDir, { recursive: true });

  if (!sender) {
    const { eml } = await composeMail(delivery.mail, { draft: true });
    const file = path.join(outDir, fileName);
    await writeFile(file, eml);
    return { status: 'written', eml: file };
  }

  const { to, subject } = delivery.mail;
  const key = sendKey(subject, to, delivery.fingerprint);
  const previous = log.lastSent(delivery.slot, to);
  if (previous && !options.resend)
    return { status: 'skipped', previous, sameContent: previous.key === key };

  const { eml, messageId } = await composeMail(delivery.mail, { draft: false });
  const file = path.join(outDir, fileName);
  await writeFile(file, eml);
  const base = {
    slot: delivery.slot,
    key,
    messageId,
    subject,
    recipients: to,
    attachments: delivery.mail.attachments.map((a) => ({
      filename: a.filename,
      sha256: sha256(a.content),
      bytes: a.content.length,
    })),
    emlSha256: sha256(eml),
  };
  try {
    const envelope = { from: delivery.mail.from.address ?? '', to };
    const receipt = await sender.send(envelope, eml, options);
    const sentAt = now();
    const sentName = path.join(SENT_DIR, `${stamp(sentAt)} ${fileName}`);
    await mkdir(path.join(outDir, SENT_DIR), { recursive: true });
    await rename(file, path.join(outDir, sentName));
    const record: SendRecord = {
      ...base,
      status: 'sent',
      time: sentAt.toISOString(),
      accepted: receipt.accepted,
      rejected: receipt.rejected,
      eml: sentName,
      response: receipt.response,
      attempts: receipt.attempts,
    };
    await log.add(record);
    return { status: 'sent', eml: path.join(outDir, sentName), record };
  } catch (error) {
    if (!(error instanceof SendFailure)) throw error;
    const record: SendRecord = {
      ...base,
      status: 'failed',
      time: now().toISOString(),
      accepted: [],
      rejected: error.kind === 'recipient' ? to : [],
      eml: fileName,
      response: error.line,
      attempts: error.attempts,
    };
    await log.add(record);
    return { status: 'failed', eml: file, failure: error, record };
  }
}

/** 20261124-061502: sorts by time and is safe in any file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}
