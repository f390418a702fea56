// Each rule and variant of the catalog (domain.md, "The rules catalog"), scored as the article says.
import { describe, expect, it } from 'vitest';
import { scoreWorkbook, type ScoreResult } from '../../core/index.js';
import { book, row } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';
const member = (r: ScoreResult, id = 'A01') => r.members.find((m) => m.member.id === id)!;
const balanceOf = (rows: ReturnType<typeof row>[], id = 'A01', options = {}) =>
  member(scoreWorkbook(book(rows, options), AS_OF), id).balance;

describe('P1 三会一课 and P2 党员固定活动日 count at once, each time', () => {
  it.each([
    ['P1', '无故缺席', 6],
    ['P1', '请假', 2],
    ['P2', '无故缺席', 3],
    ['P2', '请假', 1],
  ])('%s %s adds %i points with a blank status', (code, variant, points) => {
    expect(balanceOf([row('2026-03-05', code, variant)])).toBe(points);
  });

  it('P1 counts each time: two absences add twice', () => {
    expect(
      balanceOf([row('2026-03-05', 'P1', '无故缺席'), row('2026-04-05', 'P1', '无故缺席')]),
    ).toBe(12);
  });
});

describe('R1–R3 set the balance to at least 12 at once and rewards cannot cancel them', () => {
  it.each(['R1', 'R2', 'R3'])('%s, verified, takes a clean member to 12 (不合格)', (code) => {
    const r = scoreWorkbook(book([row('2026-05-01', code, '', '', '已认定')]), AS_OF);
    expect(member(r).balance).toBe(12);
    expect(member(r).level).toBe('unqualified');
  });

  it('R1 on a balance of 8 makes it 12, not 20', () => {
    expect(
      balanceOf([
        row('2026-03-01', 'W1', '通报', '', '已认定'),
        row('2026-03-02', 'P1', '请假'),
        row('2026-05-01', 'R1', '', '', '已认定'),
      ]),
    ).toBe(12);
  });

  it('R2 on a balance of 15 leaves it at 15', () => {
    const rows = [
      row('2026-03-01', 'W1', '诫勉谈话', '', '已认定'),
      row('2026-03-02', 'P1', '无故缺席'),
      row('2026-05-01', 'R2', '', '', '已认定'),
    ];
    expect(balanceOf(rows)).toBe(15);
  });

  it('rewards cancel the points above 12 but never the one-time-full 12', () => {
    const rows = [
      row('2026-03-01', 'R3', '', '', '已认定'),
      row('2026-03-02', 'P2', '无故缺席'),
      row('2026-04-01', 'J1', '', '', '已认定'),
      row('2026-04-02', 'J1', '', '', '已认定'),
      row('2026-04-03', 'J2', '', 10, '已认定'),
    ];
    const m = member(scoreWorkbook(book(rows), AS_OF));
    expect(m.balance).toBe(12);
    expect(m.cancelled).toBe(3);
    expect(m.rewards).toBe(14);
  });

  it('R1 needs verification: a blank status is pending and does not count', () => {
    expect(balanceOf([row('2026-05-01', 'R1')])).toBe(0);
  });
});

describe('S1 微心愿: scored once a year, on 12-31, 3 points per wish not completed', () => {
  const wishes = (claimed: number, completed: number) => ({
    wishes: [[2025, 'A01', '', claimed, completed]],
  });

  it('claimed 3, completed 1: 6 points on 2025-12-31', () => {
    const r = scoreWorkbook(book([], wishes(3, 1)), AS_OF);
    expect(member(r).balance).toBe(6);
    expect(member(r).steps[0].date).toBe('2025-12-31');
  });

  it('is not counted before 12-31 of its year', () => {
    const r = scoreWorkbook(book([], { wishes: [[2026, 'A01', '', 2, 0]] }), AS_OF);
    expect(member(r).balance).toBe(0);
    expect(
      scoreWorkbook(book([], { wishes: [[2026, 'A01', '', 2, 0]] }), '2026-12-31').members[0]
        .balance,
    ).toBe(6);
  });

  it('counts the unit’s required number when fewer were claimed (每年应认领微心愿数)', () => {
    const r = scoreWorkbook(
      book([], { ...wishes(1, 1), settings: [['每年应认领微心愿数', 2]] }),
      AS_OF,
    );
    expect(member(r).balance).toBe(3);
  });

  it('never goes below 0 when more were completed than claimed', () => {
    const r = scoreWorkbook(book([row('2026-03-05', 'P1', '请假')], wishes(1, 3)), AS_OF);
    expect(member(r).balance).toBe(2);
    expect(r.problems.some((p) => p.sheet === '微心愿' && p.column === '完成数')).toBe(true);
  });
});

describe('W1 机关作风建设 and M1 举报投诉经查属实 count once verified', () => {
  it.each([
    ['W1', '廉政约谈', 3],
    ['W1', '通报', 6],
    ['W1', '诫勉谈话', 9],
    ['M1', '廉政约谈', 3],
    ['M1', '通报', 6],
    ['M1', '诫勉谈话', 9],
  ])('%s %s, 已认定, adds %i', (code, variant, points) => {
    expect(balanceOf([row('2026-06-01', code, variant, '', '已认定')])).toBe(points);
  });

  it.each(['W1', 'M1'])('%s with a blank status is pending: listed, not counted', (code) => {
    const r = scoreWorkbook(book([row('2026-06-01', code, '通报')]), AS_OF);
    expect(member(r).balance).toBe(0);
    expect(member(r).entries).toHaveLength(1);
  });

  it.each(['W1', 'M1'])('%s 诫勉谈话 lists the member as 警示党员', (code) => {
    const m = member(
      scoreWorkbook(book([row('2026-06-01', code, '诫勉谈话', '', '已认定')]), AS_OF),
    );
    expect(m.warningListed).toBe(true);
    expect(m.level).toBe('warning');
  });
});

describe('J1 志愿服务 and J2 表现突出 rewards cancel points', () => {
  it('J1 cancels 2 points, typed as 2, -2 or blank', () => {
    const base = [row('2026-03-05', 'P1', '无故缺席')];
    expect(balanceOf([...base, row('2026-04-01', 'J1', '', '', '已认定')])).toBe(4);
    expect(balanceOf([...base, row('2026-04-01', 'J1', '', 2, '已认定')])).toBe(4);
    expect(balanceOf([...base, row('2026-04-01', 'J1', '', '-2', '已认定')])).toBe(4);
  });

  it('J2 cancels the points the committee decided, typed with either sign', () => {
    const base = [row('2026-03-05', 'W1', '诫勉谈话', '', '已认定')];
    expect(balanceOf([...base, row('2026-04-01', 'J2', '', 5, '已认定')])).toBe(4);
    expect(balanceOf([...base, row('2026-04-01', 'J2', '', '-5分', '已认定')])).toBe(4);
  });

  it('rewards need verification: a blank status does not cancel', () => {
    expect(balanceOf([row('2026-03-05', 'P1', '无故缺席'), row('2026-04-01', 'J1')])).toBe(6);
  });

  it('rewards are not banked: a reward on 0 leaves nothing for later demerits', () => {
    const m = member(
      scoreWorkbook(
        book([row('2026-02-01', 'J1', '', '', '已认定'), row('2026-03-05', 'P1', '无故缺席')]),
        AS_OF,
      ),
    );
    expect(m.balance).toBe(6);
    expect(m.cancelled).toBe(0);
    expect(m.rewards).toBe(2);
  });

  it('a reward never takes the balance below 0', () => {
    expect(
      balanceOf([row('2026-03-05', 'P2', '请假'), row('2026-04-01', 'J2', '', 8, '已认定')]),
    ).toBe(0);
  });
});

describe('S1 typed into the ledger', () => {
  it('counts 3 points per row as typed, with a warning that names the 微心愿 sheet', () => {
    const r = scoreWorkbook(book([row('2026-03-05', 'S1', '少完成1个')]), AS_OF);
    expect(member(r).balance).toBe(3);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: '记分台账', row: 2, column: '事项' }),
    ]);
    expect(r.problems[0].fix).toContain('微心愿');
  });
});
