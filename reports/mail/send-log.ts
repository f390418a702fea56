// The send record (发送记录.json next to the outbox): every send and every failed attempt, so
// that running the same command again never sends the same thing twice unless asked to. A
// send is recorded (on disk) before the message goes out and marked sent after the server's
// 250: a run killed in between leaves "sending", which the next run will not resend blindly.
import { fileProblem } from '../file-errors.js';
import { ClerkError } from '../../core/clerk-error.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY, sweepStaleTemps, writeFileAtomic } from '../atomic-write.js';

export const SEND_LOG_FILE = '发送记录.json';

export interface AttachmentRecord {
  filename: string;
  sha256: string;
  bytes: number;
}

/**
 * sending: recorded before the message went out, outcome not (yet) known; sent: the server
 * answered 250; failed: certainly not accepted; unknown: handed over, never confirmed.
 */
export type SendStatus = 'sending' | 'sent' | 'failed' | 'unknown';

export interface SendRecord {
  /** What was sent, stable across runs: 'quarter:2026Q3', 'notice:记分台账!12'. */
  slot: string;
  /** Hash of the subject, the recipients and the content's fingerprint. */
  key: string;
  status: SendStatus;
  /** When it was sent (sent), else when the attempt began. */
  time: string;
  messageId: string;
  subject: string;
  recipients: string[];
  accepted: string[];
  rejected: string[];
  attachments: AttachmentRecord[];
  /** The .eml, relative to the outbox folder. */
  eml: string;
  emlSha256: string;
  /** The server's reply (sent) or the Chinese failure line (failed). */
  response: string;
  attempts: number;
}

/** A send record that cannot be read: sending stops rather than risk sending twice. */
export class SendLogError extends ClerkError {
  constructor(message: string) {
    super(message, 'file');
  }
}

export class SendLog {
  private constructor(
    readonly file: string,
    private readonly records: SendRecord[],
  ) {}

  static async open(outDir: string): Promise<SendLog> {
    const file = path.join(outDir, SEND_LOG_FILE);
    sweepStaleTemps(outDir);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SendLog(file, []);
      throw new SendLogError(`读不到发送记录：${fileProblem(error, file, 'read')}`);
    }
    try {
      const data = JSON.parse(text) as { records?: unknown };
      if (!Array.isArray(data.records)) throw new Error('没有 records 列表');
      return new SendLog(file, data.records as SendRecord[]);
    } catch (error) {
      throw new SendLogError(
        `发送记录 ${file} 已损坏（${(error as Error).message}），为免重复发送已停止：请修复或移走该文件后重试`,
      );
    }
  }

  /** The latest successful send of this slot to these recipients, if any. */
  lastSent(slot: string, recipients: string[]): SendRecord | undefined {
    const who = recipientKey(recipients);
    return this.records.findLast(
      (r) => r.status === 'sent' && r.slot === slot && recipientKey(r.recipients) === who,
    );
  }

  /** How many times this slot went to these recipients, confirmed. */
  sentCount(slot: string, recipients: string[]): number {
    const who = recipientKey(recipients);
    return this.records.filter(
      (r) => r.status === 'sent' && r.slot === slot && recipientKey(r.recipients) === who,
    ).length;
  }

  /** The last record of this slot to these recipients, whatever its outcome. */
  latest(slot: string, recipients: string[]): SendRecord | undefined {
    const who = recipientKey(recipients);
    return this.records.findLast((r) => r.slot === slot && recipientKey(r.recipients) === who);
  }

  all(): readonly SendRecord[] {
    return this.records;
  }

  /** Appends a record and saves it durably: for "sending", on disk before the send. */
  add(record: SendRecord): void {
    this.records.push(record);
    this.save();
  }

  /**
   * Rewrites the file atomically: a crash leaves the old file or the new one whole. Durable
   * (flushed to disk before this returns, ~10-25 ms measured here) unless told otherwise: an
   * outcome needs it less, as losing one to a power cut leaves "sending", the safe side.
   */
  save(options: { durable: boolean } = { durable: true }): void {
    const text = JSON.stringify({ version: 1, records: this.records }, null, 2) + '\n';
    writeFileAtomic(this.file, text, { ...options, mode: OWNER_ONLY });
  }
}

/** The outcome may be that the server has it: not to be sent again without --resend. */
export function isUnconfirmed(record: SendRecord): boolean {
  return record.status === 'sending' || record.status === 'unknown';
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The record's key: the same subject, recipients and content give the same key. */
export function sendKey(subject: string, recipients: string[], fingerprint: string): string {
  return sha256(JSON.stringify([subject, recipientKey(recipients), fingerprint]));
}

/**
 * The Message-ID of an item, the same in every run: what it is (slot and content), to whom
 * (in the key), from which unit, and how many times it was confirmed sent before. A message
 * sent again after an unknown outcome carries the same one, so a recipient's mail system, or
 * a person reading the headers, can tell the two for one message; a deliberate resend of a
 * confirmed message is a new one.
 */
export function stableMessageId(
  slot: string,
  key: string,
  unit: string,
  fromAddress: string | null,
  sentBefore: number,
): string {
  const domain = fromAddress?.split('@')[1] ?? 'twelve-points.invalid';
  return `<${sha256(JSON.stringify([slot, key, unit, sentBefore])).slice(0, 32)}@${domain}>`;
}

function recipientKey(recipients: string[]): string {
  return [...new Set(recipients.map((r) => r.toLowerCase()))].sort().join(',');
}
