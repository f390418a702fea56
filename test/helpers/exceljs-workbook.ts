// exceljs's whole workbook model, for the tests that seed the fake Excel from a real .xlsx
// (formats per cell, merges). The report tool's own reader (reports/read-workbook.ts) never
// loads exceljs: `twelve score` must not pay for it.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/index.js';

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** An exceljs cell value as the core takes it: formula results, rich text and errors as text. */
export function flatten(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value as CellValue;
  const v = value as Record<string, unknown>;
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return flatten(v.result);
  if (Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((t) => t.text).join('');
  if ('text' in v) return flatten(v.text);
  if ('error' in v) return String(v.error);
  return null;
}
