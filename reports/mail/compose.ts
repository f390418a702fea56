// One email as RFC 822 bytes (.eml), composed by nodemailer. The same bytes are written to the
// outbox and, with --send, handed to the SMTP server, so the outbox copy is what was sent.
import { ClerkError } from '../../core/clerk-error.js';
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { headerText } from '../safe-names.js';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  /** The unit's name; the address where one is configured (a draft may go without). */
  from: { name: string; address: string | null };
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
}

export interface ComposedMail {
  eml: Buffer;
  messageId: string;
}

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A draft carries `X-Unsent: 1`, which makes Outlook open the .eml as a message ready to send
 * rather than as one received; other clients ignore it.
 */
export async function composeMail(
  mail: OutgoingMail,
  options: { draft: boolean; messageId?: string },
): Promise<ComposedMail> {
  const domain = mail.from.address?.split('@')[1] ?? 'twelve-points.invalid';
  const messageId = options.messageId ?? `<${randomUUID()}@${domain}>`;
  // Every header built from what a clerk typed passes headerText: one line, nothing unseen.
  const composer = new MailComposer({
    from: mail.from.address
      ? { name: headerText(mail.from.name), address: mail.from.address }
      : undefined,
    to: mail.to,
    subject: headerText(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId,
    headers: options.draft ? { 'X-Unsent': '1' } : {},
    attachments: mail.attachments.map((a) => ({
      filename: headerText(a.filename),
      content: a.content,
      contentType: a.contentType,
    })),
  });
  const built = await composer.compile().build();
  // Parts keep the templates' bare LFs; SMTP sends CRLF. Writing CRLF throughout makes the
  // outbox copy the very bytes the server receives.
  const eml = Buffer.from(built.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  return { eml, messageId };
}

/** Thrown for an address list that has something that is not an address. */
export class RecipientError extends ClerkError {
  constructor(message: string) {
    super(message, 'option');
  }
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * Addresses from what a clerk typed: separated by commas, semicolons (also full-width) or
 * spaces, each either bare or as `名字 <address>`. Returns bare addresses, deduplicated.
 */
export function parseRecipients(text: string, where: string): string[] {
  const list = text.replace(/[；，;]/g, ',').trim();
  if (!list) return [];
  const found = addressparser(list, { flatten: true });
  const bad = found.filter((a) => !EMAIL.test(a.address)).map((a) => a.name || a.address);
  if (bad.length > 0 || found.length === 0)
    throw new RecipientError(
      `${where} 的"${bad.join('、') || list}"不是有效的邮箱地址，应如 dangwei@example.gov.cn，多个用逗号分隔`,
    );
  const seen = new Set<string>();
  return found
    .map((a) => a.address)
    .filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}
