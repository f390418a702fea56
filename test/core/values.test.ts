// Values that cannot mean what they seem: each is a problem on its own cell, never a silent
// reinterpretation, and no balance is ever other than a finite whole number.
import { describe, expect, it } from 'vitest';
import {
  cellText,
  cellValue,
  parseWorkbook,
  scoreWorkbook,
  UnusableWorkbookError,
  type CellValue,
  type Problem,
  type SheetData,
} from '../../core/index.js';
import { book, LEDGER_HEADER, row } from '../helpers/sheets.js';

const AS_OF = '2026-11-24';
const DATE = 'yyyy-mm-dd';
const at = (problems: Problem[], cell: string) => problems.filter((p) => p.cell === cell);
const balances = (sheets: SheetData[]) =>
  scoreWorkbook(sheets, AS_OF).members.map((m) => m.balance);

describe('dates outside the scheme years', () => {
  it('a date-formatted 20260305 is a number, named with the date it looks like', () => {
    const typed = cellValue(20260305, DATE);
    expect(typed).toBe(20260305);
    const r = scoreWorkbook(book([row(typed, 'P1', '请假')]), AS_OF);
    expect(at(r.problems, 'A2')).toMatchObject([
      { severity: 'error', message: '日期"20260305"是一个数字，不是日期' },
    ]);
    expect(at(r.problems, 'A2')[0].fix).toContain('2026-03-05');
    expect(r.members[0].balance).toBe(0);
  });

  it('serial −1 and a date-styled 1e10 are problems, not 1899 or a RangeError', () => {
    for (const serial of [-1, 1e10]) {
      const value = cellValue(serial, DATE);
      expect(() => cellText(value)).not.toThrow();
      const r = scoreWorkbook(book([row(value, 'P1', '请假')]), AS_OF);
      expect(at(r.problems, 'A2')[0]?.message).toMatch(/不是 1990—2100 年间的日期/);
    }
  });

  it('a Date in year 57,372 or 1899, and text dated 1900, are outside 1990–2100', () => {
    const far = new Date(Date.UTC(57372, 2, 5));
    const early = cellValue(100, DATE); // 1900-04-09
    const r = scoreWorkbook(
      book([row(far, 'P1', '请假'), row(early, 'P1', '请假'), row('1900-03-05', 'P1', '请假')]),
      AS_OF,
    );
    expect(at(r.problems, 'A2')[0].message).toBe('日期"57372-03-05"不在 1990—2100 年之间');
    expect(at(r.problems, 'A3')[0].message).toBe('日期"1900-04-09"不在 1990—2100 年之间');
    expect(at(r.problems, 'A4')[0].message).toBe('日期"1900-03-05"不在 1990—2100 年之间');
    expect(r.members[0].balance).toBe(0);
  });

  it('an invalid Date never throws from cellText', () => {
    expect(cellText(new Date(Number.NaN))).toBe('无效日期');
  });

  it('a 告知日期 outside the years is a warning naming it, and the row still counts', () => {
    const sheets = book([]);
    sheets[1].rows = [
      [...LEDGER_HEADER, '告知日期'],
      ['2026-03-05', 'A01', '', 'P1', '请假', '', '', '', 20260306],
    ];
    const r = scoreWorkbook(sheets, AS_OF);
    expect(at(r.problems, 'I2')).toMatchObject([
      { severity: 'warning', message: '告知日期"20260306"是一个数字，不是日期' },
    ]);
    expect(r.members[0].balance).toBe(2);
  });
});

describe('points and wishes that no rule gives', () => {
  it('J2 of 3.5 and of 1e308 are errors on 分值; the row is not scored', () => {
    const r = scoreWorkbook(
      book([
        row('2026-03-05', 'J2', '', 3.5, '已认定'),
        row('2026-03-06', 'J2', '', 1e308, '已认定'),
      ]),
      AS_OF,
    );
    expect(at(r.problems, 'F2')[0].message).toBe('分值"3.5"不是整数');
    expect(at(r.problems, 'F3')[0].message).toBe('分值"1e+308"超出范围');
    expect(r.members[0].entries).toEqual([]);
  });

  it('认领数 1e308 is an error, and every balance stays a finite whole number', () => {
    const sheets = book([row('2026-03-05', 'P1', '请假')], {
      wishes: [
        [2025, 'A01', '', 1e308, 0],
        [2025, 'A02', '', 2.5, 0],
      ],
    });
    const r = scoreWorkbook(sheets, AS_OF);
    expect(at(r.problems, 'D2')[0].message).toBe('认领数"1e+308"不是 0 到 1000 之间的整数');
    expect(at(r.problems, 'D3')[0].message).toBe('认领数"2.5"不是 0 到 1000 之间的整数');
    for (const m of r.members) expect(Number.isSafeInteger(m.balance)).toBe(true);
  });

  it('a rule sheet 分值 of 3.5 is an error, not "decided case by case"', () => {
    const sheets = book([], {
      rules: [
        ['P1', '严肃党内政治生活', '三会一课', '请假', 3.5, '否', '否', '否'],
        ['P1', '严肃党内政治生活', '三会一课', '无故缺席', 6, '否', '否', '否'],
      ],
    });
    const parsed = parseWorkbook(sheets);
    expect(at(parsed.problems, 'E2')[0]).toMatchObject({
      severity: 'error',
      message: '分值"3.5"不是整数，这一行未启用',
    });
    expect(parsed.rules.map((r) => r.variant)).toEqual(['无故缺席']);
  });
});

describe('invisible characters in names', () => {
  for (const [char, label] of [
    ['\u200d', 'U+200D（零宽连接符）'],
    ['\u202c', 'U+202C（方向格式结束符）'],
    ['\u00ad', 'U+00AD（软连字符）'],
    ['\ufeff', 'U+FEFF（字节顺序标记 BOM）'],
  ]) {
    it(`a ledger name with ${label} is a warning naming it, and matches the member`, () => {
      const r = scoreWorkbook(
        book([['2026-03-05', '', `张${char}三`, 'P1', '请假', '', '', '']]),
        AS_OF,
      );
      expect(at(r.problems, 'C2')).toMatchObject([
        { severity: 'warning', message: `姓名中含有不可见字符 ${label}，已忽略该字符后比对` },
      ]);
      expect(r.members[0].balance).toBe(2);
    });
  }

  it('a roster name with one is named too', () => {
    const r = scoreWorkbook(
      book([row('2026-03-05', 'P1', '请假')], {
        roster: [['A01', '张三\u202c', '第一支部', '', '', '']],
      }),
      AS_OF,
    );
    expect(at(r.problems, 'B2')[0].message).toContain('U+202C');
  });
});

describe('error values', () => {
  it('#N/A in a ledger date is one error on that cell, not also an unreadable date', () => {
    const r = scoreWorkbook(
      book([row('#N/A', 'P1', '请假'), row('2026-03-05', 'P1', '请假')]),
      AS_OF,
    );
    expect(r.problems.filter((p) => p.row === 2)).toMatchObject([
      { severity: 'error', cell: 'A2', column: '日期', message: '单元格为错误值 #N/A' },
    ]);
    expect(r.members[0].balance).toBe(2);
  });

  it('#DIV/0! in a setting is an error and the default applies', () => {
    const parsed = parseWorkbook(book([], { settings: [['提醒分值', '#DIV/0!']] }));
    expect(parsed.problems).toMatchObject([
      { severity: 'error', message: '单元格为错误值 #DIV/0!' },
    ]);
    expect(parsed.settings.thresholds.reminder).toBe(6);
  });
});

describe('rows the contract does not read', () => {
  it('a 序号 column pre-filled down to row 1002 adds no problem and changes no score', () => {
    const plain = book([row('2026-03-05', 'P1', '请假'), row('2026-03-06', 'X9', '')]);
    const numbered = book([]);
    numbered[1].rows = [[...LEDGER_HEADER, '序号']];
    plain[1].rows.slice(1).forEach((r, i) => numbered[1].rows.push([...r, i + 1]));
    for (let i = numbered[1].rows.length; i < 1002; i++)
      numbered[1].rows.push([null, null, null, null, null, null, null, null, i]);
    const a = scoreWorkbook(plain, AS_OF);
    const b = scoreWorkbook(numbered, AS_OF);
    expect(b.problems).toEqual(a.problems);
    expect(b.problems).toHaveLength(1);
    expect(b.members.map((m) => m.balance)).toEqual(a.members.map((m) => m.balance));
  });

  it('a million stray rows give a capped list ending in "…另有 N 个问题未列出"', () => {
    const ledger: CellValue[][] = [];
    for (let i = 0; i < 5000; i++) ledger.push(['', '', '', '', '', '', '', `说明${i}`]);
    const r = scoreWorkbook(book(ledger), AS_OF);
    expect(r.problems).toHaveLength(1001);
    expect(r.problems[1000]).toMatchObject({ severity: 'error', sheet: '记分台账' });
    expect(r.problems[1000].message).toMatch(/^…另有 \d+ 个问题未列出/);
  });
});

describe('every sheet is read or named', () => {
  it('near-miss names are warnings, other sheets are named as not read', () => {
    const sheets = [
      ...book([row('2026-03-05', 'P1', '请假')]),
      { name: '记分规则表', rows: [['代码']] },
      { name: '设置 (2)', rows: [['项目', '值']] },
      { name: '说明', rows: [['本表由办公室维护']] },
    ];
    const r = parseWorkbook(sheets);
    expect(r.problems.map((p) => [p.severity, p.sheet])).toEqual([
      ['warning', '记分规则表'],
      ['warning', '设置 (2)'],
      ['info', '说明'],
    ]);
  });

  it('an empty 记分台账 before the real 台账 is an error, not every balance 0 in silence', () => {
    const sheets = book([]);
    sheets.push({ name: '台账', rows: [LEDGER_HEADER, row('2026-03-05', 'P1', '无故缺席')] });
    const r = scoreWorkbook(sheets, AS_OF);
    expect(r.problems).toMatchObject([
      { severity: 'error', sheet: '记分台账', message: expect.stringContaining('"台账"有 1 行') },
    ]);
    expect(balances(sheets)).toEqual([0, 0, 0, 0, 0]);
  });

  it('no ledger at all, but 台账2026: the unusable message names the near miss', () => {
    const sheets = book([]);
    sheets[1].name = '台账2026';
    expect(() => parseWorkbook(sheets)).toThrow(UnusableWorkbookError);
    expect(() => parseWorkbook(sheets)).toThrow(/工作表"台账2026"的名称相近/);
  });
});
