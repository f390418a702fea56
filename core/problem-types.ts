// A problem the reader or the scorer found, and where: what every view lists for the clerk.

export type Severity = 'error' | 'warning' | 'info';

/** Where a number or a problem came from: the sheet, the Excel row, the column header. */
export interface SourceRef {
  sheet: string;
  /** Excel row number (1-based), or null for a problem about a whole sheet. */
  row: number | null;
  /** The column's canonical header (e.g. 日期), or null. */
  column: string | null;
  /** A1-style address of the cell, where one cell is meant. */
  cell: string | null;
}

export interface Problem extends SourceRef {
  severity: Severity;
  /** Plain Chinese: what is wrong, e.g. 无法识别日期 "2026-13-01". */
  message: string;
  /** Plain Chinese: how to fix it. */
  fix: string;
  /**
   * A structure problem: a role's sheet missing, empty while another sheet for it has rows,
   * chosen between two, or unread for want of a header. Rows sit unread, so nothing goes
   * upward until it is fixed (upwardBlock); absent on every other problem.
   */
  structure?: true;
  /**
   * Only on the last line of a capped list ("…另有 N 个问题未列出"): the counts of every
   * problem of the reading, kept or not (problem-list.ts).
   */
  counts?: { error: number; warning: number; info: number; errorRows: number };
}
