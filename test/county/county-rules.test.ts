// The pure consolidation rules (core/county.ts) and the mbox splitter, on small hand-made cases.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consolidate,
  FIGURES,
  parseWorkbook,
  quarterlySummary,
  score,
  unitFigures,
  unitList,
  type Candidate,
  type UnitFigures,
} from '../../core/index.js';
import { mboxMessages } from '../../reports/county/mbox.js';
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

  it('skips a report of another quarter', () => {
    const q2 = candidate('q2.eml', '甲单位', '2026-07-08T08:00:00Z', 'h');
    q2.submission.quarter = '2026Q2';
    const c = consolidate([q2], '2026Q3');
    expect(c.units).toEqual([]);
    expect(c.notes[0]).toMatchObject({ kind: 'skipped', source: 'q2.eml' });
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
  const range = { start: '2026-07-01', end: '2026-09-30' };

  it('counts the whole roster’s levels and the thresholds crossed in the quarter', () => {
    const parsed = parseWorkbook(basicSheets(ledger));
    const summary = quarterlySummary(parsed, '2026Q3');
    expect(summary.figures).toMatchObject({
      activeMembers: 3,
      listedMembers: 2,
      countedEntries: 2,
      demerits: 12,
      reminder: 3, // 李四 reached 6 in Q2 and is still 提醒 at the end of Q3
    });
    // A core without the follow-through: talks due are the thresholds crossed, the rest 未统计.
    if (!('obligations' in score(parsed, '2026-09-30')))
      expect(summary.figures).toMatchObject({ talksDue: 2, talksDone: null, cardsOverdue: null });
  });

  it('takes talks, cards and reviews from the follow-through where the core gives it', () => {
    const result = score(parseWorkbook(basicSheets(ledger)), range.end);
    const withFollow = Object.assign(result, {
      obligations: [
        { due: '2026-05-01', state: 'overdue' },
        { due: '2026-07-10', state: 'done' },
        { due: '2026-08-01', state: 'overdue' },
        { due: '2026-09-25', state: 'open' },
      ],
      notices: [
        { date: '2026-07-10', state: 'done' },
        { date: '2026-08-01', state: 'overdue' },
        { date: '2026-05-01', state: 'overdue' },
        { date: '2026-09-28', state: 'open' },
      ],
      reviews: [
        { applied: '2026-07-12', outcome: 'revoked' },
        { applied: '2026-06-12', outcome: 'changed' },
        { applied: '2026-09-29', outcome: null },
      ],
    });
    expect(unitFigures(withFollow, [], range)).toMatchObject({
      talksDue: 3,
      talksDone: 1,
      talksOverdue: 1,
      cardsOverdue: 1,
      reviewsAsked: 2,
      reviewsRevoked: 1,
      // Asked for in Q2: not this quarter's, whenever it was decided.
      reviewsChanged: 0,
    });
  });
});
