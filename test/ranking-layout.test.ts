// The monthly ranking of a small unit (nine members, every one with a talk due or done) is one
// printed page, and 办理情况 never breaks a date inside itself ("2026年4" / "月17日"): read
// back from the real PDF with pdfjs text positions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyRanking, parseWorkbook, rankingView, type ParsedWorkbook } from '../core/index.js';
import { openCardSession, renderRanking, type CardSession } from '../reports/cards/session.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { pdfLayout, squash } from './helpers/pdf-layout.js';
import { nineMembers } from './helpers/nine-members.js';
import { writeXlsx } from './helpers/workbook.js';

let session: CardSession;
let parsed: ParsedWorkbook;
beforeAll(async () => {
  parsed = parseWorkbook(await readWorkbook(await writeXlsx(nineMembers())));
  session = await openCardSession();
}, 60_000);
afterAll(async () => {
  await session?.close();
});

describe('积分榜单 of a nine-member unit', () => {
  it('prints on one page, talks list and seal included', async () => {
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const view = rankingView(monthlyRanking(parsed, 2026, 11, '2026-11-26'), parsed.settings);
    expect(view.rows).toHaveLength(9);
    expect(view.talks.length).toBeGreaterThanOrEqual(9);
    const pdf = await renderRanking(parsed, '2026-11', { session, printed: '2026-11-26' });
    const pages = await pdfLayout(pdf);
    expect(pages.map((p) => p.lines.join(' | '))).toHaveLength(1);
    expect(pages[0].text).toContain('应约谈名单');
    expect(pages[0].text).toContain(squash(`${view.unit}（盖章）`));
  }, 60_000);

  it('keeps each date of 办理情况 on one line', async () => {
    const view = rankingView(monthlyRanking(parsed, 2026, 11, '2026-11-26'), parsed.settings);
    const dates = view.talks.flatMap((t) => t.done.match(/\d{4}年\d{1,2}月\d{1,2}日/g) ?? []);
    expect(dates.length).toBeGreaterThanOrEqual(5);
    const pages = await pdfLayout(
      await renderRanking(parsed, '2026-11', { session, printed: '2026-11-26' }),
    );
    const lines = pages.flatMap((p) => p.lines);
    const whole = (d: string) => lines.filter((l) => l.includes(d)).length;
    const inText = (d: string) => pages.reduce((n, p) => n + p.text.split(d).length - 1, 0);
    const broken = [...new Set(dates)].filter((d) => whole(d) < inText(d));
    expect(broken).toEqual([]);
  }, 60_000);
});
