// The edges of reading (issue 20, items 1–5), through `twelve` on workbooks built here: a
// future date, a structure problem before an upward document, the problem cap, invisible
// control characters and names that reach headers and file names.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { basicSheets, writeXlsx } from './helpers/workbook.js';

/** The day every run here takes for today: fixed, so no assertion depends on the clock. */
const TODAY = '2026-12-04';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({ write: (chunk, _enc, cb) => (f(String(chunk)), cb()) });
  const code = await main(
    args,
    sink((s) => (out += s)),
    sink((s) => (err += s)),
  );
  return { code, out, err };
}

type Json = {
  members: { name: string; balance: number }[];
  problems: {
    severity: string;
    sheet: string;
    row: number | null;
    column: string | null;
    message: string;
    fix: string;
  }[];
};

const saved = process.env.TWELVE_TODAY;
beforeEach(() => {
  process.env.TWELVE_TODAY = TODAY;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TWELVE_TODAY;
  else process.env.TWELVE_TODAY = saved;
});

describe('a date after today is an error on its row (item 1)', () => {
  it('a ledger row dated 2062 is named with the year meant, and the member is not silently at 6', async () => {
    const file = await writeXlsx(
      basicSheets([
        ['2026-03-05', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
        ['2062-04-10', 'A01', '张三', 'W1', '通报', '', '已认定', ''],
        // After the as-of date but not after today: not counted yet, no error.
        ['2026-11-30', 'A02', '李四', 'P2', '请假', '', '', ''],
      ]),
    );
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as Json;
    const errors = json.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        sheet: '记分台账',
        row: 3,
        column: '日期',
        message: '日期"2062-04-10"晚于今天（2026-12-04）：台账只记已经发生的事',
        fix: '核对年份（是不是 2026-04-10？），改为实际发生的日期',
      }),
    ]);
    expect(json.problems.some((p) => p.row === 4)).toBe(false);
  });

  it('the text report names sheet, row and column of a future 会议签到, 处置记录 and 微心愿 row', async () => {
    const [roster, ledger, settings] = basicSheets([
      ['2026-03-05', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
    ]);
    const file = await writeXlsx([
      roster,
      ledger,
      settings,
      {
        name: '会议签到',
        rows: [
          ['日期', '会议', '请假', '缺席'],
          ['2026-05-08', '主题党日', '', '李四'],
          ['2027-05-08', '主题党日', '', '王五'],
        ],
      },
      {
        name: '处置记录',
        rows: [
          ['日期', '编号', '处置', '承办人'],
          ['2062-03-20', 'A01', '约谈提醒', '党工委'],
        ],
      },
      {
        name: '微心愿',
        rows: [
          ['年度', '编号', '认领数', '完成数'],
          ['2026', 'A02', 2, 2],
          ['2062', 'A03', 2, 0],
        ],
      },
    ]);
    const { code, out } = await run('score', file, '--as-of', '2026-11-24');
    expect(code).toBe(1);
    expect(out).toMatch(
      /会议签到.*第3行.*日期.*"2027-05-08"晚于今天（2026-12-04）.*是不是 2026-05-08/,
    );
    expect(out).toMatch(/处置记录.*第2行.*日期.*"2062-03-20"晚于今天.*是不是 2026-03-20/);
    expect(out).toMatch(/微心愿.*第3行.*年度.*"2062"晚于今年/);
    // The good meeting row still counts: 李四 absent from a 主题党日 is 3 points.
    expect(out).toMatch(/李四\s+第一支部\s+3\s/);
  });

  it('a future 认定日期 leaves the row out (it decides when the entry counts); a future 告知日期 is a warning and the row counts', async () => {
    const [roster, , settings] = basicSheets();
    const file = await writeXlsx([
      roster,
      {
        name: '记分台账',
        rows: [
          [
            '日期',
            '编号',
            '事项',
            '情形',
            '状态',
            '告知日期',
            '认定日期',
            '复核申请日期',
            '复核结果',
            '复核日期',
          ],
          ['2026-05-10', 'A01', 'W1', '通报', '已认定', '', '2062-05-11', '', '', ''],
          ['2026-05-10', 'A02', 'P1', '无故缺席', '', '2062-05-12', '', '', '', ''],
          [
            '2026-05-10',
            'A03',
            'P1',
            '无故缺席',
            '',
            '2026-05-12',
            '',
            '2026-05-13',
            '撤销',
            '2062-05-20',
          ],
        ],
      },
      settings,
    ]);
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as Json;
    const at = (row: number) =>
      json.problems.filter((p) => p.row === row).map((p) => [p.severity, p.column, p.message]);
    expect(at(2)).toEqual([
      ['error', '认定日期', '认定日期"2062-05-11"晚于今天（2026-12-04）：台账只记已经发生的事'],
    ]);
    expect(at(3)).toEqual([
      ['warning', '告知日期', '告知日期"2062-05-12"晚于今天（2026-12-04）：台账只记已经发生的事'],
    ]);
    expect(at(4)).toEqual([
      ['error', '复核日期', '复核日期"2062-05-20"晚于今天（2026-12-04）：台账只记已经发生的事'],
    ]);
    const balance = (name: string) => json.members.find((m) => m.name === name)!.balance;
    expect([balance('张三'), balance('李四'), balance('王五')]).toEqual([0, 6, 0]);
  });

  it('TWELVE_TODAY that is no date is one Chinese line and exit 2', async () => {
    process.env.TWELVE_TODAY = '明天';
    const file = await writeXlsx(basicSheets());
    const { code, err } = await run('score', file);
    expect(code).toBe(2);
    expect(err).toBe('错误：环境变量 TWELVE_TODAY 的日期"明天"无效，应如 2026-11-24\n');
  });
});
