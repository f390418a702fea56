// Turns what Excel's `values` and `numberFormat` give into the core's SheetData, reading cells
// the way the exceljs reader does, so the add-in and the CLI score a workbook alike.
import type { CellValue, SheetData } from '../core/index.js';

/** Excel serial 25569 is 1970-01-01 (1900 date system). */
const EPOCH = 25569;
const DAY_MS = 86_400_000;

/**
 * True for a number format that shows a date or time: a d, m, y, h or s code outside quoted
 * text, escapes and [..] sections ([Red], [$-804], [DBNum1]); 'General' and '@' are not.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const section = format.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*E[+-]/i.test(bare);
}

/** A date-formatted serial as the Date exceljs would give: that instant in UTC. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH) * DAY_MS));
}

/** One cell: empty text is a blank cell; a date-formatted number is a Date. */
export function cellValue(value: unknown, format: string | undefined): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && isDateFormat(format)) return serialToDate(value);
  return value as CellValue;
}

/** 'Sheet 1'!B3:J10, 记分台账!B3 or B3 → the 1-based row and column of the top-left cell. */
export function topLeft(address: string): { row: number; col: number } {
  const ref = address.slice(address.lastIndexOf('!') + 1).split(':')[0];
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!m) throw new Error(`unexpected range address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export interface RangeRead {
  values: unknown[][];
  numberFormat: unknown[][];
  address: string;
}

/** A used range (or several row blocks of one, top to bottom) as one SheetData. */
export function toSheetData(name: string, blocks: readonly RangeRead[]): SheetData {
  const rows: CellValue[][] = [];
  for (const block of blocks) {
    for (let r = 0; r < block.values.length; r++) {
      const values = block.values[r];
      const formats = block.numberFormat[r] ?? [];
      const row: CellValue[] = new Array(values.length);
      for (let c = 0; c < values.length; c++)
        row[c] = cellValue(values[c], formats[c] as string | undefined);
      rows.push(row);
    }
  }
  return { name, rows, origin: blocks.length ? topLeft(blocks[0].address) : undefined };
}
