// Sheets sent as JSON (the web page and the pane to the server, the server to the page): a
// Date cell travels as JSON.stringify writes it, 2026-03-05T00:00:00.000Z, and is read back as
// the Date it was; every other cell travels as it is.
import type { CellValue, SheetData } from './input-types.js';

const JSON_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function fromJsonCell(cell: CellValue): CellValue {
  return typeof cell === 'string' && JSON_DATE.test(cell) ? new Date(cell) : cell;
}

/** The sheets with their Date cells restored (in place, and returned). */
export function reviveSheets(sheets: SheetData[]): SheetData[] {
  for (const sheet of sheets)
    for (const row of sheet.rows)
      for (let c = 0; c < row.length; c++) row[c] = fromJsonCell(row[c]);
  return sheets;
}
