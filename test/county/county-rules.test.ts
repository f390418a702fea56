// The pure consolidation rules (core/county.ts) and the mbox splitter, on small hand-made cases.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consolidate,
  FIGURES,
  parseWorkbook,
  quarterlySummary,
  unitList,
  type Candidate,
  type UnitFigures,
} from '../../core/index.js';
import { mboxMessages } from '../../reports/county/mbox.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { basicSheets, tempDir } from '../helpers/workbook.js';

function figures(members: number, talksDone: number | null = null): UnitFigures {
  const f = Object.fromEntries(FIGURES.map(({ key }) => [key, null])) as UnitFigures;
  return { ...f, activeMembers: members, talksDue: 2, talksDone };
}

function candidate(
  source: string,
  unit: string,
  generated: string,
  hash: string,
  f = figures(10),
): Candidate {
  return {
    source,
    submission: {
      unit,
      quarter: '2026Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      asOf: '2026-09-30',
      generated,
      tool: '0.1.0',
      seal: null,
      hash,
      figures: f,
    },
  };
}

describe('consolidate', () => {
  it('keeps the newest report per unit, whatever order the files come in', () => {
    const c = consolidate(
      [
        candidate('b.eml', '甲单位党工委', '2026-10-09T08:00:00Z', 'h2', figures(12)),
        candidate('a.eml', '甲单位党工委', '2026-10-08T08:00:00Z', 'h1', figures(10)),
      ],
      '2026Q3',
    );
    expect(c.units).toHaveLength(1);
    expect(c.units[0].source).toBe('b.eml');
    expect(c.units[0].replaced).toEqual(['a.eml']);
    expect(c.totals.activeMembers).toBe(12);
    expect(c.notes).toEqual([expect.objectContaining({ source: 'a.eml', kind: 'replaced' })]);
  });

  it('counts the same data sent twice once, and says so', () => {
    const c = consolidate(
      [
        candidate('a.eml', '甲单位党工委', '2026-10-08T08:00:00Z', 'h1'),
        candidate('a.xlsx', '甲单位党工委', '2026-10-08T09:00:00Z', 'h1'),
      ],
      '2026Q3',
    );
    expect(c.units[0].replaced).toEqual([]);
    expect(c.notes[0]).toMatchObject({ kind: 'repeated', source: 'a.eml' });
    expect(c.totals.activeMembers).toBe(10);
  });

  it('warns when two different reports of one unit carry the same time', () => {
    const c = consolidate(
      [
        candidate('a.eml', '甲单位党工委', '2026-10-08T08:00:00Z', 'h1'),
        candidate('b.eml', '甲 单位党工委', '2026-10-08T08:00:00Z', 'h2'),
      ],
      '2026Q3',
    );
    expect(c.units).toHaveLength(1);
    expect(c.notes[0].kind).toBe('same-time');
    expect(c.notes[0].message).toContain('无法判断哪份为准');
  });

  it('orders units as the list does, names the silent ones and flags the unlisted', () => {
    const c = consolidate(
      [
        candidate('z.eml', '丙单位', '2026-10-08T08:00:00Z', 'h3'),
        candidate('y.eml', '乙单位', '2026-10-08T08:00:00Z', 'h2', figures(5, 1)),
        candidate('x.eml', '丁单位', '2026-10-08T08:00:00Z', 'h4'),
      ],
      '2026Q3',
      ['甲单位', '乙单位', '丙单位'],
    );
    expect(c.units.map((u) => u.unit)).toEqual(['乙单位', '丙单位', '丁单位']);
    expect(c.missing).toEqual(['甲单位']);
    expect(c.units[2].listed).toBe(false);
    expect(c.notes).toEqual([expect.objectContaining({ kind: 'unlisted', source: 'x.eml' })]);
    // One unit counted talks done, two did not: the total covers the one, and is marked partial.
    expect(c.totals.talksDone).toBe(1);
    expect(c.totals.cardsOverdue).toBeNull();
    expect(c.partial).toContain('talksDone');
    expect(c.partial).not.toContain('activeMembers');
    expect(c.totals.activeMembers).toBe(25);
  });

  it('counts no report of another quarter; an earlier one is kept for checking the seal', () => {
    const q2 = candidate('q2.eml', '甲单位', '2026-07-08T08:00:00Z', 'h');
    q2.submission.quarter = '2026Q2';
    const q4 = candidate('q4.eml', '甲单位', '2027-01-08T08:00:00Z', 'h');
    q4.submission.quarter = '2026Q4';
    const c = consolidate([q2, q4], '2026Q3');
    expect(c.units).toEqual([]);
    expect(c.notes[0]).toMatchObject({ kind: 'earlier', source: 'q2.eml' });
    expect(c.notes[0].message).toContain('格式版本 1，没有校验码');
    expect(c.notes[1]).toMatchObject({ kind: 'skipped', source: 'q4.eml' });
  });
});

describe('unitList', () => {
  it('reads the 单位名称 column under a title and keeps a repeated name once', () => {
    const list = unitList([
      {
        name: '名单',
        rows: [
          ['2026年报送单位名单'],
          ['序号', '单位名称'],
          [1, '甲单位'],
          [2, '乙单位'],
          [3, '甲单位'],
        ],
      },
    ]);
    expect(list).toEqual({
      units: ['甲单位', '乙单位'],
      notes: ['名单 第5行：单位"甲单位"与第3行重复，只算一个'],
    });
    expect(unitList([{ name: 'Sheet1', rows: [['名字']] }])).toEqual({
      error: expect.stringContaining('找不到"单位名称"列'),
    });
  });
});

describe('mboxMessages', () => {
  it('splits on From_ lines and takes one > off quoted From lines', async () => {
    const file = path.join(tempDir(), 'a.mbox');
    writeFileSync(
      file,
      [
        'From a@example.cn Mon Oct 12 09:00:00 2026',
        'Subject: one',
        '',
        'From the unit, with thanks.',
        '>From quoted',
        '',
        'From b@example.cn Mon Oct 12 09:05:00 2026',
        'Subject: two',
        '',
        'body',
        '',
      ].join('\n'),
    );
    // Line 4 follows a blank line but is no separator (no date): it stays in the first message.
    const messages: string[] = [];
    for await (const m of mboxMessages(file)) messages.push(m.toString('latin1'));
    expect(messages).toEqual([
      'Subject: one\r\n\r\nFrom the unit, with thanks.\r\nFrom quoted\r\n',
      'Subject: two\r\n\r\nbody\r\n',
    ]);
  });
});

describe('unitFigures', () => {
  const ledger = [
    ['2026-07-10', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
    ['2026-08-01', 'A03', '王五', 'P1', '无故缺席', '', '', ''],
    ['2026-05-01', 'A02', '李四', 'P1', '无故缺席', '', '', ''],
  ];

  it('counts the whole roster’s levels, and the follow-through as the core reconciles it', () => {
    const summary = quarterlySummary(parseWorkbook(basicSheets(ledger)), '2026Q3');
    expect(summary.figures).toMatchObject({
      activeMembers: 3,
      listedMembers: 2,
      countedEntries: 2,
      demerits: 12,
      reminder: 3, // 李四 reached 6 in Q2 and is still 提醒 at the end of Q3
      // No 处置记录 and no 告知日期: nothing done, both of the quarter's cards overdue.
      talksDone: 0,
      cardsOverdue: 2,
      reviewsAsked: 0,
    });
    // Two reminder talks, and the monthly 末位 talks of July to September.
    expect(summary.figures.talksDue).toBeGreaterThan(2);
  });

  it('carries the sample’s reconciliation into the upward figures, quarter by quarter', async () => {
    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    for (const quarter of ['2026Q1', '2026Q2', '2026Q3', '2026Q4']) {
      const { figures, reconciliation: r } = quarterlySummary(parsed, quarter);
      expect(figures, quarter).toMatchObject({
        countedEntries: r.entries,
        talksDue: r.obligations.due,
        talksDone: r.obligations.done,
        talksOverdue: r.obligations.overdue,
        cardsOverdue: r.cards.overdue,
        reviewsAsked: r.reviews.asked,
        reviewsRevoked: r.reviews.revoked,
        reviewsChanged: r.reviews.changed,
      });
    }
    // The sample has talks done and overdue, overdue cards and a revoked review in Q3.
    const q3 = quarterlySummary(parsed, '2026Q3').figures;
    expect([q3.talksDone, q3.talksOverdue, q3.cardsOverdue, q3.reviewsRevoked]).not.toContain(0);
  });
});
