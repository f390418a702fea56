// The printed layout of every card kind, read back from real PDFs of the sample workbook with
// pdfjs text positions: no member's entries away from the member's row, no page holding only
// the closing words and the seal, no name, branch, header or holder wrapped inside itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LEVEL_LABELS,
  monthlyRanking,
  noticeCards,
  parseWorkbook,
  quarterlySummary,
  quarterlyView,
  rankingView,
  score,
  type ParsedWorkbook,
} from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import {
  openCardSession,
  renderQuarterly,
  renderRanking,
  type CardSession,
} from '../reports/cards/session.js';
import { renderNotices } from '../reports/cards/notice-batch.js';
import { pdfLayout, squash, wrappedTerms, type PdfPage } from './helpers/pdf-layout.js';

const ISSUED = '2026-10-08';
let session: CardSession;
let parsed: ParsedWorkbook;

beforeAll(async () => {
  parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
  session = await openCardSession();
});
afterAll(async () => {
  await session?.close();
});

/** A branch may break before its bracket: "第三党支部" / "（项目建设）", never inside either. */
function branchParts(branch: string): string[] {
  return branch.split(/(?=（)/);
}

const FIXED_TERMS = [
  ...Object.values(LEVEL_LABELS),
  '警示党员',
  '警示对象',
  '单位主要负责人',
  '不可推荐',
  '可推荐',
  '所在支部',
];

function expectNoWrappedTerms(pages: PdfPage[], terms: string[], prose: string[] = []) {
  pages.forEach((page, i) => {
    const wrapped = wrappedTerms(page, terms, prose);
    expect(wrapped, `page ${i + 1}: ${page.lines.join(' | ')}`).toEqual([]);
  });
}

/** The closing words and the seal share their page with the table's last rows. */
function expectSealWithTable(pages: PdfPage[], unit: string) {
  const sealPages = pages.filter((p) => p.text.includes(squash(`${unit}（盖章）`)));
  expect(sealPages).toHaveLength(1);
  expect(sealPages[0].text).toMatch(/DY\d{3}/);
  for (const page of pages) expect(page.text).toMatch(/DY\d{3}/);
}

describe('记分汇总公示卡', () => {
  const quarters = ['2025Q4', '2026Q1', '2026Q2', '2026Q3'];

  it.each(quarters)('%s internal: one line per member, seal with the table', async (quarter) => {
    const summary = quarterlySummary(parsed, quarter);
    const view = quarterlyView(summary, parsed.settings, 'internal', ISSUED);
    const pages = await pdfLayout(
      await renderQuarterly(summary, parsed.settings, {
        version: 'internal',
        issued: ISSUED,
        session,
      }),
    );
    // 17 members or fewer fit one page.
    if (view.rows.length <= 17) expect(pages).toHaveLength(1);
    for (const row of view.rows) {
      const line = pages.flatMap((p) => p.lines).find((l) => l.includes(row.member.id));
      expect(line, row.member.id).toContain(
        squash(row.member.name + row.member.id + row.member.branch),
      );
    }
    expectNoWrappedTerms(
      pages,
      [...FIXED_TERMS, ...view.rows.flatMap((r) => [r.member.name, r.member.id, r.member.branch])],
      quarterlyProse(view),
    );
    expectSealWithTable(pages, view.unit);
  });

  it.each(quarters)('%s upward: every member with their entries on one page', async (quarter) => {
    const summary = quarterlySummary(parsed, quarter);
    const view = quarterlyView(summary, parsed.settings, 'upward', ISSUED);
    const pages = await pdfLayout(
      await renderQuarterly(summary, parsed.settings, {
        version: 'upward',
        issued: ISSUED,
        session,
      }),
    );
    for (const [i, row] of view.rows.entries()) {
      const page = pages.find((p) => p.text.includes(row.member.id))!;
      expect(page, row.member.id).toBeDefined();
      // The member's block: from their id to the next member's id on this page (or its end).
      const start = page.text.indexOf(row.member.id);
      const next = view.rows[i + 1] ? page.text.indexOf(view.rows[i + 1].member.id) : -1;
      const block = page.text.slice(start, next > start ? next : undefined);
      for (const e of row.entries) {
        const first = squash(`${e.date}${e.rule}`);
        expect(block, `${row.member.id} ${e.date}`).toContain(first.slice(0, 12));
      }
    }
    expectNoWrappedTerms(
      pages,
      [
        ...FIXED_TERMS,
        ...view.rows.flatMap((r) => [r.member.name, r.member.id, ...branchParts(r.member.branch)]),
      ],
      quarterlyProse(view),
    );
    expectSealWithTable(pages, view.unit);
  });
});

/** The paragraphs under the table and each entry's line: running text. */
function quarterlyProse(view: ReturnType<typeof quarterlyView>): string[] {
  return [
    `本季度有记分记录的党员 ${view.totals.members} 名，合计记分 ${view.totals.demerits} 分、奖励 ${view.totals.rewards} 分；季末等级：${view.totals.levels}。`,
    ...view.rows.flatMap((r) => r.entries.map((e) => `${e.date}${e.rule}${e.points} 分${e.facts}`)),
  ];
}

describe('积分榜单', () => {
  it.each(['2026-09', '2026-10', '2026-11'])('%s', async (month) => {
    const [y, m] = month.split('-').map(Number);
    const view = rankingView(monthlyRanking(parsed, y, m), parsed.settings);
    const pages = await pdfLayout(await renderRanking(parsed, month, { session }));
    expectNoWrappedTerms(
      pages,
      [
        ...FIXED_TERMS,
        ...view.rows.flatMap((r) => [r.member.name, r.member.id, ...branchParts(r.member.branch)]),
        ...view.talks.flatMap((t) => [t.member.name, t.reason, t.by]),
        '应约谈名单',
      ],
      view.talks.map((t) => t.done),
    );
    // The talks list never starts on a page without its heading.
    const heading = pages.findIndex((p) => p.text.includes('应约谈名单'));
    expect(pages[heading].text.split('应约谈名单')[1]).toMatch(/DY\d{3}|本月无应约谈人员/);
    expectSealWithTable(pages, view.unit);
  });
});

describe('记分告知卡', () => {
  it('every card of the sample on one page, nothing wrapped inside a word', async () => {
    const result = score(parsed, '2026-11-24');
    const cards = noticeCards(result);
    const { merged } = await renderNotices(cards, session.templates, session.renderer);
    const pages = await pdfLayout(merged!);
    expect(pages).toHaveLength(cards.length);
    cards.forEach((card, i) => {
      const v = card.view;
      const terms = [
        v.member.name,
        v.member.id,
        ...branchParts(v.member.branch),
        v.member.post,
        v.entry.status,
        v.level,
        v.warning,
        ...v.actions.map((a) => a.by),
        '记分方式',
        '评先评优',
      ];
      // Running text (the effect, the notes, the facts, the review line) wraps anywhere.
      const prose = [v.effect, v.awardText, v.reviewText, v.entry.facts, v.review?.text ?? ''];
      expect(
        wrappedTerms(pages[i], terms, prose),
        `${card.entryKey}: ${pages[i].lines.join(' | ')}`,
      ).toEqual([]);
      expect(pages[i].text).toContain(`${v.unit}(盖章)`);
    });
  });
});
