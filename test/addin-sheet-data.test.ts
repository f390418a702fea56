// Excel's values + number formats read the way exceljs reads the same cells.
import { describe, expect, it } from 'vitest';
import { cellValue, isDateFormat, toSheetData, topLeft } from '../addin/sheet-data.js';

describe('reading Office.js values', () => {
  it('knows date formats from number formats', () => {
    for (const f of [
      'yyyy-mm-dd',
      'm/d/yyyy',
      'yyyy"年"m"月"d"日"',
      '[DBNum1][$-804]yyyy"年"m"月"d"日"',
      '[$-F800]dddd, mmmm dd, yyyy',
      'mm-dd-yy',
      'yyyy/m/d h:mm',
    ])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of [
      'General',
      '@',
      '0',
      '0.00',
      '#,##0',
      '0"分"',
      '"第"0"条"',
      '0.00E+00',
      '[Red]0',
    ])
      expect(isDateFormat(f), f).toBe(false);
  });

  it('turns a date-formatted serial into the Date exceljs gives, and blanks into null', () => {
    expect(cellValue(46086, 'yyyy-mm-dd')).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(cellValue(46086, 'General')).toBe(46086);
    expect(cellValue('', 'General')).toBeNull();
    expect(cellValue('2026/3/5', '@')).toBe('2026/3/5');
    expect(cellValue(true, 'General')).toBe(true);
  });

  it('finds where a used range starts, quoted sheet names too', () => {
    expect(topLeft("'记分 台账'!B3:J10")).toEqual({ row: 3, col: 2 });
    expect(topLeft('记分台账!AA12')).toEqual({ row: 12, col: 27 });
    expect(topLeft('$C$4:$D$5')).toEqual({ row: 4, col: 3 });
  });

  it('joins row blocks into one sheet with its origin', () => {
    const sheet = toSheetData('记分台账', [
      { values: [['日期', '姓名']], numberFormat: [['General', 'General']], address: 'B2:C2' },
      { values: [[46086, '张三']], numberFormat: [['yyyy-mm-dd', '@']], address: 'B3:C3' },
    ]);
    expect(sheet).toEqual({
      name: '记分台账',
      rows: [
        ['日期', '姓名'],
        [new Date(Date.UTC(2026, 2, 5)), '张三'],
      ],
      origin: { row: 2, col: 2 },
    });
  });
});
