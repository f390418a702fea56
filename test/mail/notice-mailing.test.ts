// `twelve notices --mail`: one email per card to the member's own 邮箱, through a real SMTP
// server on 127.0.0.1; members without a usable 邮箱 are listed as not sent.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkbook, score, type ScoreResult } from '../../core/index.js';
import { mailNotices } from '../../reports/mail/notice-mailing.js';
import type { RenderedNoticeCard } from '../../reports/mail/notice-delivery.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { captureIo } from '../helpers/io.js';
import {
  closedPort,
  PASSWORD,
  samplePdf,
  startSmtp,
  USER,
  type TestServer,
} from '../helpers/smtp.js';
import { basicSheets, tempDir, writeXlsx } from '../helpers/workbook.js';

let result: ScoreResult;
let notices: RenderedNoticeCard[];
let server: TestServer;

beforeAll(async () => {
  const sheets = basicSheets([
    ['2026-05-04', 'A02', '李四', 'P1', '请假', '', '', ''],
    ['2026-07-10', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
    ['2026-08-05', 'A01', '张三', 'J1', '', '', '已认定', '社区志愿服务'],
    ['2026-09-01', 'A03', '王五', 'P1', '无故缺席', '', '', ''],
  ]);
  sheets[0].rows[3][4] = 'wangwu@example'; // 王五: not an address
  result = score(parseWorkbook(await readWorkbook(await writeXlsx(sheets))), '2026-09-30');
  // One card per counted entry, as the cards give them; each PDF is a real, distinct file.
  notices = await Promise.all(
    result.entries.map(async (e, i) => ({
      card: {
        entryKey: e.key,
        memberName: e.member.name,
        view: {
          title: `机关党员“十二分制”${e.points < 0 ? '奖励分' : '记分'}告知卡`,
          unit: '测试单位党工委',
          number: `〔2026〕000${e.source.row}号`,
          issueDate: '2026年9月30日',
          entry: { date: e.date, norm: e.rule.norm, variant: e.rule.variant ?? '—' },
          reward: e.points < 0,
          points: String(Math.abs(e.points)),
          effect: `积分变化 ${i}`,
          reviewText: '如对本次记分有异议，可自收到本卡之日起 7 日内向党工委书面申请复核。',
        },
      },
      pdf: await samplePdf(`Notice card ${e.member.id} row ${e.source.row}`),
      filename: `记分告知卡-${e.member.id}-${e.member.name}-${e.date}.pdf`,
    })),
  );
  server = await startSmtp();
});
afterAll(() => server.close());

function config(port: number): string {
  const file = path.join(tempDir(), 'smtp.json');
  const settings = {
    host: '127.0.0.1',
    port,
    tls: 'none',
    user: USER,
    password: PASSWORD,
    from: 'dangwei@example.cn',
    retries: 0,
  };
  writeFileSync(file, JSON.stringify(settings), { mode: 0o600 });
  return file;
}

describe('notice cards by mail', () => {
  it('sends each card to its member once; those without a usable 邮箱 are listed', async () => {
    const out = tempDir();
    const smtp = config(server.port);
    const io = captureIo();
    const first = await mailNotices(
      notices,
      result.entries,
      { out, send: true, 'smtp-config': smtp },
      io,
    );
    expect(first.exitCode).toBe(0);
    expect(server.received.map((r) => r.to)).toEqual([
      ['zhangsan@example.cn'],
      ['zhangsan@example.cn'],
    ]);
    const zhang = notices.filter((n) => n.card.memberName === '张三');
    for (const [i, got] of server.received.entries()) {
      const mail = await simpleParser(got.raw);
      expect(mail.subject).toBe(
        `测试单位党工委 机关党员“十二分制”${zhang[i].card.view.reward ? '奖励分' : '记分'}告知卡 ${zhang[i].card.view.number}（张三）`,
      );
      expect(mail.text).toContain('张三同志：');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].filename).toBe(zhang[i].filename);
      expect(mail.attachments[0].content.equals(zhang[i].pdf)).toBe(true);
    }
    const reward = await simpleParser(server.received[1].raw);
    expect(reward.text).toContain('给予奖励分');
    expect(reward.text).toContain('奖励分值：2 分');

    expect(first.notSent.map((n) => [n.card.card.memberName, n.reason])).toEqual([
      ['李四', '名册中没有邮箱'],
      ['王五', expect.stringContaining('"wangwu@example"不是有效的邮箱地址')],
    ]);
    expect(io.stdout()).toContain('告知卡邮件：已发送 2 封，未发送 2 张');
    expect(io.stdout()).toContain('未发送：李四');

    const again = captureIo();
    const second = await mailNotices(
      notices,
      result.entries,
      { out, send: true, 'smtp-config': smtp },
      again,
    );
    expect(second.exitCode).toBe(0);
    expect(server.received).toHaveLength(2);
    expect(again.stdout()).toContain('此前已发送、未重复发送 2 封');
  });

  it('without --send writes one .eml per card with an address', async () => {
    const out = tempDir();
    const io = captureIo();
    const run = await mailNotices(notices, result.entries, { out }, io);
    expect(run.exitCode).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.eml'));
    expect(files.sort()).toEqual(
      notices
        .filter((n) => n.card.memberName === '张三')
        .map((n) => n.filename.replace('.pdf', '.eml'))
        .sort(),
    );
  });

  it('stops at a server that refuses connections, keeps the outbox copy, exit 3', async () => {
    const out = tempDir();
    const io = captureIo();
    const run = await mailNotices(
      notices,
      result.entries,
      { out, send: true, 'smtp-config': config(await closedPort()) },
      io,
    );
    expect(run.exitCode).toBe(3);
    expect(run.results.map((r) => r.status)).toEqual(['failed']);
    expect(io.stderr().trim().split('\n')).toHaveLength(1);
    expect(io.stderr()).toContain('连接被拒绝');
    expect(run.notSent.map((n) => n.reason)).toContain('邮件服务器出错，本次未发送');
    expect(readdirSync(out).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
