// issue 18, "Done when": every view of one unit states what the core computed, figure by figure
// and list by list, read back from the real outputs a clerk and the 组织部 get — `twelve score`
// text and --json, the card PDFs (notices, ranking, quarterly internal and upward), the .eml
// `twelve mail` writes with its .xlsx, and the county's workbook made from that .eml. For the
// sample and for a second unit (a 街道 with 会议签到, reviews and superseded talks). The pane's
// sheets and the web page are compared with the same result in test/agreement-pane-web.test.ts;
// both take the units and the expectations from test/helpers/agreement.ts.
// Only files and text are read, never the core's objects: the views must agree as printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSummaryXlsx } from '../reports/county/read-summary.js';
import {
  UNITS,
  findFile,
  levelCount,
  levelWords,
  mailFigures,
  mailLines,
  quarterCardLines,
  quarterFigures,
  rankingOwed,
  run,
  scoreAt,
  LEVEL_WORDS,
  type ScoreJson,
  type Unit,
} from './helpers/agreement.js';
import { pdfPages, squash } from './helpers/pdf-text.js';
import { tempDir } from './helpers/workbook.js';

const pdfText = async (file: string) => (await pdfPages(readFileSync(file))).join('');

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
    ({ json: atEnd, text: atEndText } = await scoreAt(unit.file, unit.end));
    atRanking = (await scoreAt(unit.file, unit.rankingDay)).json;

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
    const count = (l: keyof typeof LEVEL_WORDS) => levelCount(atEnd, l);
    const words = levelWords(atEnd);
    for (const l of Object.keys(LEVEL_WORDS) as (keyof typeof LEVEL_WORDS)[])
      expect(figures[l]).toBe(count(l));
    expect(atEndText).toContain(words);
    expect(mail.text).toContain(`季度末等级：${words}，其余为正常`);
    for (const pdf of [upwardPdf, internalPdf])
      for (const line of quarterCardLines(atEnd, unit)) expect(pdf).toContain(squash(line));
    expect(countyRow['季度末提醒人数']).toBe(count('reminder'));
    expect(countyRow['季度末警示人数']).toBe(count('warning'));
    expect(countyRow['季度末不合格人数']).toBe(count('unqualified'));
    expect(countyRow['在册党员数']).toBe(atEnd.members.length);
  });

  it('the quarter’s members and points: score --json steps, 单位数据, mail text, cards, county', () => {
    const { listed, demerits, rewards } = quarterFigures(atEnd, unit);
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
    const { talksDue: due, talksDone: done, talksOverdue: overdue } = quarterFigures(atEnd, unit);
    expect([figures.talksDue, figures.talksDone, figures.talksOverdue]).toEqual([
      due,
      done,
      overdue,
    ]);
    const line = `本季应办 ${due} 项：已办 ${done} 项，逾期未办 ${overdue} 项`;
    expect(mail.text).toContain(line);
    expect(upwardPdf).toContain(squash(line));
    expect([countyRow['应约谈（处置）人次'], countyRow['逾期未约谈']]).toEqual([due, overdue]);
  });

  it('the ranking’s 应约谈名单 lists exactly the talks score owes on the ranking day', () => {
    const owed = rankingOwed(atRanking);
    for (const name of owed.names) expect(rankingPdf).toContain(squash(name));
    expect(rankingPdf.split('逾期未办').length - 1).toBe(owed.overdue);
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

  it('the mail: its text and its 单位数据 say the quarter’s figures, all of them', () => {
    for (const line of mailLines(atEnd, unit)) expect(mail.text).toContain(line);
    const expected = mailFigures(atEnd, unit);
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, figures[k]]))).toEqual(expected);
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
