/// <reference types="office-js" />
// 准备台账 on a clerk's real, messy workbook: only empty cells and new sheets are written.
import { describe, expect, it } from 'vitest';
import { prepareWorkbook } from '../addin/prepare-workbook.js';
import { FakeRequestContext, a1, parseA1, type FakeSheet } from './fake-excel/fake-excel.js';
import { messySheets } from './fake-excel/messy.js';
import { fakeFromXlsx } from './fake-excel/seed.js';
import { writeXlsx } from './helpers/workbook.js';

const key = (cell: string) => {
  const b = parseA1(cell);
  return `${b.row},${b.col}`;
};

describe('准备台账', () => {
  it('adds what is missing beside a ledger that sits under a banner, and changes no data', async () => {
    const state = await fakeFromXlsx(await writeXlsx(messySheets()));
    const trimmed = (rows: unknown[][]) =>
      JSON.stringify(
        rows.map((r) => {
          const out = [...r];
          while (out.length && out[out.length - 1] === '') out.pop();
          return out;
        }),
      );
    const before = new Map(state.sheets.map((s) => [s.name, trimmed(s.values)]));
    /** Every cell's number format that is not General: what the clerk set. */
    const formatted = (s: FakeSheet) =>
      s.formats.flatMap((row, r) =>
        row.flatMap((f, c) => (f === 'General' ? [] : [`${a1(r, c)} ${f}`])),
      );
    const formatsBefore = new Map(state.sheets.map((s) => [s.name, formatted(s)]));
    const ctx = new FakeRequestContext(state);
    const report = await prepareWorkbook(ctx as unknown as Excel.RequestContext);

    expect(report.addedSheets).toEqual(['会议签到', '处置记录', '微心愿', '记分规则']);
    expect(report.addedHeaders).toEqual([
      {
        sheet: '记分台账',
        headers: ['告知日期', '认定日期', '复核申请日期', '复核结果', '复核日期'],
      },
    ]);
    expect(report.skipped).toEqual([]);
    expect(ctx.syncCount).toBeLessThanOrEqual(5);

    // The ledger's header is on row 3, B to I: 告知日期 and the rest go into the empty J3:N3.
    const ledger = state.sheet('记分台账')!;
    const added = ledger.values[2].slice(9, 14);
    expect(added).toEqual(['告知日期', '认定日期', '复核申请日期', '复核结果', '复核日期']);
    ledger.values[2].splice(9, 5, '', '', '', '', '');
    for (const [name, values] of before) {
      expect(trimmed(state.sheet(name)!.values), name).toBe(values);
    }
    ledger.values[2].splice(9, 5, ...added);

    // The clerk's sheets keep their look: no number format, fill or alignment changes, and the
    // added header cells are only made bold. The sheets it adds look as init's do.
    for (const [name, formats] of formatsBefore) {
      const s = state.sheet(name)!;
      expect(formatted(s), name).toEqual(formats);
      expect([...s.fills, ...s.alignments], name).toEqual([]);
    }
    expect(['J3', 'K3', 'L3', 'M3', 'N3'].every((c) => ledger.bold.has(key(c)))).toBe(true);
    const meetings = state.sheet('会议签到')!;
    expect(meetings.fills.get('0,0')).toBe('#FCE4D6');
    expect(meetings.formats[1][0]).toBe('yyyy-mm-dd');
    expect(meetings.formats[2000][6]).toBe('yyyy-mm-dd');

    // Dropdowns start below the header, in the columns where the headers really are.
    const rules = ledger.validations.map((v) => [v.row, v.col, v.rule]);
    expect(rules).toContainEqual([
      3,
      3,
      { list: { inCellDropDown: true, source: "='党员名册'!$B$2:$B$1048576" } },
    ]);
    expect(rules).toContainEqual([
      3,
      7,
      { list: { inCellDropDown: true, source: '已认定,待核实,已撤销' } },
    ]);

    // Run again: nothing left to add, and no dropdown is laid over another.
    const again = await prepareWorkbook(
      new FakeRequestContext(state) as unknown as Excel.RequestContext,
    );
    expect(again).toEqual({ addedSheets: [], addedHeaders: [], dropdowns: 0, skipped: [] });
  });

  it('leaves a sheet alone when it has data but no recognisable header', async () => {
    const state = await fakeFromXlsx(
      await writeXlsx([
        { name: '党员名册', rows: [['名单'], ['张三']] },
        { name: '记分台账', rows: [['日期', '姓名', '事项']] },
      ]),
    );
    const report = await prepareWorkbook(
      new FakeRequestContext(state) as unknown as Excel.RequestContext,
    );
    expect(report.skipped).toEqual(['党员名册']);
    // The ledger still gets its fixed lists (事项 C, then 情形, 状态 and 复核结果 among the
    // headers added after it); the list of names (B) waits for a usable roster.
    expect(state.sheet('记分台账')!.validations.map((v) => v.col)).toEqual([2, 4, 6, 11]);
    expect(state.table('党员名册')).toEqual([['名单'], ['张三']]);
  });
});
