// One reading of cells for every reader: the exceljs/zip reader of the report tool and the
// Office.js reader of the add-in hand raw values and number formats here, so a date, a merged
// area or an error value means the same thing whichever program opened the workbook.
import type { CellValue, MergeArea, SheetData } from './input-types.js';

/** Excel serial 25569 is 1970-01-01 in the 1900 date system; the 1904 system is 1462 days on. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = EPOCH_1900 - 1462;
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
  return /[dmyhs年月日]/i.test(bare) && !/^[#0.,%\s]*E[+-]/i.test(bare);
}

/** A date-formatted serial as that instant in UTC (the Date exceljs gives). */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS));
}

/** The largest serial Excel shows as a date: 9999-12-31. */
const LAST_SERIAL = 2958465;

/**
 * One cell: empty text is a blank cell; a date-formatted number is a Date where Excel can show
 * it as one (serial 0 to 9999-12-31). Outside that Excel shows ####: the number stays a number,
 * so the core can say what was typed (20260305, −1, 1e10) instead of inventing a year.
 */
export function cellValue(value: unknown, format: string | undefined, date1904 = false): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && isDateFormat(format) && value >= 0 && value <= LAST_SERIAL)
    return serialToDate(value, date1904);
  return value as CellValue;
}

/** What Excel and Office.js show for a formula that failed (#N/A, #REF!, …). */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
]);

/** True for an Excel error value: both readers give it as its text, e.g. "#N/A". */
export function isErrorValue(value: CellValue): value is string {
  return typeof value === 'string' && value.charCodeAt(0) === 35 && ERROR_VALUES.has(value);
}

/**
 * A merged area means its value for every cell it covers, as a clerk who merged 支部 or 日期
 * over several rows means it. Only areas below `headerIndex` (a 0-based index into rows) are
 * filled: a title banner or a two-row header cell must not turn into data. The fill stays
 * inside the rows and columns the sheet really has, so a whole-sheet merge costs nothing.
 * The sheet given is not changed; rows that are filled are copies.
 */
export function fillMerges(sheet: SheetData, headerIndex: number): SheetData {
  if (!sheet.merges?.length) return sheet;
  const originRow = sheet.origin?.row ?? 1;
  const originCol = sheet.origin?.col ?? 1;
  const rows = sheet.rows.slice();
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  const copied = new Set<number>();
  for (const area of sheet.merges) {
    const top = area.top - originRow;
    const left = area.left - originCol;
    if (top <= headerIndex || top >= rows.length || left < 0 || left >= width) continue;
    const value = rows[top]?.[left];
    if (value === null || value === undefined || value === '') continue;
    const bottom = Math.min(area.bottom - originRow, rows.length - 1);
    const right = Math.min(area.right - originCol, width - 1);
    for (let r = top; r <= bottom; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      for (let c = left; c <= right; c++) if (r !== top || c !== left) rows[r][c] = value;
    }
  }
  return { ...sheet, rows };
}

/** 'B3:D10' (or a single cell 'B3') as a MergeArea; null where the text is no range. */
export function parseRangeRef(ref: string): MergeArea | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim());
  if (!m) return null;
  const a = { row: Number(m[2]), col: columnNumber(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: columnNumber(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Column letters (A, AB, XFD) as a 1-based number. */
export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}
