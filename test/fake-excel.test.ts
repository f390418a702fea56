// The fake Excel must be as strict as Excel, or the adapter's tests prove nothing.
import { describe, expect, it } from 'vitest';
import { FakeRequestContext, FakeWorkbookState } from './fake-excel/fake-excel.js';

const book = () =>
  new FakeWorkbookState([
    {
      name: '记分台账',
      values: [
        ['', '', ''],
        ['', '日期', '姓名'],
        ['', 46000, '张三'],
      ],
    },
  ]);

describe('the strict fake Excel', () => {
  it('throws on a property read before load and sync, as Excel does', async () => {
    const ctx = new FakeRequestContext(book());
    const range = ctx.workbook.worksheets.getItem('记分台账').getUsedRangeOrNullObject(true);
    expect(() => range.values).toThrow(/call the load method/);
    range.load('values,address');
    expect(() => range.values).toThrow(/not available/);
    expect(() => range.numberFormat).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([
      ['日期', '姓名'],
      [46000, '张三'],
    ]);
    expect(range.address).toBe("'记分台账'!B2:C3");
    expect(() => range.numberFormat).toThrow(/not available/);
    expect(ctx.syncCount).toBe(1);
  });

  it('knows a null object only after a sync', async () => {
    const ctx = new FakeRequestContext(book());
    const missing = ctx.workbook.worksheets.getItemOrNullObject('名册');
    expect(() => missing.isNullObject).toThrow();
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
  });

  it('does the queued writes only at sync, and refuses a batch over the web limit', async () => {
    const state = book();
    const ctx = new FakeRequestContext(state, { payloadLimit: 200 });
    ctx.workbook.worksheets.getItem('记分台账').getRange('A1:B1').values = [['甲', '乙']];
    expect(state.sheet('记分台账')!.values[0][0]).toBe('');
    await ctx.sync();
    expect(state.sheet('记分台账')!.values[0].slice(0, 2)).toEqual(['甲', '乙']);
    ctx.workbook.worksheets.getItem('记分台账').getRange('A1:A1').values = [['长'.repeat(100)]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(state.sheet('记分台账')!.values[0][0]).toBe('甲');
  });

  it('rejects a write whose shape does not match the range', async () => {
    const ctx = new FakeRequestContext(book());
    ctx.workbook.worksheets.getItem('记分台账').getRange('A1:B2').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('puts a single number format on every cell, as Excel does, and refuses a wrong-size array', async () => {
    const state = book();
    const ctx = new FakeRequestContext(state);
    const sheet = ctx.workbook.worksheets.getItem('记分台账');
    sheet.getRange('D2:D5').numberFormat = 'yyyy-mm-dd' as unknown as string[][];
    // null leaves a cell's format as it is; '' resets it to General.
    sheet.getRange('D2:D4').numberFormat = [['@'], [null as unknown as string], ['']];
    await ctx.sync();
    expect(
      state
        .sheet('记分台账')!
        .formats.slice(1, 5)
        .map((r) => r[3]),
    ).toEqual(['@', 'yyyy-mm-dd', 'General', 'yyyy-mm-dd']);
    sheet.getRange('D2:D5').numberFormat = [['yyyy-mm-dd']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.getRange('D2:E2').numberFormat = [['@', '@', '@']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.getRange('D2').numberFormat = null as unknown as string[][];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses cell-level writes to whole columns or rows, and reads them as null', async () => {
    const ctx = new FakeRequestContext(book());
    const sheet = ctx.workbook.worksheets.getItem('记分台账');
    const column = sheet.getRange('B:B').load('values,address');
    await ctx.sync();
    expect(column.values).toBeNull();
    expect(column.address).toBe("'记分台账'!B1:B1048576");
    sheet.getRange('B:B').numberFormat = 'yyyy-mm-dd' as unknown as string[][];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.getRange('2:2').values = '' as unknown as string[][];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('takes a fill colour as #RRGGBB and alignments by their Office.js names', async () => {
    const state = book();
    const ctx = new FakeRequestContext(state);
    const header = ctx.workbook.worksheets.getItem('记分台账').getRange('B2:C2');
    header.format.fill.color = '#fce4d6';
    header.format.horizontalAlignment = 'Center';
    header.format.verticalAlignment = 'Center';
    expect(() => header.format.fill.color).toThrow(/not available/);
    await ctx.sync();
    const s = state.sheet('记分台账')!;
    expect([...s.fills]).toEqual([
      ['1,1', '#FCE4D6'],
      ['1,2', '#FCE4D6'],
    ]);
    expect(s.alignments.get('1,2')).toEqual({ horizontal: 'Center', vertical: 'Center' });
    // exceljs's "middle" is not an Office.js alignment.
    header.format.verticalAlignment = 'middle';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    header.format.fill.color = 'FCE4D';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
