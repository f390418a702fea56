// Writes the blank roster workbook that core/blank.ts describes: bold frozen headers, column
// widths, date formats, the built-in rules, default settings and dropdown lists.
import ExcelJS from 'exceljs';
import {
  BLANK_LOOK,
  blankWorkbook,
  dropdownAlert,
  type BlankSheet,
  type DropdownSpec,
} from '../core/index.js';
import { columnLetter } from '../core/text.js';

/** How many rows below the header get the dropdown lists (and the name list looks at). */
export const DROPDOWN_ROWS = BLANK_LOOK.rows;

/** The blank workbook as .xlsx bytes. */
export async function blankWorkbookBuffer(sheets: readonly BlankSheet[] = blankWorkbook()) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'twelve-points';
  workbook.created = workbook.modified = new Date();
  for (const sheet of sheets) writeSheet(workbook, sheet, sheets);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  sheet: BlankSheet,
  all: readonly BlankSheet[],
): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  ws.columns = sheet.header.map((h, c) => ({
    width: sheet.widths[c] ?? 12,
    ...(sheet.dates.includes(h) ? { style: { numFmt: BLANK_LOOK.dateFormat } } : {}),
  }));
  const header = ws.addRow([...sheet.header]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.fill = {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: `FF${BLANK_LOOK.headerFill}` },
  };
  for (const row of sheet.rows) ws.addRow(row.map((v) => (v === undefined || v === '' ? null : v)));
  const validations = (ws as unknown as WithValidations).dataValidations;
  for (const dropdown of sheet.dropdowns) {
    const letter = columnLetterOf(sheet, dropdown.column);
    if (!letter) continue;
    validations.add(`${letter}2:${letter}${DROPDOWN_ROWS + 1}`, validation(dropdown, all));
  }
}

// exceljs keeps range validations in `worksheet.dataValidations` but does not type it.
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** A list dropdown that warns, not blocks: the reader also accepts e.g. a rule's norm text. */
function validation(dropdown: DropdownSpec, all: readonly BlankSheet[]): ExcelJS.DataValidation {
  const alert = dropdownAlert(dropdown.column);
  return {
    type: 'list',
    allowBlank: true,
    formulae: [listFormula(dropdown, all)],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: alert.title,
    error: alert.message,
  };
}

export function listFormula(dropdown: DropdownSpec, all: readonly BlankSheet[]): string {
  if (Array.isArray(dropdown.list)) return `"${dropdown.list.join(',')}"`;
  const ref = dropdown.list as { sheet: string; column: string };
  const target = all.find((s) => s.name === ref.sheet);
  const letter = target ? columnLetterOf(target, ref.column) : null;
  if (!letter) throw new Error(`blank workbook: no column ${ref.sheet}!${ref.column}`);
  return `'${ref.sheet}'!$${letter}$2:$${letter}$${DROPDOWN_ROWS + 1}`;
}

/** The column letter of a header in a blank sheet, or null. */
function columnLetterOf(sheet: BlankSheet, header: string): string | null {
  const c = sheet.header.indexOf(header);
  return c < 0 ? null : columnLetter(c + 1);
}
