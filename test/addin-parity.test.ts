/// <reference types="office-js" />
// One reading of cells: the same .xlsx scored by the report tool's reader (twelve score --json)
// and by the add-in against the fake Excel seeded as real Excel shows that file (merged areas
// top-left only, the 1904 system, zh-CN built-in formats, error values as text) gives the same
// JSON. The fixtures are made by test/fixtures/parity/make-fixtures.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { scoreJson } from '../reports/print/score-json.js';
import { scoreOpenWorkbook } from '../addin/score-workbook.js';
import { FakeRequestContext } from './fake-excel/fake-excel.js';
import { fakeFromXlsx } from './fake-excel/seed.js';

const AS_OF = '2026-11-25';
/** The day of the run, the same for both readers: a date after it is an error (domain.md). */
const TODAY = '2026-12-31';
const fixture = (name: string) => path.resolve('test', 'fixtures', 'parity', `${name}.xlsx`);

async function both(name: string) {
  const cli = scoreJson(scoreWorkbook(await readWorkbook(fixture(name)), AS_OF, { today: TODAY }));
  const state = await fakeFromXlsx(fixture(name));
  const outcome = await scoreOpenWorkbook(
    new FakeRequestContext(state) as unknown as Excel.RequestContext,
    AS_OF,
    { today: TODAY },
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return { cli, addin: scoreJson(outcome.result), state };
}

const entryDates = (json: ReturnType<typeof scoreJson>, name: string) =>
  json.members.find((m) => m.name === name)!.steps.map((s) => s.date);

describe('the CLI reader and the add-in read a workbook alike', () => {
  it('merged 支部 and 日期 cells: the value fills the area below the header', async () => {
    const { cli, addin, state } = await both('merged');
    // The fake really holds the value in the top-left cell only, as Excel does.
    expect(state.sheet('党员名册')!.values[2][2]).toBe('');
    expect(state.sheet('党员名册')!.merges).toHaveLength(2);
    expect(addin).toEqual(cli);
    const branch = (j: typeof cli, n: string) => j.members.find((m) => m.name === n)!.branch;
    expect(branch(addin, '李四')).toBe('第一支部');
    expect(branch(addin, '王五')).toBe('第一支部');
    expect(branch(addin, '钱七')).toBe('第二支部');
    expect(entryDates(addin, '李四')).toEqual(['2026-03-05']);
    // No "date missing" problem on the merged rows; the banner is not read as data.
    expect(addin.problems.filter((p) => p.sheet === '记分台账' && p.column === '日期')).toEqual([]);
  });

  it('a 1904 workbook: dates are the days the clerk typed', async () => {
    const { cli, addin } = await both('date1904');
    expect(addin).toEqual(cli);
    expect(entryDates(addin, '张三')).toEqual(['2026-03-05']);
    expect(entryDates(addin, '李四')).toEqual(['2026-11-20']);
  });

  it('dates in Chinese formats, built-in (numFmtId 31, 58) and custom, are dates', async () => {
    const { cli, addin } = await both('zh-formats');
    expect(addin).toEqual(cli);
    expect(entryDates(addin, '张三')).toEqual(['2026-03-05', '2026-05-07', '2026-07-09']);
    expect(entryDates(addin, '李四')).toEqual(['2026-04-06', '2026-06-08']);
  });

  it('#N/A and #REF! cells are reported where they are, the rest is scored', async () => {
    const { cli, addin } = await both('errors');
    expect(addin).toEqual(cli);
    const cells = addin.problems.map((p) => p.cell);
    for (const cell of ['F2', 'A3', 'C4', 'D5']) expect(cells).toContain(cell);
    expect(entryDates(addin, '张三')).toContain('2026-06-05');
  });

  // The reader branch's fixtures, written by xlsxwriter (scripts/make-writer-fixtures.ts).
  for (const name of ['parity-merged', 'parity-1904', 'parity-zh-dates', 'parity-errors'])
    it(`${name}.xlsx (xlsxwriter) gives the same JSON`, async () => {
      const { cli, addin } = await both(name);
      expect(addin).toEqual(cli);
      expect(addin.members.length).toBeGreaterThan(0);
    });
});
