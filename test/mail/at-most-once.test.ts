// Mail sent at most once, against a real SMTP server on 127.0.0.1: a 250 that comes late is a
// success, not a retry; a message handed over and never confirmed is not sent again until the
// clerk says so (--resend), and then under the same Message-ID; a refusal before the data is
// certain, so it is retried.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailCommand } from '../../reports/commands/mail.js';
import { SEND_LOG_FILE, type SendRecord } from '../../reports/mail/send-log.js';
import { captureIo } from '../helpers/io.js';
import { samplePdf, startSmtp, withCode, type TestServer } from '../helpers/smtp.js';
import { basicSheets, tempDir, writeXlsx } from '../helpers/workbook.js';

const UPWARD = 'shangji@example.cn';
const LEDGER = [['2026-07-10', 'A01', '张三', 'P1', '无故缺席', '', '', '']];

let workbook: string;
let pdf: Buffer;
const run = mailCommand(async () => ({ filename: '2026Q3 汇总.pdf', pdf }));

beforeAll(async () => {
  pdf = await samplePdf('Quarterly summary card 2026Q3');
  const book = basicSheets(LEDGER);
  book[2].rows.push(['上级党组织邮箱', UPWARD]);
  workbook = await writeXlsx(book);
});

function config(port: number, extra: Record<string, unknown> = {}): string {
  const file = path.join(tempDir(), 'smtp.json');
  const settings = { host: '127.0.0.1', port, tls: 'none', from: 'dangwei@example.cn' };
  // The old client gave up after 2 s: every test here keeps that for connecting.
  const timing = { timeoutSeconds: 2, retries: 2, retryDelaySeconds: 0.01 };
  writeFileSync(file, JSON.stringify({ ...settings, ...timing, ...extra }));
  return file;
}

/** A server that needs no login, answers the end of the data through `answer`. */
function server(answer: (reply: (error?: Error) => void, count: number) => void) {
  let count = 0;
  const started: { server?: TestServer } = {};
  return startSmtp({
    authOptional: true,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        started.server?.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          user: undefined,
        });
        answer(callback, ++count);
      });
    },
  }).then((s) => (started.server = s));
}

async function mail(out: string, smtp: string, ...extra: string[]) {
  const io = captureIo();
  const code = await run(
    [workbook, '--quarter', '2026Q3', '--out', out, '--send', '--smtp-config', smtp, ...extra],
    io,
  );
  return { code, out: io.stdout(), err: io.stderr() };
}

const records = (out: string): SendRecord[] =>
  JSON.parse(readFileSync(path.join(out, SEND_LOG_FILE), 'utf8')).records;

describe('mail at most once', () => {
  it('a 250 that comes after the old 2 s timeout is a success, recorded once, not retried', async () => {
    const smtp = await server((reply) => setTimeout(() => reply(), 3_000));
    try {
      const out = tempDir();
      const first = await mail(out, config(smtp.port));
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toContain(`已发送2026年第三季度记分汇总公示卡邮件至 ${UPWARD}`);
      expect(smtp.received).toHaveLength(1);
      expect(records(out).map((r) => [r.status, r.attempts])).toEqual([['sent', 1]]);
      const sent = await simpleParser(smtp.received[0].raw);
      expect(sent.messageId).toBe(records(out)[0].messageId);
    } finally {
      await smtp.close();
    }
  });

  it('handed over and never answered: not retried, recorded unknown; a rerun refuses until --resend, which keeps the Message-ID', async () => {
    // The first message is taken and never answered; later ones are answered at once.
    const smtp = await server((reply, count) => count > 1 && reply());
    try {
      const out = tempDir();
      const smtpFile = config(smtp.port, { replyTimeoutSeconds: 0.5 });
      const first = await mail(out, smtpFile);
      expect(first.code).toBe(3);
      expect(smtp.received).toHaveLength(1);
      expect(first.err).toContain('发送结果不明：邮件已全部交给邮件服务器');
      expect(first.err).toContain('等了 0.5 秒没有答复');
      expect(first.err).toContain(`请先向 ${UPWARD} 确认是否收到`);
      expect(first.err).toContain('确认没有收到后，加 --resend 重新运行');
      expect(first.err).not.toContain('重试');
      const [unknown] = records(out);
      expect([unknown.status, unknown.attempts]).toEqual(['unknown', 1]);

      const again = await mail(out, smtpFile);
      expect(again.code).toBe(3);
      expect(smtp.received).toHaveLength(1);
      expect(again.err).toContain('没有得到邮件服务器的确认');
      expect(again.err).toContain('本次未重发');
      expect(again.err).toContain('加 --resend 重新运行');
      expect(records(out)).toHaveLength(1);

      const resent = await mail(out, smtpFile, '--resend');
      expect(resent.err).toBe('');
      expect(resent.code).toBe(0);
      expect(smtp.received).toHaveLength(2);
      const [one, two] = await Promise.all(smtp.received.map((r) => simpleParser(r.raw)));
      // The same message twice, as its header says: the recipient can tell.
      expect(two.messageId).toBe(one.messageId);
      expect(records(out).map((r) => r.status)).toEqual(['unknown', 'sent']);
    } finally {
      await smtp.close();
    }
  });

  it('a temporary refusal before the data (451 to RCPT TO) is retried: certain it was not taken', async () => {
    let refusals = 0;
    const smtp = await startSmtp({
      authOptional: true,
      onRcptTo(_address, _session, callback) {
        if (refusals++ === 0) return callback(withCode(new Error('Greylisted, try again'), 451));
        callback();
      },
    });
    try {
      const out = tempDir();
      const result = await mail(out, config(smtp.port));
      expect(result.code).toBe(0);
      expect(result.err).toContain('451');
      expect(result.err).toContain('秒后第 1 次重试');
      expect(smtp.received).toHaveLength(1);
      expect(records(out).map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]);
    } finally {
      await smtp.close();
    }
  });
});
