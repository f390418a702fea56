// Seeds the fake Excel from a real .xlsx read by exceljs, so the add-in's tests use the same
// fixture files as the CLI's: dates become serial numbers with their number format, as
// Office.js gives them.
import type ExcelJS from 'exceljs';
import { flatten, loadWorkbook } from '../../reports/read-workbook.js';
import { FakeWorkbookState, type Scalar } from './fake-excel.js';

export interface SeedSheet {
  name: string;
  values: Scalar[][];
  formats: string[][];
}

const DAY_MS = 86_400_000;
const EPOCH = 25569;

export function seedSheets(workbook: ExcelJS.Workbook): SeedSheet[] {
  return workbook.worksheets.map((ws) => {
    const values: Scalar[][] = [];
    const formats: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        while (values.length < r) {
          values.push([]);
          formats.push([]);
        }
        const vRow = values[r - 1];
        const fRow = formats[r - 1];
        while (vRow.length < c) {
          vRow.push('');
          fRow.push('General');
        }
        const v = flatten(cell.value);
        if (v instanceof Date) {
          vRow[c - 1] = v.getTime() / DAY_MS + EPOCH;
          fRow[c - 1] = cell.numFmt || 'yyyy-mm-dd';
        } else {
          vRow[c - 1] = v === null || v === undefined ? '' : v;
          fRow[c - 1] = cell.numFmt || 'General';
        }
      });
    });
    return { name: ws.name, values, formats };
  });
}

export async function fakeFromXlsx(file: string): Promise<FakeWorkbookState> {
  return new FakeWorkbookState(seedSheets(await loadWorkbook(file)));
}
