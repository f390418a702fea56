// domain.md "Superseded": a talk not done when a higher one (or the member's next 末位约谈)
// falls due is closed on that day, in every view that lists talks: the obligations, 待办, the
// ranking's 应约谈名单 and the quarterly reconciliation.
import { describe, expect, it } from 'vitest';
import {
  monthlyRanking,
  parseWorkbook,
  quarterlySummary,
  rankingView,
  scoreWorkbook,
  todoItems,
} from '../../core/index.js';
import { book, row } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';

describe('superseded talks', () => {
  // A01: 6 on 04-01 (约谈提醒, deadline 04-16), 9 on 05-01 (警示约谈): the reminder was overdue
  // before it was superseded. A02: 6 on 04-01, 9 on 04-05: superseded within its time.
  const sheets = book(
    [
      row('2026-04-01', 'P1', '无故缺席'),
      row('2026-05-01', 'P2', '无故缺席'),
      row('2026-04-01', 'P1', '无故缺席', '', '', 'A02'),
      row('2026-04-05', 'P2', '无故缺席', '', '', 'A02'),
    ],
    { settings: [['末位人数', 0]] },
  );
  const r = scoreWorkbook(sheets, AS_OF);
  const of = (id: string) => r.obligations.filter((o) => o.member.id === id);

  it('closes a threshold talk not done when the higher one falls due, on that day', () => {
    expect(of('A01').map((o) => [o.kind, o.state, o.supersededOn])).toEqual([
      ['reminder', 'superseded', '2026-05-01'],
      ['warning', 'overdue', null],
    ]);
    expect(of('A02').map((o) => [o.kind, o.state, o.supersededOn])).toEqual([
      ['reminder', 'superseded', '2026-04-05'],
      ['warning', 'overdue', null],
    ]);
  });

  it('leaves 待办: only the higher talk is to do', () => {
    const labels = todoItems(r)
      .filter((t) => t.kind === 'obligation')
      .map((t) => `${t.member.id} ${t.label}`);
    expect(labels.sort()).toEqual(['A01 警示约谈', 'A02 警示约谈']);
  });

  it('counts as overdue in the reconciliation only where its deadline had passed first', () => {
    const q = quarterlySummary(parseWorkbook(sheets), '2026Q2');
    expect(q.reconciliation.obligations).toEqual({
      due: 4,
      done: 0,
      overdue: 3, // A01's reminder (deadline 04-16 < 05-01) and both warnings
      open: 0,
      superseded: 1, // A02's reminder, superseded on 04-05 within its time
    });
  });

  it('a record after the talk was superseded does not bring it back', () => {
    const late = scoreWorkbook(
      book([row('2026-04-01', 'P1', '无故缺席'), row('2026-05-01', 'P2', '无故缺席')], {
        settings: [['末位人数', 0]],
        records: [['2026-05-03', 'A01', '', '约谈提醒', '', '']],
      }),
      AS_OF,
    );
    expect(late.obligations.map((o) => o.state)).toEqual(['superseded', 'overdue']);
    expect(late.problems.map((p) => p.message).join('\n')).toContain('未对应任何处置');
  });

  it('closes a 末位约谈 when the member’s next one falls due: one owed, not ten', () => {
    const bottom = scoreWorkbook(book([row('2026-01-05', 'P1', '无故缺席')]), AS_OF);
    const mine = bottom.obligations.filter((o) => o.kind === 'bottom');
    expect(mine).toHaveLength(10); // January to October
    expect(mine.slice(0, -1).every((o) => o.state === 'superseded')).toBe(true);
    expect(mine[0].supersededOn).toBe('2026-02-25');
    expect(mine[9].state).toBe('overdue');
    expect(todoItems(bottom).filter((t) => t.label === '末位约谈')).toHaveLength(1);
  });
});

describe('the ranking’s 应约谈名单 reads the same obligations', () => {
  // A01 reaches 9 in April and a reward takes them to 7 (提醒): the 警示约谈 is still owed.
  // A02 reaches 6 and a reward takes them to 4 (正常): the 约谈提醒 was never held.
  const parsed = parseWorkbook(
    book(
      [
        row('2026-04-01', 'P1', '无故缺席'),
        row('2026-04-02', 'P2', '无故缺席'),
        row('2026-05-01', 'J1', '', '-2', '已认定'),
        row('2026-04-01', 'P1', '无故缺席', '', '', 'A02'),
        row('2026-04-10', 'J1', '', '-2', '已认定', 'A02'),
      ],
      { settings: [['末位人数', 0]] },
    ),
  );
  const ranking = monthlyRanking(parsed, 2026, 6);

  it('lists every talk still owed on the ranking day, as score and 待办 do', () => {
    expect(ranking.talks.map((t) => [t.member.id, t.reason, t.overdue])).toEqual([
      ['A01', 'warning', true],
      ['A02', 'reminder', true],
    ]);
    const view = rankingView(ranking, parsed.settings);
    expect(view.talks.map((t) => [t.member.name, t.reason, t.done])).toEqual([
      [ranking.talks[0].member.name, '达警示分值', '逾期未办（4月2日起应办）'],
      [ranking.talks[1].member.name, '达提醒分值', '逾期未办（4月1日起应办）'],
    ]);
  });
});
