// domain.md "Follow-through": talks and handling, notice cards, pending verification, review
// and attendance, each rule by its name, at an as-of date.
import { describe, expect, it } from 'vitest';
import { scoreWorkbook, type CellValue, type ScoreResult } from '../../core/index.js';
import { book, FULL_LEDGER_HEADER, row } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';
const member = (r: ScoreResult, id = 'A01') => r.members.find((m) => m.member.id === id)!;
const warnings = (r: ScoreResult, sheet: string) =>
  r.problems.filter((p) => p.sheet === sheet && p.severity === 'warning');
const errors = (r: ScoreResult) => r.problems.filter((p) => p.severity === 'error');

/** A ledger row with the follow-through columns: notice, verified, review applied/outcome/date. */
function full(
  base: CellValue[],
  more: {
    notice?: string;
    verified?: string;
    applied?: string;
    outcome?: string;
    decided?: string;
  } = {},
): CellValue[] {
  return [
    ...base,
    more.notice ?? '',
    more.verified ?? '',
    more.applied ?? '',
    more.outcome ?? '',
    more.decided ?? '',
  ];
}
const withColumns = { ledgerHeader: FULL_LEDGER_HEADER };
/** Threshold obligations only: 末位 has its own tests. */
const talks = (r: ScoreResult) => r.obligations.filter((o) => o.kind !== 'bottom');

describe('talks and handling (处置)', () => {
  it('each threshold action is an obligation: kind, who acts, due on its date, deadline after 处置期限天数', () => {
    const r = scoreWorkbook(book([row('2026-03-01', 'P1', '无故缺席')]), AS_OF);
    expect(talks(r)).toHaveLength(1);
    expect(talks(r)[0]).toMatchObject({
      kind: 'reminder',
      label: '约谈提醒',
      actor: '党工委',
      due: '2026-03-01',
      deadline: '2026-03-16',
      state: 'overdue',
      entryKey: '记分台账!2',
    });
    const longer = scoreWorkbook(
      book([row('2026-03-01', 'P1', '无故缺席')], { settings: [['处置期限天数', '30天']] }),
      AS_OF,
    );
    expect(talks(longer)[0].deadline).toBe('2026-03-31');
  });

  it('one entry, one action: a 0 → 9 entry gives one warning-talk obligation', () => {
    const r = scoreWorkbook(book([row('2026-05-01', 'M1', '诫勉谈话', '', '已认定')]), AS_OF);
    expect(talks(r).map((o) => [o.kind, o.actor])).toEqual([['warning', '单位主要负责人']]);
  });

  it('one entry, one action: R1–R3 give only 不合格处置', () => {
    for (const code of ['R1', 'R2', 'R3']) {
      const r = scoreWorkbook(book([row('2026-05-01', code, '', '', '已认定')]), AS_OF);
      expect(talks(r).map((o) => o.label)).toEqual(['不合格处置']);
    }
  });

  it('rising across a threshold again after rewards calls for it again', () => {
    const r = scoreWorkbook(
      book([
        row('2026-03-01', 'P1', '无故缺席'),
        row('2026-04-01', 'J1', '', '', '已认定'),
        row('2026-05-01', 'P1', '请假'),
      ]),
      AS_OF,
    );
    expect(r.obligations.filter((o) => o.kind === 'reminder').map((o) => o.due)).toEqual([
      '2026-03-01',
      '2026-05-01',
    ]);
  });

  it('each 末位 of a monthly ranking is a 末位约谈 obligation of the 党工委, due on the adjustment day', () => {
    const r = scoreWorkbook(
      book([row('2026-10-03', 'P2', '请假'), row('2026-10-04', 'P2', '请假', '', '', 'A02')], {
        settings: [['末位人数', 1]],
      }),
      AS_OF,
    );
    // Both have 1 point on 10-25: a tie at the boundary marks both.
    expect(r.obligations.map((o) => [o.member.id, o.kind, o.due, o.month, o.actor])).toEqual([
      ['A01', 'bottom', '2026-10-25', '2026-10', '党工委'],
      ['A02', 'bottom', '2026-10-25', '2026-10', '党工委'],
    ]);
    expect(r.obligations[0].deadline).toBe('2026-11-09');
    expect(r.obligations[0].state).toBe('overdue');
  });

  it('a record satisfies the earliest open obligation of the same member and kind due on or before its date', () => {
    const r = scoreWorkbook(
      book(
        [
          row('2026-03-01', 'P1', '无故缺席'),
          row('2026-04-01', 'J1', '', '', '已认定'),
          row('2026-05-01', 'P1', '请假'),
        ],
        { records: [['2026-06-01', 'A01', '', '约谈提醒', '刘书记', '已谈话']] },
      ),
      AS_OF,
    );
    const reminders = r.obligations.filter((o) => o.kind === 'reminder');
    expect(
      reminders.map((o) => [o.due, o.state, o.record?.date ?? null, o.record?.by ?? null]),
    ).toEqual([
      ['2026-03-01', 'done', '2026-06-01', '刘书记'],
      ['2026-05-01', 'overdue', null, null],
    ]);
    expect(warnings(r, '处置记录')).toEqual([]);
  });

  it('a record dated before its obligation matches nothing, and is a warning, not an error', () => {
    const r = scoreWorkbook(
      book([row('2026-05-01', 'P1', '无故缺席')], {
        records: [['2026-04-20', 'A01', '', '约谈提醒', '', '']],
      }),
      AS_OF,
    );
    expect(r.obligations[0].state).toBe('overdue');
    expect(errors(r)).toEqual([]);
    expect(warnings(r, '处置记录')).toHaveLength(1);
    expect(warnings(r, '处置记录')[0]).toMatchObject({ row: 2 });
    expect(warnings(r, '处置记录')[0].message).toContain('未对应任何处置');
  });

  it('a record of another kind matches nothing', () => {
    const r = scoreWorkbook(
      book([row('2026-05-01', 'P1', '无故缺席')], {
        records: [['2026-05-10', 'A01', '', '警示约谈', '', '']],
      }),
      AS_OF,
    );
    expect(r.obligations[0].state).toBe('overdue');
    expect(warnings(r, '处置记录')).toHaveLength(1);
  });

  it('states at the as-of date: done with its date, open before the deadline, overdue after it', () => {
    const sheets = book([row('2026-11-20', 'P1', '无故缺席')], {
      records: [['2026-11-28', 'A01', '', '约谈提醒', '', '']],
    });
    expect(scoreWorkbook(sheets, '2026-11-24').obligations[0].state).toBe('open');
    expect(scoreWorkbook(sheets, '2026-11-27').obligations[0].state).toBe('open');
    const done = scoreWorkbook(sheets, '2026-11-28').obligations[0];
    expect([done.state, done.record?.date]).toEqual(['done', '2026-11-28']);
    expect(
      scoreWorkbook(book([row('2026-11-01', 'P1', '无故缺席')]), '2026-11-17').obligations[0].state,
    ).toBe('overdue');
    expect(
      scoreWorkbook(book([row('2026-11-01', 'P1', '无故缺席')]), '2026-11-16').obligations[0].state,
    ).toBe('open');
  });

  it('processing records typed as 12 / 6 / 9 / 末位 are read as their kind', () => {
    const r = scoreWorkbook(
      book(
        [
          row('2026-03-01', 'P1', '无故缺席'),
          row('2026-04-01', 'P1', '无故缺席', '', '', 'A02'),
          row('2026-04-02', 'P2', '无故缺席', '', '', 'A02'),
          row('2026-05-01', 'R1', '', '', '已认定', 'A03'),
        ],
        {
          records: [
            ['2026-03-05', 'A01', '', '6', '', ''],
            ['2026-04-05', 'A02', '', '9分', '', ''],
            ['2026-05-05', 'A03', '', 12, '', '转化'],
          ],
        },
      ),
      '2026-05-20',
    );
    const byId = (id: string) =>
      r.obligations.filter((o) => o.member.id === id && o.kind !== 'bottom');
    expect(byId('A01').map((o) => [o.kind, o.state])).toEqual([['reminder', 'done']]);
    expect(byId('A02').map((o) => [o.kind, o.state])).toEqual([
      ['reminder', 'superseded'], // the 警示约谈 fell due the next day (domain.md, Superseded)
      ['warning', 'done'],
    ]);
    expect(byId('A03').map((o) => [o.kind, o.state, o.record?.result])).toEqual([
      ['unqualified', 'done', '转化'],
    ]);
    expect(r.problems.filter((p) => p.sheet === '处置记录')).toEqual([]);
  });

  it('a record with an unknown 处置 or member is an error on its own cell', () => {
    const r = scoreWorkbook(
      book([row('2026-03-01', 'P1', '无故缺席')], {
        records: [
          ['2026-03-05', 'A01', '', '谈心', '', ''],
          ['2026-03-05', 'Z99', '', '约谈提醒', '', ''],
        ],
      }),
      AS_OF,
    );
    expect(errors(r).map((p) => [p.row, p.column])).toEqual([
      [2, '处置'],
      [3, '编号'],
    ]);
  });

  it('a review outcome 撤销 removes the entry’s obligations', () => {
    const rows = [full(row('2026-05-01', 'R1', '', '', '已认定'), { notice: '2026-05-02' })];
    const standing = scoreWorkbook(book(rows, withColumns), AS_OF).obligations;
    expect(standing.map((o) => o.kind)).toContain('unqualified');
    expect(standing.filter((o) => o.kind === 'bottom').length).toBeGreaterThan(0);
    const revoked = [
      full(row('2026-05-01', 'R1', '', '', '已认定'), {
        notice: '2026-05-02',
        applied: '2026-05-05',
        outcome: '撤销',
        decided: '2026-05-15',
      }),
    ];
    const r = scoreWorkbook(book(revoked, withColumns), AS_OF);
    expect(r.obligations).toEqual([]);
    expect(member(r).balance).toBe(0);
    // Before the outcome the entry stood, and so did its obligation.
    expect(talks(scoreWorkbook(book(revoked, withColumns), '2026-05-10'))).toHaveLength(1);
  });
});

describe('notice cards (告知)', () => {
  it('a card is open for 告知期限天数 from the entry’s 日期, overdue after that while 告知日期 is blank, done once given', () => {
    const sheets = book([full(row('2026-11-10', 'P1', '请假'))], withColumns);
    expect(scoreWorkbook(sheets, '2026-11-17').notices[0]).toMatchObject({
      from: '2026-11-10',
      deadline: '2026-11-17',
      state: 'open',
    });
    expect(scoreWorkbook(sheets, '2026-11-18').notices[0].state).toBe('overdue');
    const given = book(
      [full(row('2026-11-10', 'P1', '请假'), { notice: '2026-11-20' })],
      withColumns,
    );
    expect(scoreWorkbook(given, '2026-11-19').notices[0].state).toBe('overdue');
    expect(scoreWorkbook(given, '2026-11-20').notices[0]).toMatchObject({
      state: 'done',
      given: '2026-11-20',
    });
  });

  it('counting starts from 认定日期 where typed, and 告知期限天数 is a setting', () => {
    const sheets = book(
      [full(row('2026-10-01', 'W1', '通报', '', '已认定'), { verified: '2026-11-15' })],
      { ...withColumns, settings: [['告知期限天数', 10]] },
    );
    expect(scoreWorkbook(sheets, AS_OF).notices[0]).toMatchObject({
      from: '2026-11-15',
      deadline: '2026-11-25',
      state: 'open',
    });
  });

  it('one per counted entry: pending and revoked entries need no card, a 会议签到 row gives one per name', () => {
    const r = scoreWorkbook(
      book([row('2026-10-01', 'W1', '通报'), row('2026-10-02', 'W1', '通报', '', '已撤销')], {
        attendance: [['2026-10-09', '三会一课', '', '张三、李四', '王五', '', '2026-10-10']],
      }),
      AS_OF,
    );
    expect(r.notices.map((n) => [n.source.sheet, n.source.row, n.member.name, n.state])).toEqual([
      ['会议签到', 2, '张三', 'done'],
      ['会议签到', 2, '李四', 'done'],
      ['会议签到', 2, '王五', 'done'],
    ]);
  });
});

describe('pending verification (待核实)', () => {
  it('entries waiting are listed with the days waited; longer than 认定期限天数 is a warning', () => {
    const r = scoreWorkbook(
      book([
        row('2026-11-01', 'W1', '通报'),
        row('2026-10-01', 'M1', '廉政约谈', '', '待核实'),
        row('2026-12-01', 'W1', '通报'),
      ]),
      AS_OF,
    );
    expect(r.pending.map((p) => [p.source.row, p.date, p.days, p.tooLong])).toEqual([
      [3, '2026-10-01', 54, true],
      [2, '2026-11-01', 23, false],
    ]);
    expect(warnings(r, '记分台账').map((p) => p.row)).toEqual([3]);
    expect(member(r).balance).toBe(0);
  });

  it('an entry verified after the as-of date was still pending on that date', () => {
    const sheets = book(
      [full(row('2026-10-01', 'W1', '通报', '', '已认定'), { verified: '2026-11-20' })],
      withColumns,
    );
    expect(member(scoreWorkbook(sheets, '2026-11-10')).balance).toBe(0);
    expect(scoreWorkbook(sheets, '2026-11-10').pending).toHaveLength(1);
    expect(member(scoreWorkbook(sheets, AS_OF)).balance).toBe(6);
  });
});

describe('review (复核)', () => {
  const applied = (more: Parameters<typeof full>[1]) =>
    book(
      [full(row('2026-10-01', 'W1', '通报', '', '已认定'), { notice: '2026-10-03', ...more })],
      withColumns,
    );

  it('while a review is open the entry still counts (复核中)', () => {
    const r = scoreWorkbook(applied({ applied: '2026-11-20' }), AS_OF);
    expect(member(r).balance).toBe(6);
    expect(r.reviews).toMatchObject([
      { applied: '2026-11-20', outcome: null, state: 'open', late: true },
    ]);
  });

  it('撤销 on review: the entry never counts, like 已撤销', () => {
    const r = scoreWorkbook(
      applied({ applied: '2026-10-05', outcome: '撤销', decided: '2026-10-12' }),
      AS_OF,
    );
    expect(member(r).balance).toBe(0);
    expect(r.notices).toEqual([]);
    expect(r.reviews).toMatchObject([{ outcome: 'revoked', state: 'decided', late: false }]);
  });

  it('维持 and 变更 count (变更 as corrected in the row)', () => {
    const upheld = scoreWorkbook(
      applied({ applied: '2026-10-05', outcome: '维持', decided: '2026-10-12' }),
      AS_OF,
    );
    expect([member(upheld).balance, upheld.reviews[0].outcome]).toEqual([6, 'upheld']);
    const changed = scoreWorkbook(
      book(
        [
          full(row('2026-10-01', 'W1', '廉政约谈', '', '已认定'), {
            applied: '2026-10-05',
            outcome: '变更',
            decided: '2026-10-12',
          }),
        ],
        withColumns,
      ),
      AS_OF,
    );
    expect([member(changed).balance, changed.reviews[0].outcome]).toEqual([3, 'changed']);
  });

  it('an outcome dated after the as-of date is not reached yet', () => {
    const sheets = applied({ applied: '2026-10-05', outcome: '撤销', decided: '2026-10-12' });
    const before = scoreWorkbook(sheets, '2026-10-10');
    expect(member(before).balance).toBe(6);
    expect(before.reviews[0]).toMatchObject({ outcome: null, state: 'open' });
  });

  it('an application later than 告知日期 + 复核申请天数 is kept and warned about', () => {
    const r = scoreWorkbook(
      applied({ applied: '2026-10-11', outcome: '维持', decided: '2026-10-15' }),
      AS_OF,
    );
    expect(r.reviews[0].late).toBe(true);
    expect(warnings(r, '记分台账').map((p) => p.column)).toEqual(['复核申请日期']);
    const inTime = scoreWorkbook(
      applied({ applied: '2026-10-10', outcome: '维持', decided: '2026-10-15' }),
      AS_OF,
    );
    expect([inTime.reviews[0].late, warnings(inTime, '记分台账')]).toEqual([false, []]);
  });

  it('an outcome not reached within 复核办结天数 of the application is a warning', () => {
    const sheets = applied({ applied: '2026-10-05' });
    expect(scoreWorkbook(sheets, '2026-10-20').reviews[0].state).toBe('open');
    const late = scoreWorkbook(sheets, '2026-10-21');
    expect(late.reviews[0].state).toBe('overdue');
    expect(warnings(late, '记分台账').map((p) => p.column)).toEqual(['复核结果']);
  });

  it('an unknown 复核结果 is an error: the row is left out, as any row whose meaning is uncertain', () => {
    const r = scoreWorkbook(applied({ applied: '2026-10-05', outcome: '再议' }), AS_OF);
    expect(errors(r).map((p) => [p.row, p.column])).toEqual([[2, '复核结果']]);
    expect(member(r).balance).toBe(0);
  });
});

describe('attendance (会议签到)', () => {
  const meeting = (rows: CellValue[][], roster?: CellValue[][]) =>
    scoreWorkbook(book([], { attendance: rows, ...(roster ? { roster } : {}) }), AS_OF);

  it('each name on leave or absent becomes a P1/P2 entry on the meeting’s date, traced to its row and name', () => {
    const r = meeting([
      ['2026-03-10', '支部党员大会', '第一支部', '张三、李四，王五', '赵六 孙七', '', ''],
      ['2026-04-08', '主题党日', '', 'A01；A02;A03', 'A04,A05', '', ''],
    ]);
    expect(errors(r)).toEqual([]);
    const byRow = (n: number) =>
      r.entries
        .filter((e) => e.source.row === n)
        .map((e) => [e.member.id, e.rule.code, e.rule.variant, e.points, e.source.cell]);
    expect(byRow(2)).toEqual([
      ['A01', 'P1', '请假', 2, 'D2'],
      ['A02', 'P1', '请假', 2, 'D2'],
      ['A03', 'P1', '请假', 2, 'D2'],
      ['A04', 'P1', '无故缺席', 6, 'E2'],
      ['A05', 'P1', '无故缺席', 6, 'E2'],
    ]);
    expect(byRow(3).map((e) => [e[1], e[2], e[3]])).toEqual([
      ['P2', '请假', 1],
      ['P2', '请假', 1],
      ['P2', '请假', 1],
      ['P2', '无故缺席', 3],
      ['P2', '无故缺席', 3],
    ]);
    expect(member(r, 'A04').balance).toBe(9);
    expect(member(r, 'A01').steps.map((s) => s.entryKey)).toEqual(['会议签到!2!2', '会议签到!3!2']);
  });

  it('the meeting names P1 by 三会一课 or a part of it, P2 by 党员固定活动日, either by its code', () => {
    const names = [
      '三会一课',
      '支部委员会',
      '党小组会',
      '党课',
      'P1',
      '党员固定活动日',
      '固定活动日',
      'p2',
    ];
    const r = meeting(names.map((n, i) => [`2026-03-${10 + i}`, n, '', '张三', '', '', '']));
    expect(errors(r)).toEqual([]);
    expect(member(r).entries.map((e) => e.rule.code)).toEqual([
      'P1',
      'P1',
      'P1',
      'P1',
      'P1',
      'P2',
      'P2',
      'P2',
    ]);
    const unknown = meeting([['2026-03-10', '座谈会', '', '张三', '', '', '']]);
    expect(errors(unknown).map((p) => p.column)).toEqual(['会议']);
  });

  it('one meeting row with an unknown name still scores its other names', () => {
    const r = meeting([['2026-03-10', '三会一课', '', '张三、钱八、李四', '', '', '']]);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatchObject({ sheet: '会议签到', row: 2, column: '请假', cell: 'D2' });
    expect(errors(r)[0].message).toContain('钱八');
    expect([member(r, 'A01').balance, member(r, 'A02').balance]).toEqual([2, 2]);
  });

  it('a name shared by two members is an error for that name only; the id tells them apart', () => {
    const roster = [
      ['A01', '张三', '', '', '', ''],
      ['A02', '张三', '', '', '', ''],
      ['A03', '王五', '', '', '', ''],
    ];
    const r = meeting([['2026-03-10', '三会一课', '', '张三 王五', 'A02', '', '']], roster);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0].message).toContain('多名党员叫"张三"');
    expect([member(r, 'A01').balance, member(r, 'A02').balance, member(r, 'A03').balance]).toEqual([
      0, 6, 2,
    ]);
  });

  it('a member listed as both on leave and absent in one row is an error, and neither counts', () => {
    const r = meeting([['2026-03-10', '三会一课', '', '张三、李四', '张三', '', '']]);
    expect(errors(r).map((p) => [p.row, p.column])).toEqual([[2, '缺席']]);
    expect([member(r, 'A01').balance, member(r, 'A02').balance]).toEqual([0, 2]);
  });

  it('the same member, date, rule and variant in 会议签到 and 记分台账 counts once, the ledger row, with a warning', () => {
    const r = scoreWorkbook(
      book([row('2026-03-10', '三会一课', '无故缺席')], {
        attendance: [['2026-03-10', '党小组会', '', '李四', '张三', '', '']],
      }),
      AS_OF,
    );
    expect(member(r).balance).toBe(6);
    expect(member(r).steps.map((s) => s.entryKey)).toEqual(['记分台账!2']);
    expect(member(r, 'A02').balance).toBe(2);
    expect(warnings(r, '会议签到').map((p) => [p.row, p.cell])).toEqual([[2, 'E2']]);
  });

  it('an unreadable meeting date is an error on the row; the row is not scored', () => {
    const r = meeting([['2026-13-01', '三会一课', '', '张三', '', '', '']]);
    expect(errors(r).map((p) => [p.row, p.column])).toEqual([[2, '日期']]);
    expect(r.entries).toEqual([]);
  });
});
