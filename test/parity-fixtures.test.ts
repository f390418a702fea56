// The report tool's reading of the fixtures the CLI/add-in parity test shares (written by
// xlsxwriter through scripts/make-writer-fixtures.ts): merged 支部 and 日期 cells, the 1904
// date system, Chinese built-in date formats stored by id alone, #N/A and #REF! results.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreWorkbook, type ScoreResult } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures/parity', name);
const scoreOf = async (name: string): Promise<ScoreResult> =>
  scoreWorkbook(await readWorkbook(fixture(name)), '2026-12-31');
const entries = (r: ScoreResult) =>
  r.members.flatMap((m) =>
    m.entries.map((e) => `${m.member.name} ${e.date} ${e.rule.code} ${e.points}`),
  );

describe('parity fixtures, as the report tool reads them', () => {
  it('parity-merged.xlsx: a merged 支部 and a merged 日期 mean their value on every row', async () => {
    const r = await scoreOf('parity-merged.xlsx');
    expect(r.members.map((m) => m.member.branch)).toEqual(['第一支部', '第一支部', '第一支部']);
    expect(entries(r)).toEqual([
      '张三 2026-03-05 P1 6',
      '李四 2026-03-05 P1 2',
      '王五 2026-04-25 P2 3',
    ]);
    expect(r.problems).toEqual([]);
  });

  it('parity-1904.xlsx: 1904 serials read as the same days', async () => {
    const r = await scoreOf('parity-1904.xlsx');
    expect(entries(r)).toEqual(['张三 2026-03-05 P1 6', '张三 2026-12-31 P2 1']);
  });

  it('parity-zh-dates.xlsx: built-in ids 31 and 14, a 年月日 code and [$-804] all read as dates', async () => {
    const r = await scoreOf('parity-zh-dates.xlsx');
    expect(entries(r).map((e) => e.split(' ')[1])).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    expect(r.problems).toEqual([]);
  });

  it('parity-errors.xlsx: #N/A and #REF! are errors on their cells, those rows are not scored', async () => {
    const r = await scoreOf('parity-errors.xlsx');
    expect(r.problems.map((p) => [p.severity, p.sheet, p.cell, p.message])).toEqual([
      ['error', '党员名册', 'E2', '单元格为错误值 #N/A'],
      ['error', '记分台账', 'C3', '单元格为错误值 #N/A'],
      ['error', '记分台账', 'F4', '单元格为错误值 #REF!'],
    ]);
    // 李四's rows both hold an error value: none is scored; 张三 keeps his blank email.
    expect(entries(r)).toEqual(['张三 2026-03-05 P1 6']);
    expect(r.members[0].member.email).toBe('');
  });
});
