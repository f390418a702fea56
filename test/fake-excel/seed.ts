// Seeds the fake Excel from a real .xlsx, giving what Excel itself shows the add-in: a merged
// area's value in its top-left cell only (and the areas listed), dates as serial numbers in the
// workbook's own date system with their number format, built-in formats as Excel zh-CN names
// them, and error values as their text (#N/A). The workbook is read by exceljs, whose model is
// corrected where it differs from Excel: it repeats a merged area's value in every cell, and
// knows no code for the East Asian built-in formats.
import type ExcelJS from 'exceljs';
import NumFmtXform from 'exceljs/lib/xlsx/xform/style/numfmt-xform.js';
import { flatten, loadWorkbook } from '../helpers/exceljs-workbook.js';
import { FakeWorkbookState, type Scalar } from './fake-excel.js';
import { ZH_CN_BUILT_IN_FORMATS } from './zh-cn-formats.js';

export interface SeedSheet {
  name: string;
  values: Scalar[][];
  formats: string[][];
  merges?: string[];
}

export interface Seed {
  sheets: SeedSheet[];
  date1904: boolean;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = 25569;
const EPOCH_1904 = EPOCH_1900 - 1462;

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return ((ws.model as { merges?: string[] }).merges ?? []).slice();
}

export function seedSheets(workbook: ExcelJS.Workbook): SeedSheet[] {
  const date1904 = Boolean(workbook.properties?.date1904);
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
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
        fRow[c - 1] = cell.numFmt || 'General';
        // exceljs gives every cell of a merged area the master's value; Excel only the master.
        if (cell.isMerged && cell.master.address !== cell.address) {
          vRow[c - 1] = '';
          return;
        }
        const v = flatten(cell.value);
        if (v instanceof Date) {
          vRow[c - 1] = v.getTime() / DAY_MS + epoch;
          if (!cell.numFmt) fRow[c - 1] = 'yyyy/m/d';
        } else {
          vRow[c - 1] = v === null || v === undefined ? '' : v;
        }
      });
    });
    const merges = mergesOf(ws);
    return merges.length
      ? { name: ws.name, values, formats, merges }
      : { name: ws.name, values, formats };
  });
}

/**
 * Loads a workbook for seeding with exceljs told the zh-CN codes of the built-in formats, so a
 * cell stored as numFmtId 31 reads 'yyyy"年"m"月"d"日"' as in Excel zh-CN. The patch is undone
 * before returning: the report tool's own reading is never affected.
 */
export async function loadForSeed(file: string): Promise<ExcelJS.Workbook> {
  const original = NumFmtXform.getDefaultFmtCode;
  NumFmtXform.getDefaultFmtCode = (id: number) => original(id) ?? ZH_CN_BUILT_IN_FORMATS[id];
  try {
    return await loadWorkbook(file);
  } finally {
    NumFmtXform.getDefaultFmtCode = original;
  }
}

export function seedOf(workbook: ExcelJS.Workbook): Seed {
  return { sheets: seedSheets(workbook), date1904: Boolean(workbook.properties?.date1904) };
}

export async function fakeFromXlsx(file: string): Promise<FakeWorkbookState> {
  const seed = seedOf(await loadForSeed(file));
  return new FakeWorkbookState(seed.sheets, seed.date1904);
}
