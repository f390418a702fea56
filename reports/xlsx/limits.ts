// The bounds a workbook must keep to be read at all. Each is far above a real unit's ledger
// (100,000 rows take 22 MB of sheet XML and 0.9 M cells; a column filled down to the last row
// is 1 M cells) and low enough that a zip bomb, a
// million-row stray column or a whole-sheet merge ends in seconds with one plain message.

export const LIMITS = {
  /** Decompressed bytes of one part (sheet, shared strings, styles). */
  partBytes: 256 * 1024 * 1024,
  /** Decompressed bytes of every part read, together. */
  totalBytes: 512 * 1024 * 1024,
  /** Zip entries in the central directory. */
  entries: 10_000,
  /** Cells with a value in one sheet (a whole column filled down is 1,048,576). */
  cellsPerSheet: 2_000_000,
  /** Merged areas in one sheet. */
  mergesPerSheet: 100_000,
  /** Cells covered by merged areas, counted inside the sheet's used rows and columns. */
  mergedCellsPerSheet: 5_000_000,
  /** Excel's own sheet size. */
  rows: 1_048_576,
  columns: 16_384,
  /** Shared strings. */
  strings: 5_000_000,
  /**
   * Elements open at once in one part. A sheet nests about ten deep (worksheet, sheetData,
   * row, c, is, r, t…); a part nested millions deep is an attack on the parser's memory.
   */
  xmlDepth: 64,
} as const;

export const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
