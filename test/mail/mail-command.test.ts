// `twelve mail` end to end: a real workbook, a real SMTP server on 127.0.0.1, messages read
// back with mailparser.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailCommand } from '../../reports/commands/mail.js';
import { SEND_LOG_FILE, type SendRecord } from '../../reports/mail/send-log.js';
import { captureIo } from '../helpers/io.js';
import {
  closedPort,
  PASSWORD,
  samplePdf,
  silentServer,
  startSmtp,
  USER,
  withCode,
  type TestServer,
} from '../helpers/smtp.js';
import { basicSheets, tempDir, writeXlsx } from '../helpers/workbook.js';

const UNIT = '测试单位党工委';
const UPWARD = 'shangji@example.cn';
const CARD_NAME = '2026Q3 记分汇总公示卡（报上级党组织）.pdf';

// Q3 2026: 张三 +6 then a 2-point reward that cancels 2 (balance 4, 正常); 王五 +6 (提醒).
// 李四's entry is in Q2 and must not show. Totals worked out by hand from the catalog:
// members 2, demerits 12, rewards 2, cancelled 2, 正常 1, 提醒 1.
const LEDGER = [
  ['2026-05-04', 'A02', '李四', 'P1', '请假', '', '', ''],
  ['2026-07-10', 'A01', '张三', 'P1', '无故缺席', '', '', '7月支部党员大会无故缺席'],
  ['2026-08-05', 'A01', '张三', 'J1', '', '', '已认定', '社区志愿服务'],
  ['2026-09-01', 'A03', '王五', 'P1', '无故缺席', '', '', ''],
];

function sheets(settings: [string, string][] = [['上级党组织邮箱', UPWARD]], ledger = LEDGER) {
  const book = basicSheets(ledger);
  book[2].rows.push(...settings);
  return book;
}

let pdf: Buffer;
let workbook: string;
const run = mailCommand(async () => ({ filename: CARD_NAME, pdf }));

beforeAll(async () => {
  pdf = await samplePdf('Quarterly summary card 2026Q3');
  workbook = await writeXlsx(sheets());
});

function config(port: number, extra: Record<string, unknown> = {}): string {
  const file = path.join(tempDir(), 'smtp.json');
  writeFileSync(
    file,
    JSON.stringify({
      host: '127.0.0.1',
      port,
      tls: 'none',
      user: USER,
      password: PASSWORD,
      from: 'dangwei@example.cn',
      timeoutSeconds: 2,
      retries: 2,
      retryDelaySeconds: 0.01,
      ...extra,
    }),
    { mode: 0o600 },
  );
  return file;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const readLog = (dir: string): SendRecord[] =>
  JSON.parse(readFileSync(path.join(dir, SEND_LOG_FILE), 'utf8')).records;
const emls = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.eml'));

async function xlsxRows(buffer: Buffer, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function expectQuarterMessage(mail: ParsedMail) {
  expect(mail.subject).toBe(`${UNIT} 2026年第三季度机关党员“十二分制”记分汇总公示卡`);
  expect(mail.from?.value[0]).toEqual({ name: UNIT, address: 'dangwei@example.cn' });
  for (const body of [mail.text!, String(mail.html)]) {
    expect(body).toContain(`现将${UNIT}2026年第三季度（2026年7月1日至2026年9月30日）`);
    expect(body).toContain('12 分');
    expect(body).toContain('提醒 1 名');
  }
  expect(mail.text).toContain(
    '本季度有记分或奖励记录的党员 2 名，共记分 12 分，奖励分 2 分（实际销分 2 分）',
  );
  expect(mail.text).toContain('季度末等级：提醒 1 名，警示 0 名，不合格 0 名，其余为正常。');
  expect(mail.attachments.map((a) => a.filename)).toEqual([
    CARD_NAME,
    `${UNIT} 2026年第三季度记分汇总表.xlsx`,
  ]);
  expect(mail.attachments[0].content.equals(pdf)).toBe(true);
  expect(mail.attachments[0].contentType).toBe('application/pdf');
}

describe('twelve mail without --send', () => {
  it('writes an .eml draft that opens as the full message, and sends nothing', async () => {
    const out = tempDir();
    const io = captureIo();
    const code = await run([workbook, '--quarter', '2026Q3', '--out', out], io);
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const [file] = emls(out);
    expect(file).toBe(`2026Q3 ${UNIT} 记分汇总公示卡.eml`);
    expect(io.stdout()).toContain(file);

    const mail = await simpleParser(readFileSync(path.join(out, file)));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.to && 'value' in mail.to && mail.to.value.map((v) => v.address)).toEqual([UPWARD]);
    // No SMTP settings here: no sender address, the mail client fills it in.
    expect(mail.from).toBeUndefined();
    expect(mail.attachments[0].content.equals(pdf)).toBe(true);

    const rows = await xlsxRows(mail.attachments[1].content, '记分汇总');
    expect(rows[2]).toEqual([
      '序号',
      '编号',
      '姓名',
      '支部',
      '职务',
      '本季度记分',
      '本季度奖励分',
      '实际销分',
      '季度末积分',
      '等级',
      '可否推荐评先评优',
    ]);
    expect(rows.slice(3, 5)).toEqual([
      [1, 'A01', '张三', '第一支部', '科员', 6, 2, 2, 4, '正常', '不可推荐'],
      [2, 'A03', '王五', '第二支部', '科员', 6, 0, 0, 6, '提醒', '不可推荐'],
    ]);
    expect(rows[5].slice(0, 8)).toEqual(['合计', '', '2 名', '', '', 12, 2, 2]);
    const detail = await xlsxRows(mail.attachments[1].content, '记分明细');
    expect(detail.slice(3).map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ['张三', 6, '7月支部党员大会无故缺席', '记分台账!3'],
      ['张三', -2, '社区志愿服务', '记分台账!4'],
      ['王五', 6, '', '记分台账!5'],
    ]);
  });

  it('says in one line where to put the recipient when there is none (exit 2)', async () => {
    const bare = await writeXlsx(sheets([]));
    const io = captureIo();
    const code = await run([bare, '--quarter', '2026Q3', '--out', tempDir()], io);
    expect(code).toBe(2);
    expect(io.stderr().trim().split('\n')).toHaveLength(1);
    expect(io.stderr()).toContain('上级党组织邮箱');
    expect(io.stderr()).toContain('--to');
  });

  it('names the cell when 设置!上级党组织邮箱 holds something that is not an address', async () => {
    const typo = await writeXlsx(sheets([['上级党组织邮箱', 'shangji#example.cn']]));
    const io = captureIo();
    expect(await run([typo, '--quarter', '2026Q3', '--out', tempDir()], io)).toBe(2);
    expect(io.stderr().trim().split('\n')).toHaveLength(1);
    expect(io.stderr()).toContain('设置!B3');
    expect(io.stderr()).toContain('"shangji#example.cn"不是有效的邮箱地址');
  });

  it('takes --to over the 设置 sheet and refuses what is not an address', async () => {
    const out = tempDir();
    const io = captureIo();
    expect(
      await run([workbook, '--quarter', '2026Q3', '--out', out, '--to', 'a@x.cn；b@y.cn'], io),
    ).toBe(0);
    const mail = await simpleParser(readFileSync(path.join(out, emls(out)[0])));
    expect(mail.to && 'value' in mail.to && mail.to.value.map((v) => v.address)).toEqual([
      'a@x.cn',
      'b@y.cn',
    ]);

    const bad = captureIo();
    expect(
      await run([workbook, '--quarter', '2026Q3', '--out', out, '--to', '上级党委'], bad),
    ).toBe(2);
    expect(bad.stderr()).toContain('"上级党委"不是有效的邮箱地址');
  });
});

describe('twelve mail --send to a real SMTP server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSmtp();
  });
  afterAll(() => server.close());

  it('sends once, records it, and a second run does not send again', async () => {
    const out = tempDir();
    const smtp = config(server.port);
    const before = server.received.length;
    const first = captureIo();
    expect(
      await run(
        [workbook, '--quarter', '2026Q3', '--out', out, '--send', '--smtp-config', smtp],
        first,
      ),
    ).toBe(0);
    expect(server.received.length).toBe(before + 1);
    const got = server.received.at(-1)!;
    expect(got.user).toBe(USER);
    expect(got.to).toEqual([UPWARD]);
    expect(got.from).toBe('dangwei@example.cn');

    const mail = await simpleParser(got.raw);
    expectQuarterMessage(mail);
    expect(mail.headers.get('x-unsent')).toBeUndefined();

    // The record names what went out; the kept copy is byte for byte what the server got.
    const [record] = readLog(out);
    expect(record.status).toBe('sent');
    expect(record.messageId).toBe(mail.messageId);
    expect(record.recipients).toEqual([UPWARD]);
    expect(record.attachments.map((a) => a.sha256)).toEqual(
      mail.attachments.map((a) => sha(a.content)),
    );
    const kept = readFileSync(path.join(out, record.eml));
    expect(sha(kept)).toBe(record.emlSha256);
    expect(kept.equals(got.raw)).toBe(true);
    expect(first.stdout()).toContain(`已发送2026年第三季度记分汇总公示卡邮件至 ${UPWARD}`);

    const second = captureIo();
    expect(
      await run(
        [workbook, '--quarter', '2026Q3', '--out', out, '--send', '--smtp-config', smtp],
        second,
      ),
    ).toBe(0);
    expect(server.received.length).toBe(before + 1);
    expect(second.stdout()).toContain('本次未重复发送；内容与上次相同，如需再次发送请加 --resend');
    expect(readLog(out)).toHaveLength(1);

    const third = captureIo();
    expect(
      await run(
        [
          workbook,
          '--quarter',
          '2026Q3',
          '--out',
          out,
          '--send',
          '--resend',
          '--smtp-config',
          smtp,
        ],
        third,
      ),
    ).toBe(0);
    expect(server.received.length).toBe(before + 2);
    const resent = await simpleParser(server.received.at(-1)!.raw);
    expect(resent.messageId).not.toBe(mail.messageId);
    expect(readLog(out).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('tells a corrected ledger from a repeat, and still does not send it without --resend', async () => {
    const out = tempDir();
    const smtp = config(server.port);
    await run(
      [workbook, '--quarter', '2026Q3', '--out', out, '--send', '--smtp-config', smtp],
      captureIo(),
    );
    const before = server.received.length;
    const corrected = await writeXlsx(
      sheets(undefined, [...LEDGER, ['2026-09-20', 'A02', '李四', 'P2', '请假', '', '', '']]),
    );
    const io = captureIo();
    expect(
      await run(
        [corrected, '--quarter', '2026Q3', '--out', out, '--send', '--smtp-config', smtp],
        io,
      ),
    ).toBe(0);
    expect(server.received.length).toBe(before);
    expect(io.stdout()).toContain('台账数据已有变化，如需再次发送请加 --resend');
  });

  it('sends a summary from a ledger with row errors, saying how many rows it left out (domain.md)', async () => {
    const broken = await writeXlsx(
      sheets(undefined, [...LEDGER, ['2026-13-01', 'A01', '张三', 'P1', '请假', '', '', '']]),
    );
    const before = server.received.length;
    const out = tempDir();
    const io = captureIo();
    expect(
      await run(
        [
          broken,
          '--quarter',
          '2026Q3',
          '--out',
          out,
          '--send',
          '--smtp-config',
          config(server.port),
        ],
        io,
      ),
    ).toBe(1);
    expect(server.received.length).toBe(before + 1);
    expect(io.stderr()).toContain('记分台账 第6行 日期');
    expect(io.stderr()).toContain('这些行未计入汇总');
    expect(readLog(out).map((r) => r.status)).toEqual(['sent']);
    const sent = await simpleParser(server.received.at(-1)!.raw);
    expect(sent.text).toContain('台账中 1 行有错误，未计入本汇总');
  });
});

describe('twelve mail --send failures: one Chinese line, the outbox copy kept, exit 3', () => {
  async function failing(smtp: string) {
    const out = tempDir();
    const io = captureIo();
    const code = await run(
      [workbook, '--quarter', '2026Q3', '--out', out, '--send', '--smtp-config', smtp],
      io,
    );
    const lines = io.stderr().trim().split('\n');
    return { code, out, io, lines, last: lines.at(-1)! };
  }

  function expectKept(out: string, io: ReturnType<typeof captureIo>) {
    expect(emls(out)).toEqual([`2026Q3 ${UNIT} 记分汇总公示卡.eml`]);
    const [record] = readLog(out);
    expect(record.status).toBe('failed');
    // The password is in no output and no file the tool writes.
    const written = [io.stdout(), io.stderr(), readFileSync(path.join(out, SEND_LOG_FILE), 'utf8')];
    for (const text of written) expect(text).not.toContain(PASSWORD);
    return record;
  }

  it('authentication refused', async () => {
    const server = await startSmtp();
    try {
      const { code, out, io, lines, last } = await failing(
        config(server.port, { password: 'wrong' }),
      );
      expect(code).toBe(3);
      expect(lines).toHaveLength(1);
      expect(last).toMatch(/^发送失败：邮件服务器 127\.0\.0\.1:\d+ 拒绝登录（服务器答复：535/);
      expect(last).toContain('请检查用户名和密码');
      expect(server.received).toHaveLength(0);
      // A wrong password is not retried: the server saw one login.
      expect(server.logins).toEqual([USER]);
      expect(expectKept(out, io).attempts).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('connection refused (nothing listens on the port)', async () => {
    const { code, out, io, lines, last } = await failing(config(await closedPort()));
    expect(code).toBe(3);
    expect(lines).toHaveLength(1);
    expect(last).toMatch(/^发送失败：无法连接邮件服务器 127\.0\.0\.1:\d+（连接被拒绝）/);
    expect(expectKept(out, io).attempts).toBe(1);
  });

  it('a rejected recipient', async () => {
    const server = await startSmtp({
      onRcptTo(address, _session, callback) {
        callback(withCode(new Error(`Mailbox ${address.address} unavailable`), 550));
      },
    });
    try {
      const { code, out, io, lines, last } = await failing(config(server.port));
      expect(code).toBe(3);
      expect(lines).toHaveLength(1);
      expect(last).toContain(`邮件服务器拒收收件人 ${UPWARD}`);
      expect(last).toContain('550');
      expect(last).toContain('设置!上级党组织邮箱');
      expect(server.received).toHaveLength(0);
      expect(expectKept(out, io).rejected).toEqual([UPWARD]);
    } finally {
      await server.close();
    }
  });

  it('one of two recipients rejected: sent to the other, the rejected one named, exit 3', async () => {
    const server = await startSmtp({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody'))
          return callback(withCode(new Error('No such user'), 550));
        callback();
      },
    });
    try {
      const out = tempDir();
      const io = captureIo();
      const to = `${UPWARD}, nobody@example.cn`;
      const args = [workbook, '--quarter', '2026Q3', '--out', out, '--send', '--to', to];
      expect(await run([...args, '--smtp-config', config(server.port)], io)).toBe(3);
      expect(server.received.map((r) => r.to)).toEqual([[UPWARD]]);
      expect(io.stderr().trim()).toBe(
        '注意：邮件服务器拒收 nobody@example.cn，这些收件人没有收到；核对地址后可用 --to 单独补发',
      );
      const [record] = readLog(out);
      expect([record.status, record.accepted, record.rejected]).toEqual([
        'sent',
        [UPWARD],
        ['nobody@example.cn'],
      ]);
    } finally {
      await server.close();
    }
  });

  it('a server that never answers: timeout, retried with backoff, then one line', async () => {
    const silent = await silentServer();
    try {
      const { code, out, io, lines, last } = await failing(
        config(silent.port, { timeoutSeconds: 0.3, retries: 1 }),
      );
      expect(code).toBe(3);
      expect(last).toMatch(/^发送失败：连接邮件服务器 127\.0\.0\.1:\d+ 超时（0\.3 秒无响应）/);
      // One retry line, then the failure.
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('秒后第 1 次重试');
      expect(silent.connections()).toBe(2);
      expect(expectKept(out, io).attempts).toBe(2);
    } finally {
      await silent.close();
    }
  });

  it('a temporary refusal (451) is retried and the message goes through', async () => {
    let refusals = 0;
    const server = await startSmtp({
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (refusals++ === 0) return callback(withCode(new Error('Try again later'), 451));
          server.received.push({ from: '', to: [], raw: Buffer.concat(chunks), user: undefined });
          callback();
        });
      },
    });
    try {
      const out = tempDir();
      const io = captureIo();
      const code = await run(
        [
          workbook,
          '--quarter',
          '2026Q3',
          '--out',
          out,
          '--send',
          '--smtp-config',
          config(server.port),
        ],
        io,
      );
      expect(code).toBe(0);
      expect(io.stderr()).toContain('451');
      expect(server.received).toHaveLength(1);
      expectQuarterMessage(await simpleParser(server.received[0].raw));
      expect(readLog(out).map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]);
    } finally {
      await server.close();
    }
  });
});
