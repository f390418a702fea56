// The send record (发送记录.json next to the outbox): every send and every failed attempt, so
// that running the same command again never sends the same thing twice unless asked to.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SEND_LOG_FILE = '发送记录.json';

export interface AttachmentRecord {
  filename: string;
  sha256: string;
  bytes: number;
}

export interface SendRecord {
  /** What was sent, stable across runs: 'quarter:2026Q3', 'notice:记分台账!12'. */
  slot: string;
  /** Hash of the subject, the recipients and the content's fingerprint. */
  key: string;
  status: 'sent' | 'failed';
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
export class SendLogError extends Error {}

export class SendLog {
  private constructor(
    readonly file: string,
    private readonly records: SendRecord[],
  ) {}

  static async open(outDir: string): Promise<SendLog> {
    const file = path.join(outDir, SEND_LOG_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SendLog(file, []);
      throw new SendLogError(`读不到发送记录 ${file}：${(error as Error).message}`);
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

  all(): readonly SendRecord[] {
    return this.records;
  }

  /** Appends a record and rewrites the file atomically (a crash leaves the old file whole). */
  async add(record: SendRecord): Promise<void> {
    this.records.push(record);
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: 1, records: this.records }, null, 2) + '\n');
    await rename(temp, this.file);
  }
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The record's key: the same subject, recipients and content give the same key. */
export function sendKey(subject: string, recipients: string[], fingerprint: string): string {
  return sha256(JSON.stringify([subject, recipientKey(recipients), fingerprint]));
}

function recipientKey(recipients: string[]): string {
  return [...new Set(recipients.map((r) => r.toLowerCase()))].sort().join(',');
}
