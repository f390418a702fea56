// Bad rows: each is an error on its own row, left out of every total; the valid rows still score.
import { describe, expect, it } from 'vitest';
import { scoreWorkbook, type CellValue, type Problem } from '../../core/index.js';
import { book, row } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';
const errorsAt = (problems: Problem[], r: number) =>
  problems.filter((p) => p.severity === 'error' && p.row === r);

describe('a ledger with one bad row of each kind', () => {
  const roster = [
    ['A01', '张三', '第一支部', '', '', ''],
    ['A02', '李明', '第一支部', '', '', ''],
    ['A03', '李明', '第二支部', '', '', ''],
  ];
  const ledger = [
    row('2026-03-01', 'P1', '无故缺席'), // 2: valid, 6
    [], // 3: blank row, ignored
    ['2026-03-02', '', '钱八', 'P1', '请假', '', '', ''], // 4: unknown member
    ['2026-03-03', '', '李明', 'P1', '请假', '', '', ''], // 5: shared name, no id
    ['2026-03-04', 'A01', '李明', 'P1', '请假', '', '', ''], // 6: name and id disagree
    row('2026-03-05', 'X9'), // 7: unknown rule
    row('2026-03-06', 'P1', '迟到'), // 8: unknown variant
    row('2026-13-01', 'P1', '请假'), // 9: unreadable date
    row('2026-03-07', 'P1', '请假', 5), // 10: points contradict a fixed rule
    row('2026-03-08', 'J2', '', '', '已认定'), // 11: case-by-case rule without points
    row('2026-03-09', 'P1', '', ''), // 12: variant missing
    row('2026-03-10', 'P2', '请假', '', '已通过审核了'), // 13: unknown status
    ['2026-03-11', 'A03', '李明', 'P2', '请假', '', '', ''], // 14: valid, shared name with id, 1
  ];
  const result = scoreWorkbook(book(ledger, { roster }), AS_OF);

  it.each([
    [4, '姓名', '名册中没有党员"钱八"'],
    [5, '姓名', '多名党员叫"李明"'],
    [6, '编号', '与姓名"李明"不符'],
    [7, '事项', '不认识的事项"X9"'],
    [8, '情形', '没有情形"迟到"'],
    [9, '日期', '无法识别日期"2026-13-01"'],
    [10, '分值', '与规则不符'],
    [11, '分值', '须填写分值'],
    [12, '情形', '须填写情形'],
    [13, '状态', '不认识的状态'],
  ])('row %i: an error in column %s saying %s', (r, column, text) => {
    const errors = errorsAt(result.problems, r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: '记分台账', column });
    expect(errors[0].message).toContain(text);
    expect(errors[0].fix.length).toBeGreaterThan(4);
    expect(errors[0].cell).toMatch(/^[A-Z]+\d+$/);
  });

  it('leaves every bad row out of every total and scores the valid ones', () => {
    expect(result.entries.map((e) => e.source.row)).toEqual([2, 14]);
    expect(result.members.map((m) => m.balance)).toEqual([6, 0, 1]);
  });

  it('ignores the blank row', () => {
    expect(result.problems.filter((p) => p.row === 3)).toEqual([]);
  });

  it('warns about the shared name in the roster', () => {
    expect(result.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', sheet: '党员名册', row: 4, column: '姓名' }),
    );
  });
});

describe('tolerant reading of how clerks really type', () => {
  it('finds the header row under a title banner, with spaces, full-width brackets and line breaks, in any order', () => {
    const sheets = [
      {
        name: '名册',
        rows: [
          ['某单位党员花名册'],
          [],
          ['姓 名', '所在支部', '党员编号'],
          ['张三', '一支部', 'A01'],
        ],
      },
      {
        name: '台账',
        rows: [
          ['某单位机关党员"十二分制"记分台账'],
          ['备注列', '分值（分）', '记分\n事项', '情 形', '姓　名', '记分日期'],
          ['多一列也无妨', '6分', '三会一课', '无故缺席', '张三', '2026/3/5'],
          ['', '', 'Ｐ２', '请假', '张三', '2026.3.6'],
          ['', '', '妄议大政方针', '', '张三', '2026年3月7日'],
        ],
      },
    ];
    const r = scoreWorkbook(sheets, AS_OF);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.entries.map((e) => [e.date, e.rule.code, e.verification])).toEqual([
      ['2026-03-05', 'P1', 'counts'],
      ['2026-03-06', 'P2', 'counts'],
      ['2026-03-07', 'R2', 'pending'],
    ]);
    expect(r.entries[0].source).toMatchObject({ sheet: '台账', row: 3 });
    expect(r.members[0].balance).toBe(7);
  });

  it.each([
    [new Date(Date.UTC(2026, 2, 5)), 'an Excel date'],
    [46086, 'an Excel serial number'],
    ['2026-03-05', 'text 2026-03-05'],
    ['2026/3/5', 'text 2026/3/5'],
    ['2026.3.5', 'text 2026.3.5'],
    ['2026年3月5日', 'text 2026年3月5日'],
  ] as [CellValue, string][])('reads the date %s (%s) as 2026-03-05', (date) => {
    expect(scoreWorkbook(book([row(date, 'P1', '请假')]), AS_OF).entries[0].date).toBe(
      '2026-03-05',
    );
  });

  it('names a variant by a unique part of it (约谈 → 廉政约谈)', () => {
    expect(
      scoreWorkbook(book([row('2026-03-05', 'W1', '约谈', '', '已认定')]), AS_OF).members[0]
        .balance,
    ).toBe(3);
  });
});

describe('the unit’s own 记分规则 sheet replaces the built-in catalog', () => {
  const rules = [
    ['K1', '考勤', '无故迟到', '', 1, '否', '否', '否'],
    ['J1', '奖励', '志愿服务', '', -3, '否', '是', '否'],
  ];

  it('scores the unit’s rules and points', () => {
    const r = scoreWorkbook(
      book(
        [
          row('2026-03-01', 'K1'),
          row('2026-03-01', 'K1'),
          row('2026-04-01', 'J1', '', '', '已认定'),
        ],
        { rules },
      ),
      AS_OF,
    );
    expect(r.members[0].balance).toBe(0);
    expect(r.members[0].demerits).toBe(2);
    expect(r.rules.map((x) => x.code)).toEqual(['K1', 'J1']);
  });

  it('a built-in rule the unit did not keep is unknown', () => {
    const r = scoreWorkbook(book([row('2026-03-01', 'P1', '请假')], { rules }), AS_OF);
    expect(errorsAt(r.problems, 2)[0].message).toContain('不认识的事项');
  });
});

describe('a roster that has only a 姓名 column', () => {
  it('is still a roster', () => {
    const sheets = [
      { name: '党员名册', rows: [['姓名'], ['张三']] },
      {
        name: '记分台账',
        rows: [
          ['日期', '姓名', '事项', '情形'],
          ['2026-03-05', '张三', 'P1', '请假'],
        ],
      },
    ];
    expect(scoreWorkbook(sheets, AS_OF).members.map((m) => [m.member.name, m.balance])).toEqual([
      ['张三', 2],
    ]);
  });
});
