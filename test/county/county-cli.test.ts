// `twelve county` end to end: generated units mail their quarterly reports through a real SMTP
// server on 127.0.0.1 (`twelve mail --send`), the county saves what arrived as .eml (and as an
// mbox) and consolidates it. The county's totals must be the sum of the units' own
// `twelve score` results; a resubmission counts once; bad files are each named and skipped.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureKey } from '../../core/index.js';
import { main } from '../../reports/cli.js';
import { mailCommand } from '../../reports/commands/mail.js';
import { composeMail, PDF } from '../../reports/mail/compose.js';
import { generateUnit } from '../../scripts/generate-unit.js';
import { writeUnitXlsx } from '../../scripts/write-unit.js';
import { captureIo } from '../helpers/io.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import { PASSWORD, samplePdf, startSmtp, USER, type TestServer } from '../helpers/smtp.js';
import { tempDir } from '../helpers/workbook.js';

const QUARTER = '2026Q3';
const UNITS = ['城关镇', '工业园区', '农业农村局', '教育局'];
const unitName = (u: string) => `${u}党工委`;
/** On the county's list but never reports. */
const SILENT = '文化旅游局党工委';
const COUNTY = '中共示例县委组织部';

let server: TestServer;
let inbox: string;
let workbooks: Map<string, string>;
let county: { code: number; out: string; stdout: string; dir: string };

// The card PDF is a stand-in: the county reads only the .xlsx (the real card is tested with
// `twelve mail` in test/mail); rendering five cards would only slow this test down.
const sendMail = mailCommand(async (summary) => ({
  filename: `记分汇总公示卡-${summary.quarter}-报上级.pdf`,
  pdf: await samplePdf(`card ${summary.quarter}`),
}));

async function mailUnit(workbook: string, quarter: string, resend = false): Promise<void> {
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
  const io = captureIo();
  const args = [workbook, '--quarter', quarter, '--to', 'zuzhibu@example.gov.cn'];
  args.push('--out', tempDir(), '--send', '--smtp-config', config, ...(resend ? ['--resend'] : []));
  const code = await sendMail(args, io);
  expect(code, io.stderr()).toBe(0);
}

async function writeUnit(name: string, seed: number, extraRows: unknown[][] = []) {
  const unit = generateUnit({ members: 24, ledgerRows: 160, seed, year: 2026, unitName: name });
  const ledger = unit.sheets.find((s) => s.name === '记分台账')!;
  ledger.rows.push(...(extraRows as typeof ledger.rows));
  const file = path.join(tempDir(), `${name}台账.xlsx`);
  await writeUnitXlsx(unit.sheets, file);
  return { file, unit };
}

beforeAll(async () => {
  server = await startSmtp();
  inbox = tempDir('twelve-county-inbox-');
  workbooks = new Map();
  for (const [i, u] of UNITS.entries()) {
    const { file } = await writeUnit(u, 100 + i);
    workbooks.set(u, file);
    await mailUnit(file, QUARTER);
  }
  // 工业园区 finds a missed absence and reports again: the corrected workbook replaces the first.
  const { file: corrected, unit } = await writeUnit('工业园区', 101, []);
  const member = unit.members.find((m) => m.status === '在册')!;
  const { file: fixed } = await writeUnit('工业园区', 101, [
    [new Date(Date.UTC(2026, 7, 20)), member.id, member.name, 'P1', '无故缺席', 6, '', '补登'],
  ]);
  void corrected;
  workbooks.set('工业园区', fixed);
  await mailUnit(fixed, QUARTER, true);
  // 城关镇 also sends its second-quarter report by mistake.
  await mailUnit(workbooks.get('城关镇')!, '2026Q2');

  // What arrived, saved as the county's clerk would: one .eml per message…
  const raws = server.received.map((r) => r.raw);
  raws.slice(0, 4).forEach((raw, i) => writeFileSync(path.join(inbox, `报送-${i + 1}.eml`), raw));
  // …and the last two (the correction and the Q2 report) exported together as an mbox.
  const mbox = raws
    .slice(4)
    .map((raw) => `From dangwei@example.cn Mon Oct 12 09:00:00 2026\n${raw.toString('latin1')}\n`)
    .join('');
  writeFileSync(path.join(inbox, '邮箱导出.mbox'), mbox, 'latin1');

  // A workbook someone "corrected" by hand after it was generated.
  const first = await simpleParser(raws[2]);
  const xlsx = first.attachments.find((a) => a.filename?.endsWith('.xlsx'))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.content as unknown as ArrayBuffer);
  const cell = wb.getWorksheet('记分汇总')!.getRow(4).getCell(9);
  cell.value = Number(cell.value) - 1;
  mkdirSync(path.join(inbox, '单独保存'));
  await wb.xlsx.writeFile(path.join(inbox, '单独保存', '改过的汇总表.xlsx'));

  // A unit that attached a Word document instead of the summary workbook.
  const word = await composeMail(
    {
      from: { name: '某单位', address: 'x@example.cn' },
      to: ['zuzhibu@example.gov.cn'],
      subject: '季度汇总',
      text: '见附件',
      html: '<p>见附件</p>',
      attachments: [
        {
          filename: '汇总.docx',
          content: Buffer.from('PK\x03\x04 not really'),
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
        { filename: '公示卡.pdf', content: await samplePdf('card'), contentType: PDF },
      ],
    },
    { draft: false },
  );
  writeFileSync(path.join(inbox, '附件不对.eml'), word.eml);

  const list = new ExcelJS.Workbook();
  const ws = list.addWorksheet('名单');
  ws.addRow(['序号', '单位名称', '联系人']);
  [...UNITS.map(unitName), SILENT].forEach((u, i) => ws.addRow([i + 1, u, '']));
  const listFile = path.join(tempDir(), '单位名单.xlsx');
  await list.xlsx.writeFile(listFile);

  const out = tempDir('twelve-county-out-');
  const io = captureIo();
  const code = await main(
    ['county', inbox, '--quarter', QUARTER, '--units', listFile, '--out', out, '--name', COUNTY],
    io.out,
    io.err,
  );
  county = { code, out, stdout: io.stdout(), dir: inbox };
  if (process.env.SHOW_COUNTY) console.log(out, io.stdout());
}, 240_000);

afterAll(() => server?.close());

/** What each unit's own `twelve score --json` says, summed into the county's figures. */
async function ownScores(): Promise<Partial<Record<FigureKey, number>>> {
  const sum: Partial<Record<FigureKey, number>> = {};
  const add = (k: FigureKey, n: number) => (sum[k] = (sum[k] ?? 0) + n);
  for (const file of workbooks.values()) {
    const io = captureIo();
    expect(await main(['score', file, '--as-of', '2026-09-30', '--json'], io.out, io.err)).toBe(0);
    const result = JSON.parse(io.stdout()) as {
      members: {
        level: FigureKey;
        steps: { date: string; points: number; applied: number }[];
      }[];
      obligations: { due: string; deadline: string; state: string; supersededOn: string | null }[];
      notices: { date: string; state: string }[];
      reviews: { applied: string | null }[];
    };
    const inQ3 = (d: string | null) => d !== null && d >= '2026-07-01' && d <= '2026-09-30';
    add('activeMembers', result.members.length);
    for (const m of result.members) {
      add(m.level, 1);
      const steps = m.steps.filter((s) => inQ3(s.date));
      if (steps.length > 0) add('listedMembers', 1);
      add('countedEntries', steps.length);
      add(
        'demerits',
        steps.filter((s) => s.points > 0).reduce((a, s) => a + s.points, 0),
      );
      add(
        'rewards',
        steps.filter((s) => s.points < 0).reduce((a, s) => a - s.points, 0),
      );
    }
    const talks = result.obligations.filter((o) => inQ3(o.due));
    add('talksDue', talks.length);
    add('talksDone', talks.filter((o) => o.state === 'done').length);
    // domain.md "Superseded": overdue too where its deadline passed before it was superseded.
    add(
      'talksOverdue',
      talks.filter(
        (o) => o.state === 'overdue' || (o.state === 'superseded' && o.supersededOn! > o.deadline),
      ).length,
    );
    add('cardsOverdue', result.notices.filter((n) => inQ3(n.date) && n.state === 'overdue').length);
    add('reviewsAsked', result.reviews.filter((r) => inQ3(r.applied)).length);
  }
  return sum;
}

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe('twelve county on mails sent through SMTP', () => {
  it('the SMTP server received every unit report, the correction and the wrong quarter', () => {
    expect(server.received).toHaveLength(UNITS.length + 2);
  });

  it('adds up to the sum of the units’ own twelve score results, the resubmission once', async () => {
    const rows = await sheetRows(path.join(county.out, `县级汇总-${QUARTER}.xlsx`), '各单位汇总');
    const header = rows[2] as string[];
    const units = rows.slice(3, 3 + UNITS.length);
    expect(units.map((r) => r[1])).toEqual(UNITS.map(unitName));
    const total = rows[3 + UNITS.length];
    expect(total[0]).toBe('合计');
    expect(total[1]).toBe(`${UNITS.length} 个单位`);

    const own = await ownScores();
    const column = (label: string) => header.indexOf(label);
    const expectTotal = (label: string, key: FigureKey) => {
      expect(total[column(label)], label).toBe(own[key]);
      expect(own[key]).toBeGreaterThan(0);
    };
    expectTotal('在册党员数', 'activeMembers');
    expectTotal('本季度有记分党员数', 'listedMembers');
    expectTotal('本季度计分条数', 'countedEntries');
    expectTotal('本季度记分合计', 'demerits');
    expectTotal('本季度奖励分合计', 'rewards');
    expectTotal('季度末提醒人数', 'reminder');
    expect(total[column('季度末警示人数')]).toBe(own.warning ?? 0);
    expect(total[column('季度末不合格人数')]).toBe(own.unqualified ?? 0);
    expect(total[column('应约谈（处置）人次')]).toBe(own.talksDue ?? 0);
    const followed = (label: string, key: FigureKey) =>
      expect(total[column(label)], label).toBe(own[key] ?? 0);
    followed('已约谈（处置）', 'talksDone');
    followed('逾期未约谈', 'talksOverdue');
    followed('逾期未送达告知卡', 'cardsOverdue');
    followed('复核申请数', 'reviewsAsked');

    const park = units.find((r) => r[1] === '工业园区党工委')!;
    expect(String(park[header.indexOf('备注')])).toContain('更正版');
  });

  it('names each bad file once, in Chinese, and skips it', () => {
    const lines = county.stdout.split('\n');
    const one = (re: RegExp) =>
      expect(
        lines.filter((l) => re.test(l)),
        String(re),
      ).toHaveLength(1);
    one(/^\[跳过\] .*改过的汇总表\.xlsx：数据哈希不符/);
    one(
      /^\[核对\] .*邮箱导出\.mbox 第2封邮件 › .*\.xlsx：是 城关镇党工委 2026Q2 的汇总，不计入 2026Q3/,
    );
    one(/^\[跳过\] .*附件不对\.eml › 汇总\.docx：附件不是 \.xlsx 汇总表/);
    one(/^\[更正\] .*报送-2\.eml › .*：工业园区党工委 的这份汇总.*已被 .*邮箱导出\.mbox 第1封邮件/);
    expect(county.stdout).toContain(`未报送：${SILENT}`);
    expect(county.stdout).toContain(`计入 ${UNITS.length} 个单位（名单 5 个，未报送 1 个）`);
    expect(county.stdout).not.toMatch(/Error|undefined|at .*\.ts/);
    expect(county.code).toBe(1);
  });

  it('lists the silent unit and every file’s fate in the workbook', async () => {
    const file = path.join(county.out, `县级汇总-${QUARTER}.xlsx`);
    expect((await sheetRows(file, '未报送单位')).slice(3)).toEqual([[1, SILENT]]);
    const log = (await sheetRows(file, '核验记录')).slice(3);
    expect(log.filter((r) => r[0] === '计入')).toHaveLength(UNITS.length);
    expect(log.filter((r) => r[0] === '跳过').length).toBeGreaterThanOrEqual(2);
    // The earlier quarter's report is not counted, but kept to check the unit's seal.
    expect(log.filter((r) => r[0] === '核对')).toHaveLength(1);
  });

  it('prints the county card with every unit, the totals and the silent unit', async () => {
    const pdf = readFileSync(path.join(county.out, `县级汇总-${QUARTER}.pdf`));
    const pages = await pdfPages(pdf);
    const text = pages.join('');
    expect(text).toContain(squash(COUNTY));
    expect(text).toContain(squash('记分情况汇总表'));
    expect(text).toContain(squash('2026年第三季度'));
    for (const u of UNITS) expect(text).toContain(squash(unitName(u)));
    expect(text).toContain(squash(`未报送的单位：${SILENT}`));
    expect(text).toContain(
      squash(`本季度计入 ${UNITS.length} 个单位的报送（名单共 5 个单位），其中 1 个单位为更正版`),
    );
    const own = await ownScores();
    expect(text).toContain(
      squash(`合计${UNITS.length}个单位${own.activeMembers}${own.listedMembers}`),
    );
  });
});
