// Turns what Excel's `values` and `numberFormat` give into the core's SheetData, reading cells
// the way the exceljs reader does, so the add-in and the CLI score a workbook alike.
import { cellValue, type CellValue, type SheetData } from '../core/index.js';

export { cellValue, isDateFormat } from '../core/index.js';

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
