// issue 18, "Done when": every view of one unit states what the core computed, figure by figure
// and list by list, read back from the real outputs a clerk and the 组织部 get — `twelve score`
// text and --json, the card PDFs (notices, ranking, quarterly internal and upward), the .eml
// `twelve mail` writes with its .xlsx, and the county's workbook made from that .eml. For the
// sample and for a second unit (a 街道 with 会议签到, reviews and superseded talks).
// Only files and text are read, never the core's objects: the views must agree as printed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { readSummaryXlsx } from '../reports/county/read-summary.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { generateUnit } from '../scripts/generate-unit.js';
import { writeUnitXlsx } from '../scripts/write-unit.js';
import { captureIo } from './helpers/io.js';
import { pdfPages, squash } from './helpers/pdf-text.js';
import { tempDir } from './helpers/workbook.js';

interface Unit {
  label: string;
  file: string;
  name: string;
  heading: string;
  quarter: string;
  start: string;
  end: string;
  month: string;
  rankingDay: string;
  notices: { since: string; until: string };
}

interface ScoreJson {
  members: { id: string; name: string; level: string; steps: { date: string; points: number }[] }[];
  obligations: {
    memberId: string;
    kind: string;
    due: string;
    deadline: string;
    state: string;
    supersededOn: string | null;
  }[];
  notices: { number: string; date: string; memberId: string; sheet: string }[];
  reviews: unknown[];
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(args, io.out, io.err);
  return { code, out: io.stdout(), err: io.stderr() };
}

const pdfText = async (file: string) => (await pdfPages(readFileSync(file))).join('');
const findFile = (dir: string, re: RegExp): string => {
  const all = readdirSync(dir, { recursive: true }) as string[];
  const hit = all.find((f) => re.test(f));
  if (!hit) throw new Error(`${dir} 中没有 ${re}：${all.join('、')}`);
  return path.join(dir, hit);
};

/** A second unit: a 街道, 卡片抬头 街道, with meetings, talks recorded (few: some superseded), reviews. */
async function streetUnit(): Promise<string> {
  const unit = generateUnit({
    members: 36,
    ledgerRows: 160,
    seed: 18,
    year: 2025,
    unitName: '示例街道',
    followThrough: { meetings: 12, records: 6, asOf: '2025-11-24' },
  });
  const settings = unit.sheets.find((s) => s.name === '设置')!;
  settings.rows.push(['卡片抬头', '街道']);
  // Reviews: two counted rows of the third quarter, one upheld and one still open.
  const ledger = unit.sheets.find((s) => s.name === '记分台账')!;
  const header = ledger.rows.findIndex((r) => r.includes('复核申请日期'));
  const col = (name: string) => ledger.rows[header].indexOf(name);
  const q3 = ledger.rows.filter(
    (r, i) =>
      i > header &&
      r[0] instanceof Date &&
      r[0].toISOString() >= '2025-07-01' &&
      r[0].toISOString() < '2025-09-01' &&
      /^P[12]$/.test(String(r[3])),
  );
  const day = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
  for (const [i, r] of q3.slice(0, 2).entries()) {
    const date = r[0] as Date;
    r[col('告知日期')] = day(date, 2);
    r[col('复核申请日期')] = day(date, 5);
    if (i === 0) {
      r[col('复核结果')] = '维持';
      r[col('复核日期')] = day(date, 12);
    }
  }
  const file = path.join(tempDir('twelve-agree-'), '示例街道台账.xlsx');
  await writeUnitXlsx(unit.sheets, file);
  return file;
}

const UNITS: (() => Promise<Unit>)[] = [
  async () => ({
    label: 'the sample',
    file: SAMPLE_WORKBOOK,
    name: '示例经开区党工委',
    heading: '机关',
    quarter: '2026Q3',
    start: '2026-07-01',
    end: '2026-09-30',
    month: '2026-10',
    rankingDay: '2026-10-25',
    notices: { since: '2026-09-01', until: '2026-09-30' },
  }),
  async () => ({
    label: 'a 街道 of our own',
    file: await streetUnit(),
    name: '示例街道党工委',
    heading: '街道',
    quarter: '2025Q3',
    start: '2025-07-01',
    end: '2025-09-30',
    month: '2025-10',
    rankingDay: '2025-10-25',
    notices: { since: '2025-07-01', until: '2025-08-31' },
  }),
];

const LEVEL_WORDS = { reminder: '提醒', warning: '警示', unqualified: '不合格' } as const;

describe.each(UNITS.map((make, i) => ({ make, i })))('every view agrees: unit $i', ({ make }) => {
  let unit: Unit;
  let atEnd: ScoreJson;
  let atEndText: string;
  let atRanking: ScoreJson;
  let mail: ParsedMail;
  let upwardPdf: string;
  let internalPdf: string;
  let rankingPdf: string;
  let noticesPdf: string;
  let figures: Record<string, number | null>;
  let countyRow: Record<string, unknown>;

  beforeAll(async () => {
    unit = await make();
    const out = tempDir('twelve-agree-out-');
    const score = await run(['score', unit.file, '--as-of', unit.end, '--json']);
    atEnd = JSON.parse(score.out) as ScoreJson;
    atEndText = (await run(['score', unit.file, '--as-of', unit.end])).out;
    atRanking = JSON.parse(
      (await run(['score', unit.file, '--as-of', unit.rankingDay, '--json'])).out,
    ) as ScoreJson;

    const mailDir = path.join(out, 'mail');
    const sent = await run(['mail', unit.file, '--quarter', unit.quarter, '--out', mailDir]);
    expect(sent.code, sent.err).toBeLessThanOrEqual(1);
    const eml = findFile(mailDir, /\.eml$/);
    mail = await simpleParser(readFileSync(eml));
    const [card, xlsx] = mail.attachments;
    upwardPdf = (await pdfPages(card.content)).join('');
    const read = await readSummaryXlsx(xlsx.content);
    if (!read.ok) throw new Error(read.message);
    figures = read.submission.figures;

    const cardsDir = path.join(out, 'cards');
    await run(['quarterly', unit.file, '--quarter', unit.quarter, '--out', cardsDir]);
    internalPdf = await pdfText(findFile(cardsDir, /内部.*\.pdf$/));
    await run([
      'ranking',
      unit.file,
      '--month',
      unit.month,
      '--as-of',
      unit.rankingDay,
      '--out',
      cardsDir,
    ]);
    rankingPdf = await pdfText(findFile(cardsDir, /榜单.*\.pdf$/));
    const noticeDir = path.join(out, 'notices');
    await run([
      'notices',
      unit.file,
      '--as-of',
      unit.end,
      '--since',
      unit.notices.since,
      '--until',
      unit.notices.until,
      '--out',
      noticeDir,
    ]);
    noticesPdf = await pdfText(findFile(noticeDir, /合并打印.*\.pdf$/));

    const countyDir = path.join(out, 'county');
    await run(['county', eml, '--quarter', unit.quarter, '--out', countyDir]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(findFile(countyDir, /\.xlsx$/));
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const headerAt = rows.findIndex((r) => r.includes('季度末警示人数'));
    const row = rows.find((r) => r.includes(unit.name))!;
    countyRow = Object.fromEntries(rows[headerAt].map((h, i) => [String(h), row[i]]));
  }, 600_000);

  it('季度末等级: score --as-of the quarter end, score text, 单位数据, mail text, both cards, county', () => {
    const count = (l: string) => atEnd.members.filter((m) => m.level === l).length;
    const words = (Object.keys(LEVEL_WORDS) as (keyof typeof LEVEL_WORDS)[])
      .map((l) => `${LEVEL_WORDS[l]} ${count(l)} 名`)
      .join('，');
    for (const l of Object.keys(LEVEL_WORDS)) expect(figures[l]).toBe(count(l));
    expect(atEndText).toContain(words);
    expect(mail.text).toContain(`季度末等级：${words}，其余为正常`);
    expect(upwardPdf).toContain(squash(`季末等级：${words}`));
    expect(internalPdf).toContain(squash(`季末等级：${words}`));
    expect(countyRow['季度末提醒人数']).toBe(count('reminder'));
    expect(countyRow['季度末警示人数']).toBe(count('warning'));
    expect(countyRow['季度末不合格人数']).toBe(count('unqualified'));
    expect(countyRow['在册党员数']).toBe(atEnd.members.length);
  });

  it('the quarter’s members and points: score --json steps, 单位数据, mail text, cards, county', () => {
    const inQ = (d: string) => d >= unit.start && d <= unit.end;
    const steps = atEnd.members.map((m) => m.steps.filter((s) => inQ(s.date)));
    const listed = steps.filter((s) => s.length > 0).length;
    const demerits = steps.flat().reduce((a, s) => a + Math.max(s.points, 0), 0);
    const rewards = steps.flat().reduce((a, s) => a + Math.max(-s.points, 0), 0);
    expect([figures.listedMembers, figures.demerits, figures.rewards]).toEqual([
      listed,
      demerits,
      rewards,
    ]);
    expect(mail.text).toContain(
      `本季度有记分或奖励记录的党员 ${listed} 名，共记分 ${demerits} 分，奖励分 ${rewards} 分`,
    );
    for (const pdf of [upwardPdf, internalPdf])
      expect(pdf).toContain(squash(`有记分记录的党员 ${listed} 名，合计记分 ${demerits} 分`));
    expect([countyRow['本季度有记分党员数'], countyRow['本季度记分合计']]).toEqual([
      listed,
      demerits,
    ]);
  });

  it('talks of the quarter, superseded ones by the one rule: score --json, 单位数据, mail, card, county', () => {
    const due = atEnd.obligations.filter((o) => o.due >= unit.start && o.due <= unit.end);
    const done = due.filter((o) => o.state === 'done').length;
    const overdue = due.filter(
      (o) => o.state === 'overdue' || (o.state === 'superseded' && o.supersededOn! > o.deadline),
    ).length;
    expect([figures.talksDue, figures.talksDone, figures.talksOverdue]).toEqual([
      due.length,
      done,
      overdue,
    ]);
    const line = `本季应办 ${due.length} 项：已办 ${done} 项，逾期未办 ${overdue} 项`;
    expect(mail.text).toContain(line);
    expect(upwardPdf).toContain(squash(line));
    expect([countyRow['应约谈（处置）人次'], countyRow['逾期未约谈']]).toEqual([
      due.length,
      overdue,
    ]);
  });

  it('the ranking’s 应约谈名单 lists exactly the talks score owes on the ranking day', () => {
    const names = new Map(atRanking.members.map((m) => [m.id, m.name]));
    const owed = atRanking.obligations.filter((o) => o.state === 'open' || o.state === 'overdue');
    for (const o of owed) expect(rankingPdf).toContain(squash(names.get(o.memberId) ?? o.memberId));
    const overdue = owed.filter((o) => o.state === 'overdue').length;
    expect(rankingPdf.split('逾期未办').length - 1).toBe(overdue);
    // Superseded talks are closed: none is listed as owed unless the member owes another.
    const superseded = atRanking.obligations.filter((o) => o.state === 'superseded');
    if (unit.heading === '街道') expect(superseded.length).toBeGreaterThan(0);
  });

  it('the second unit has what it is made for: 会议签到 entries, reviews, superseded talks', () => {
    if (unit.heading === '机关') return; // the sample is what it is
    expect(atEnd.notices.filter((n) => n.sheet === '会议签到').length).toBeGreaterThan(0);
    expect(atEnd.reviews.length).toBeGreaterThanOrEqual(2);
    expect(atEnd.obligations.filter((o) => o.state === 'superseded').length).toBeGreaterThan(0);
  });

  it('card numbers: the notices PDF prints score --json’s numbers, each once', () => {
    const inPeriod = atEnd.notices.filter(
      (n) => n.date >= unit.notices.since && n.date <= unit.notices.until,
    );
    expect(inPeriod.length).toBeGreaterThan(0);
    const printed = noticesPdf.match(/〔\d{4}〕\d{4}号/g) ?? [];
    expect(printed.sort()).toEqual(inPeriod.map((n) => n.number).sort());
    const all = atEnd.notices.map((n) => n.number);
    expect(new Set(all).size).toBe(all.length);
  });

  it('titles carry 卡片抬头 in every document', () => {
    const scheme = `${unit.heading}党员“十二分制”`;
    expect(mail.subject).toContain(scheme);
    expect(mail.text).toContain(scheme);
    for (const pdf of [upwardPdf, internalPdf, rankingPdf, noticesPdf])
      expect(pdf).toContain(squash(scheme));
    if (unit.heading !== '机关')
      for (const pdf of [upwardPdf, internalPdf, rankingPdf, noticesPdf])
        expect(pdf).not.toContain(squash('机关党员'));
  });
});
