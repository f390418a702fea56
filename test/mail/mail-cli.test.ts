// The commands as a clerk runs them, on the bundled sample, with the real cards (Chromium):
// `twelve mail` writes the quarterly .eml with the upward summary card; `twelve notices --mail
// --send` mails each member their own card through a real SMTP server on 127.0.0.1.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCards, parseWorkbook, quarterlySummary, score } from '../../core/index.js';
import { main } from '../../reports/cli.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { readSummaryXlsx } from '../../reports/county/read-summary.js';
import { captureIo } from '../helpers/io.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import { PASSWORD, startSmtp, USER, type TestServer } from '../helpers/smtp.js';
import { tempDir } from '../helpers/workbook.js';

const SAMPLE_UNIT = '示例经开区党工委';

let server: TestServer;
beforeAll(async () => {
  server = await startSmtp();
});
afterAll(() => server.close());

describe('twelve mail on the sample', () => {
  it('writes the quarterly .eml with the upward 记分汇总公示卡 and the summary .xlsx', async () => {
    const out = tempDir();
    const io = captureIo();
    // The sample has deliberate typing mistakes: exit 1, and the .eml is still written.
    expect(await main(['mail', '--quarter', '2026Q3', '--out', out], io.out, io.err)).toBe(1);
    const [file] = readdirSync(out).filter((f) => f.endsWith('.eml'));
    expect(io.stdout()).toContain(file);
    const mail = await simpleParser(readFileSync(path.join(out, file)));
    expect(mail.subject).toBe(`${SAMPLE_UNIT} 2026年第三季度机关党员“十二分制”记分汇总公示卡`);
    expect(mail.to && 'value' in mail.to && mail.to.value[0].address).toBe(
      'zuzhibu@example.gov.cn',
    );

    const summary = quarterlySummary(parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)), '2026Q3');
    expect(mail.text).toContain(
      `本季度有记分或奖励记录的党员 ${summary.figures.listedMembers} 名，共记分 ${summary.figures.demerits} 分，奖励分 ${summary.figures.rewards} 分`,
    );
    const [card, xlsx] = mail.attachments;
    expect(card.filename).toBe('记分汇总公示卡-2026Q3-报上级.pdf');
    const text = (await pdfPages(card.content)).join('');
    expect(text).toContain(squash('记分汇总公示卡'));
    expect(text).toContain(squash(SAMPLE_UNIT));
    for (const row of summary.rows) expect(text).toContain(squash(row.member.name));
    expect(xlsx.filename).toBe(`${SAMPLE_UNIT} 2026年第三季度记分汇总表.xlsx`);

    // 季度末等级 in the body is the whole roster's, as 单位数据 and `twelve score --as-of` say
    // (it once counted only the quarter's listed members: 0 / 0 / 0 against 1 / 1 / 1).
    const read = await readSummaryXlsx(xlsx.content);
    if (!read.ok) throw new Error(read.message);
    const f = read.submission.figures;
    const levels = `提醒 ${f.reminder} 名，警示 ${f.warning} 名，不合格 ${f.unqualified} 名`;
    expect(mail.text).toContain(`季度末等级：${levels}，其余为正常`);
    expect(text).toContain(squash(`季末等级：${levels}`));
    const scored = captureIo();
    await main(['score', SAMPLE_WORKBOOK, '--as-of', summary.end], scored.out, scored.err);
    expect(scored.stdout()).toContain(`${levels}`);
    expect(f.reminder! + f.warning! + f.unqualified!).toBeGreaterThan(0);
  });
});

describe('twelve notices --mail --send on the sample', () => {
  it('sends each card to its member once, lists those without a 邮箱, and a re-run sends none', async () => {
    const config = path.join(tempDir(), 'smtp.json');
    writeFileSync(
      config,
      JSON.stringify({
        host: '127.0.0.1',
        port: server.port,
        tls: 'none',
        user: USER,
        password: PASSWORD,
        from: 'dangwei@example.cn',
      }),
      { mode: 0o600 },
    );
    const period = ['--since', '2026-10-01', '--until', '2026-11-24', '--as-of', '2026-11-24'];
    const args = [
      'notices',
      ...period,
      '--out',
      tempDir(),
      '--mail',
      '--outbox',
      tempDir(),
      '--send',
      '--smtp-config',
      config,
    ];

    const result = score(parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)), '2026-11-24');
    const cards = noticeCards(result, { since: '2026-10-01', until: '2026-11-24' });
    const email = new Map(result.entries.map((e) => [e.key, e.member.email]));
    const withEmail = cards.filter((c) => email.get(c.entryKey));
    // The period holds cards of members with a 邮箱 and one of DY040, who has none.
    expect(withEmail.length).toBeGreaterThan(0);
    expect(withEmail.length).toBeLessThan(cards.length);

    const io = captureIo();
    const code = await main(args, io.out, io.err);
    expect([0, 1]).toContain(code);
    expect(server.received).toHaveLength(withEmail.length);
    for (const [i, got] of server.received.entries()) {
      expect(got.to).toEqual([email.get(withEmail[i].entryKey)]);
      const mail = await simpleParser(got.raw);
      expect(mail.subject).toContain(withEmail[i].view.number);
      const pages = await pdfPages(mail.attachments[0].content);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain(squash(withEmail[i].view.member.name));
      expect(pages[0]).toContain(squash(withEmail[i].view.number));
    }
    expect(io.stdout()).toContain(`告知卡邮件：已发送 ${withEmail.length} 封`);
    for (const c of cards.filter((c) => !email.get(c.entryKey)))
      expect(io.stdout()).toContain(`未发送：${c.memberName}（${c.view.number}）— 名册中没有邮箱`);

    const again = captureIo();
    expect([0, 1]).toContain(await main(args, again.out, again.err));
    expect(server.received).toHaveLength(withEmail.length);
    expect(again.stdout()).toContain(`此前已发送、未重复发送 ${withEmail.length} 封`);
  });

  it('refuses mail options without --mail', async () => {
    const io = captureIo();
    expect(await main(['notices', '--send'], io.out, io.err)).toBe(2);
    expect(io.stderr()).toContain('须与 --mail 一起使用');
  });
});
