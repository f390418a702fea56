// The balance, thresholds and the decisions domain.md takes where the article is silent.
import { describe, expect, it } from 'vitest';
import {
  monthlyRanking,
  parseWorkbook,
  quarterlySummary,
  scoreWorkbook,
  type ScoreResult,
} from '../../core/index.js';
import { book, row } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';
const member = (r: ScoreResult, id = 'A01') => r.members.find((m) => m.member.id === id)!;

describe('the balance', () => {
  it('applies entries in date order, whatever the row order', () => {
    // A reward typed above an older demerit still cancels it: it is later in time.
    const m = member(
      scoreWorkbook(
        book([row('2026-04-01', 'J1', '', '', '已认定'), row('2026-03-01', 'P1', '无故缺席')]),
        AS_OF,
      ),
    );
    expect(m.balance).toBe(4);
    expect(m.steps.map((s) => s.date)).toEqual(['2026-03-01', '2026-04-01']);
  });

  it('on the same date keeps the order of the rows', () => {
    const rewardFirst = member(
      scoreWorkbook(
        book([row('2026-03-01', 'J1', '', '', '已认定'), row('2026-03-01', 'P1', '无故缺席')]),
        AS_OF,
      ),
    );
    const demeritFirst = member(
      scoreWorkbook(
        book([row('2026-03-01', 'P1', '无故缺席'), row('2026-03-01', 'J1', '', '', '已认定')]),
        AS_OF,
      ),
    );
    expect(rewardFirst.balance).toBe(6);
    expect(demeritFirst.balance).toBe(4);
  });

  it('is not reset by time (不归零) by default', () => {
    const r = scoreWorkbook(book([row('2024-03-01', 'P1', '无故缺席')]), AS_OF);
    expect(member(r).balance).toBe(6);
  });

  it('starts at 0 each year where 设置 清零方式 is 每年', () => {
    const options = { settings: [['清零方式', '每年']] as [string, string][] };
    const r = scoreWorkbook(
      book([row('2025-03-01', 'P1', '无故缺席'), row('2026-03-01', 'P1', '请假')], options),
      AS_OF,
    );
    expect(member(r).balance).toBe(2);
    expect(
      scoreWorkbook(book([row('2025-03-01', 'P1', '无故缺席')], options), AS_OF).members[0].balance,
    ).toBe(0);
  });

  it('every step traces back to its sheet and row', () => {
    const m = member(
      scoreWorkbook(
        book([row('2026-03-01', 'P1', '无故缺席'), row('2026-03-02', 'P2', '请假')]),
        AS_OF,
      ),
    );
    expect(m.steps.map((s) => s.entryKey)).toEqual(['记分台账!2', '记分台账!3']);
    expect(m.steps.map((s) => [s.before, s.after])).toEqual([
      [0, 6],
      [6, 7],
    ]);
  });
});

describe('thresholds and actions', () => {
  it('reaching 6 calls for a reminder talk by 党工委, 9 a warning talk by the principal leader, 12 the unqualified procedure', () => {
    const m = member(
      scoreWorkbook(
        book([
          row('2026-03-01', 'P1', '无故缺席'),
          row('2026-04-01', 'P2', '无故缺席'),
          row('2026-05-01', 'P2', '无故缺席'),
        ]),
        AS_OF,
      ),
    );
    expect(m.actions.map((a) => [a.date, a.threshold, a.by])).toEqual([
      ['2026-03-01', 6, '党工委'],
      ['2026-04-01', 9, '单位主要负责人'],
      ['2026-05-01', 12, '党工委'],
    ]);
    expect(m.actions[2].action).toContain('不合格');
  });

  it('one entry, one action: an entry that rises across several thresholds calls for the highest only', () => {
    const full = member(scoreWorkbook(book([row('2026-05-01', 'R1', '', '', '已认定')]), AS_OF));
    expect(full.actions.map((a) => [a.threshold, a.level])).toEqual([[12, 'unqualified']]);
    const warned = member(
      scoreWorkbook(book([row('2026-05-01', 'W1', '诫勉谈话', '', '已认定')]), AS_OF),
    );
    expect(warned.actions.map((a) => [a.threshold, a.by])).toEqual([[9, '单位主要负责人']]);
  });

  it('rising across a threshold again after rewards calls for the action again', () => {
    const rows = [
      row('2026-03-01', 'P1', '无故缺席'),
      row('2026-04-01', 'J1', '', '', '已认定'),
      row('2026-05-01', 'P1', '请假'),
    ];
    expect(member(scoreWorkbook(book(rows), AS_OF)).actions.map((a) => a.date)).toEqual([
      '2026-03-01',
      '2026-05-01',
    ]);
  });

  it('uses the unit’s own thresholds from 设置', () => {
    const settings: [string, number][] = [
      ['提醒分值', 4],
      ['警示分值', 8],
      ['不合格分值', 10],
    ];
    const m = member(
      scoreWorkbook(book([row('2026-03-01', 'P1', '无故缺席')], { settings }), AS_OF),
    );
    expect(m.level).toBe('reminder');
    expect(m.actions.map((a) => a.threshold)).toEqual([4]);
  });

  it('rejects thresholds out of order with a warning and keeps 6/9/12', () => {
    const r = scoreWorkbook(
      book([row('2026-03-01', 'P1', '无故缺席')], { settings: [['提醒分值', 10]] }),
      AS_OF,
    );
    expect(r.settings.thresholds).toEqual({ reminder: 6, warning: 9, unqualified: 12 });
    expect(r.problems.some((p) => p.sheet === '设置' && p.severity === 'warning')).toBe(true);
  });
});

describe('levels, awards and warning list', () => {
  it.each([
    [[row('2026-03-01', 'P1', '请假')], 'normal', 2],
    [[row('2026-03-01', 'P1', '无故缺席')], 'reminder', 6],
    [[row('2026-03-01', 'W1', '诫勉谈话', '', '已认定')], 'warning', 9],
    [[row('2026-03-01', 'R1', '', '', '已认定')], 'unqualified', 12],
  ])('%#: level %s at %i', (rows, level, balance) => {
    const m = member(scoreWorkbook(book(rows), AS_OF));
    expect([m.level, m.balance]).toEqual([level, balance]);
  });

  it('a balance above 12 is shown as it is (e.g. 18)', () => {
    const m = member(
      scoreWorkbook(
        book([
          row('2026-03-01', 'P1', '无故缺席'),
          row('2026-03-02', 'P1', '无故缺席'),
          row('2026-03-03', 'P1', '无故缺席'),
        ]),
        AS_OF,
      ),
    );
    expect([m.balance, m.level]).toEqual([18, 'unqualified']);
  });

  it('a member with a balance above 0 may not be put forward for awards; at 0 they may', () => {
    const r = scoreWorkbook(
      book([
        row('2026-03-01', 'P2', '请假'),
        row('2026-03-01', 'P2', '请假', '', '', 'A02'),
        row('2026-04-01', 'J1', '', '', '已认定', 'A02'),
      ]),
      AS_OF,
    );
    expect(member(r).awardEligible).toBe(false);
    expect(member(r, 'A02').awardEligible).toBe(true);
    expect(member(r, 'A03').awardEligible).toBe(true);
  });
});

describe('statuses and dates', () => {
  it('已撤销 never counts and is kept for the record', () => {
    const m = member(
      scoreWorkbook(book([row('2026-03-01', 'P1', '无故缺席', '', '已撤销')]), AS_OF),
    );
    expect(m.balance).toBe(0);
    expect(m.entries.map((e) => e.verification)).toEqual(['revoked']);
  });

  it('an explicit 待核实 holds back even a P1 entry', () => {
    expect(
      member(scoreWorkbook(book([row('2026-03-01', 'P1', '无故缺席', '', '待核实')]), AS_OF))
        .balance,
    ).toBe(0);
  });

  it('entries dated after the as-of date are not counted yet; any past state can be reproduced', () => {
    const sheets = book([row('2026-03-01', 'P1', '无故缺席'), row('2026-06-01', 'P1', '无故缺席')]);
    expect(member(scoreWorkbook(sheets, '2026-02-28')).balance).toBe(0);
    expect(member(scoreWorkbook(sheets, '2026-03-01')).balance).toBe(6);
    expect(member(scoreWorkbook(sheets, '2026-06-01')).balance).toBe(12);
  });

  it('members who are not 在册 keep their history but are not scored or ranked', () => {
    const roster = [
      ['A01', '张三', '第一支部', '', '', ''],
      ['A02', '李四', '第一支部', '', '', '转出'],
    ];
    const r = scoreWorkbook(
      book([row('2026-03-01', 'P1', '无故缺席', '', '', 'A02')], { roster }),
      AS_OF,
    );
    expect(r.members.map((m) => m.member.name)).toEqual(['张三']);
    expect(r.inactive.map((m) => m.name)).toEqual(['李四']);
    expect(r.entries).toHaveLength(1);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('the monthly ranking, as of the 25th', () => {
  const rows = [
    row('2026-11-01', 'P1', '无故缺席', '', '', 'A01'), // 6
    row('2026-11-02', 'P2', '无故缺席', '', '', 'A02'), // 3
    row('2026-11-03', 'P2', '无故缺席', '', '', 'A03'), // 3
    row('2026-11-04', 'P2', '请假', '', '', 'A04'), // 1
    row('2026-11-26', 'P1', '无故缺席', '', '', 'A05'), // after the 25th
  ];

  it('ranks ascending by balance; equal balances share a rank', () => {
    const ranking = monthlyRanking(parseWorkbook(book(rows)), 2026, 11);
    expect(ranking.asOf).toBe('2026-11-25');
    expect(ranking.rows.map((r) => [r.member.name, r.balance, r.rank])).toEqual([
      ['孙七', 0, 1],
      ['赵六', 1, 2],
      ['李四', 3, 3],
      ['王五', 3, 3],
      ['张三', 6, 5],
    ]);
  });

  it('marks the last N with a balance above 0 as 末位; a tie at the boundary marks all who share it', () => {
    const two = monthlyRanking(
      parseWorkbook(book(rows, { settings: [['末位人数', 2]] })),
      2026,
      11,
    );
    expect(
      two.rows
        .filter((r) => r.bottom)
        .map((r) => r.member.name)
        .sort(),
    ).toEqual(['张三', '李四', '王五'].sort());
    const one = monthlyRanking(
      parseWorkbook(book(rows, { settings: [['末位人数', 1]] })),
      2026,
      11,
    );
    expect(one.rows.filter((r) => r.bottom).map((r) => r.member.name)).toEqual(['张三']);
  });

  it('never marks a member with 0 as 末位', () => {
    const ranking = monthlyRanking(
      parseWorkbook(book([row('2026-11-01', 'P2', '请假')], { settings: [['末位人数', 3]] })),
      2026,
      11,
    );
    expect(ranking.rows.filter((r) => r.bottom).map((r) => r.member.name)).toEqual(['张三']);
  });

  it('lists the talks due: reminder and 末位, with who holds them', () => {
    const ranking = monthlyRanking(
      parseWorkbook(book(rows, { settings: [['末位人数', 1]] })),
      2026,
      11,
    );
    expect(ranking.talks.map((t) => [t.member.name, t.reason, t.by])).toEqual([
      ['张三', 'reminder', '党工委'],
      ['张三', 'bottom', '党工委'],
    ]);
  });

  it('takes the ranking day from 设置 每月调整日, clamped to the month', () => {
    expect(
      monthlyRanking(parseWorkbook(book(rows, { settings: [['每月调整日', 31]] })), 2026, 11).asOf,
    ).toBe('2026-11-30');
  });
});

describe('the quarterly summary', () => {
  it('lists members with a counted entry in the quarter, with the quarter’s demerits and rewards and the balance at quarter end', () => {
    const rows = [
      row('2026-06-30', 'P1', '无故缺席', '', '', 'A01'),
      row('2026-07-05', 'P2', '请假', '', '', 'A01'),
      row('2026-08-01', 'J1', '', '', '已认定', 'A01'),
      row('2026-08-01', 'W1', '通报', '', '待核实', 'A02'),
      row('2026-10-01', 'P1', '请假', '', '', 'A03'),
    ];
    const q = quarterlySummary(parseWorkbook(book(rows)), '2026Q3');
    expect([q.start, q.end]).toEqual(['2026-07-01', '2026-09-30']);
    expect(
      q.rows.map((r) => [r.member.name, r.demerits, r.rewards, r.cancelled, r.balance, r.level]),
    ).toEqual([['张三', 1, 2, 2, 5, 'normal']]);
    expect(q.figures).toMatchObject({ listedMembers: 1, demerits: 1, rewards: 2, cancelled: 2 });
  });
});
