// Mail: what one quarterly email costs to build, and what mailing many notice cards costs
// through deliver() (a new SMTP connection per message, one record write each) against a
// baseline of nodemailer sending the same bytes over one pooled connection, both to a real
// smtp-server on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type net from 'node:net';
import nodemailer from 'nodemailer';
import { PDFDocument } from 'pdf-lib';
import { SMTPServer } from 'smtp-server';
import { composeMail, PDF, type OutgoingMail } from '../reports/mail/compose.js';
import { deliver } from '../reports/mail/deliver.js';
import { SendLog } from '../reports/mail/send-log.js';
import type { SmtpConfig } from '../reports/mail/smtp-config.js';
import { SmtpSender } from '../reports/mail/smtp-send.js';

const MESSAGES = 100;

export default async function bench(): Promise<void> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const pdf = Buffer.from(await doc.save());
  const mail = (i: number): OutgoingMail => ({
    from: { name: '测试单位党工委', address: 'dangwei@example.cn' },
    to: [`member${i}@example.cn`],
    subject: `测试单位党工委 党员“十二分制”记分告知卡 〔2026〕${i}号（张三）`,
    text: '张三同志：\n\n测试单位党工委对您2026年7月10日的以下事项记分。\n'.repeat(3),
    html: '<p>张三同志：</p><p>测试单位党工委对您2026年7月10日的以下事项记分。</p>'.repeat(3),
    attachments: [{ filename: `记分告知卡-${i}.pdf`, content: pdf, contentType: PDF }],
  });

  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  const dir = mkdtempSync(path.join(tmpdir(), 'twelve-mail-bench-'));
  try {
    const composeStart = performance.now();
    const raws = [];
    for (let i = 0; i < MESSAGES; i++)
      raws.push((await composeMail(mail(i), { draft: false })).eml);
    const composeMs = (performance.now() - composeStart) / MESSAGES;

    const pool = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    });
    const baseStart = performance.now();
    for (let i = 0; i < MESSAGES; i++)
      await pool.sendMail({
        envelope: { from: 'dangwei@example.cn', to: [`member${i}@example.cn`] },
        raw: raws[i],
      });
    const baseMs = (performance.now() - baseStart) / MESSAGES;
    pool.close();

    const smtp: SmtpConfig = {
      host: '127.0.0.1',
      port,
      tls: 'none',
      user: null,
      password: null,
      from: 'dangwei@example.cn',
      timeoutMs: 5000,
      replyTimeoutMs: 600_000,
      retries: 0,
      retryDelayMs: 0,
      file: null,
    };
    const log = await SendLog.open(dir);
    const sender = new SmtpSender(smtp);
    const ownStart = performance.now();
    for (let i = 0; i < MESSAGES; i++)
      await deliver(
        {
          slot: `notice:${i}`,
          what: `notice ${i}`,
          fingerprint: String(i),
          name: `n${i}`,
          mail: mail(i),
        },
        { outDir: dir, log, sender },
      );
    const ownMs = (performance.now() - ownStart) / MESSAGES;
    sender.close();

    console.log(`messages sent: ${received} (expected ${2 * MESSAGES})`);
    console.log(`compose one .eml (1 PDF attachment):        ${composeMs.toFixed(2)} ms`);
    console.log(`baseline, pooled nodemailer, raw bytes:     ${baseMs.toFixed(2)} ms/message`);
    console.log(
      `deliver() (compose + send + record)    :     ${ownMs.toFixed(2)} ms/message  (${(ownMs / baseMs).toFixed(1)}× baseline)`,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}
