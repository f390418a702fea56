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
});
