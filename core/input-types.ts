// What the adapters hand the core: sheets as plain 2-D arrays, as exceljs and Office.js
// both give them, and the one date type every module uses.

/** A cell as both exceljs (flattened) and Office.js `values` give it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One worksheet as a 2-D array of values. `rows[0][0]` is the cell at `origin`. */
export interface SheetData {
  name: string;
  rows: CellValue[][];
  /** 1-based Excel row and column of rows[0][0]; default A1. */
  origin?: { row: number; col: number };
  /**
   * The sheet's merged areas, in absolute 1-based Excel coordinates. Readers give the value
   * at the top-left cell only, as Excel does; the core decides what a merge means (cells.ts).
   */
  merges?: MergeArea[];
}

/** A merged area, 1-based and inclusive: B3:D10 is { top: 3, left: 2, bottom: 10, right: 4 }. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An ISO calendar date, 'YYYY-MM-DD'. Plain dates avoid every time-zone trap. */
export type IsoDate = string;
