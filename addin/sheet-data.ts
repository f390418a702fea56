// Turns what Excel's `values`, `numberFormat` and merged areas give into the core's SheetData.
// The cells are read by core/cells.ts, as the report tool's reader reads them, so the add-in
// and the CLI score a workbook alike: raw values and formats go in, with the workbook's date
// system, and the merged areas as Excel reports them (the value sits in the top-left cell only).
import {
  cellValue,
  parseRangeRef,
  type CellValue,
  type MergeArea,
  type SheetData,
} from '../core/index.js';

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

/** One area of an address list: an optional (quoted) sheet name, then A1 or A1:B2. */
const AREA = /(?:(?:'(?:[^']|'')*'|[^',!]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gi;

/**
 * The areas of a RangeAreas address ("Sheet1!A1:B4, Sheet1!D1:D4"; sheet names may be quoted
 * and hold commas). A single range's address gives its one area.
 */
export function mergeAreas(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  AREA.lastIndex = 0;
  for (let m = AREA.exec(address); m; m = AREA.exec(address)) {
    const area = parseRangeRef(m[1].replace(/\$/g, ''));
    if (area) out.push(area);
  }
  return out;
}

export interface RangeRead {
  values: unknown[][];
  numberFormat: unknown[][];
  address: string;
}

/** A used range (or several row blocks of one, top to bottom) as one SheetData. */
export function toSheetData(
  name: string,
  blocks: readonly RangeRead[],
  date1904 = false,
  merges?: MergeArea[],
): SheetData {
  const rows: CellValue[][] = [];
  for (const block of blocks) {
    for (let r = 0; r < block.values.length; r++) {
      const values = block.values[r];
      const formats = block.numberFormat[r] ?? [];
      const row: CellValue[] = new Array(values.length);
      for (let c = 0; c < values.length; c++)
        row[c] = cellValue(values[c], formats[c] as string | undefined, date1904);
      rows.push(row);
    }
  }
  const sheet: SheetData = {
    name,
    rows,
    origin: blocks.length ? topLeft(blocks[0].address) : undefined,
  };
  if (merges && merges.length) sheet.merges = merges;
  return sheet;
}
