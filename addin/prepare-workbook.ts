/// <reference types="office-js" />
// 准备台账: gives an existing workbook what a blank one has — the missing sheets, the missing
// header cells, and dropdown lists (data validation) — without touching a cell that holds data.
// A header cell is only ever written into an empty cell right of the clerk's header row, and
// a dropdown only where the column has no data validation yet. The dropdowns offer the usual
// entries but warn rather than stop on anything else (a norm name such as 三会一课, a unit's
// own rule code, a status synonym): the scorer accepts more than a list can hold, and says
// what it cannot read. Dropdowns need ExcelApi 1.8; below that the rest is still done.
// A sheet it adds also gets init's look (core/blank.ts BLANK_LOOK): date columns shown as
// 2026-03-05, the header row centred on init's fill. A sheet the clerk already has keeps its
// own look, header cells added to it included: only their font is made bold.
import {
  BLANK_LOOK,
  blankWorkbook,
  dropdownAlert,
  SHEET_NAMES,
  WORKBOOK_LAYOUT,
  type BlankSheet,
  type CellValue,
  type ColumnLayout,
  type SheetData,
  type SheetRole,
} from '../core/index.js';
import { locateTable } from '../core/table.js';
import { columnLetter, normalize } from '../core/text.js';
import { officeFeatures, rangeAt, type HostFeatures } from './host-features.js';
import { sheetNames } from './read-sheets.js';
import { writeSheets } from './write-sheets.js';

/** Each sheet's columns as core/layout.ts declares them: how its header row is found. */
const COLUMNS = {} as Record<SheetRole, readonly ColumnLayout[]>;
for (const s of WORKBOOK_LAYOUT) COLUMNS[s.role] = s.columns;

/** The top of a sheet read to find its header row (the core looks in the first 30 rows). */
const HEAD_ROWS = 30;
const HEAD_COLS = 52;
const LAST_ROW = 1_048_576;

export interface PrepareReport {
  addedSheets: string[];
  addedHeaders: { sheet: string; headers: string[] }[];
  dropdowns: number;
  /** True where this Excel has no data validation (below ExcelApi 1.8): no dropdowns added. */
  noDropdowns?: boolean;
  /** Sheets left alone: no header row could be found and they are not empty. */
  skipped: string[];
}

interface Placed {
  blank: BlankSheet;
  sheet: string;
  headerRow: number; // 0-based
  /** 0-based column of each header of the blank sheet, found or added. */
  columns: Map<string, number>;
}

export async function prepareWorkbook(
  context: Excel.RequestContext,
  features: HostFeatures = officeFeatures(),
): Promise<PrepareReport> {
  const names = await sheetNames(context);
  const report: PrepareReport = { addedSheets: [], addedHeaders: [], dropdowns: 0, skipped: [] };
  const blanks = blankWorkbook();
  const existing = blanks.map((b) => {
    const aliases = SHEET_NAMES[b.role].map(normalize);
    return names.find((n) => aliases.includes(normalize(n))) ?? null;
  });

  // Read the top of every existing sheet in one sync.
  const heads = existing.map((name) =>
    name
      ? rangeAt(
          context.workbook.worksheets.getItem(name),
          features,
          0,
          0,
          HEAD_ROWS,
          HEAD_COLS,
        ).load('values')
      : null,
  );
  await context.sync();

  const placed: Placed[] = [];
  const newSheets: BlankSheet[] = [];
  const headerWrites: { sheet: string; row: number; col: number; headers: string[] }[] = [];
  blanks.forEach((blank, i) => {
    const name = existing[i];
    const head = heads[i];
    if (!name || !head) {
      newSheets.push(blank);
      placed.push({ blank, sheet: blank.name, headerRow: 0, columns: indexMap(blank.header) });
      return;
    }
    const values = head.values as CellValue[][];
    const sheet: SheetData = { name, rows: values.map((r) => r.map((v) => (v === '' ? null : v))) };
    const table = locateTable(sheet, COLUMNS[blank.role]);
    if (!('columns' in table)) {
      if (values.every((r) => r.every((v) => v === '' || v === null))) {
        headerWrites.push({ sheet: name, row: 0, col: 0, headers: [...blank.header] });
        placed.push({ blank, sheet: name, headerRow: 0, columns: indexMap(blank.header) });
      } else report.skipped.push(name);
      return;
    }
    const columns = new Map<string, number>();
    const missing: string[] = [];
    for (const spec of COLUMNS[blank.role]) {
      const at = table.columns[spec.key];
      if (at >= 0) columns.set(spec.header, at);
      else missing.push(spec.header);
    }
    const row = values[table.headerIndex];
    let next = row.reduce<number>((last, v, c) => (v === '' || v === null ? last : c), -1) + 1;
    for (const header of missing) columns.set(header, next++);
    if (missing.length) {
      headerWrites.push({
        sheet: name,
        row: table.headerIndex,
        col: next - missing.length,
        headers: missing,
      });
      report.addedHeaders.push({ sheet: name, headers: missing });
    }
    placed.push({ blank, sheet: name, headerRow: table.headerIndex, columns });
  });

  // Which dropdown columns have no data validation yet (one sync).
  const targets = (features.dataValidation ? placed : []).flatMap((p) =>
    p.blank.dropdowns.map((d) => {
      const col = p.columns.get(d.column)!;
      const range = rangeAt(
        context.workbook.worksheets.getItem(p.sheet),
        features,
        p.headerRow + 1,
        col,
        LAST_ROW - p.headerRow - 1,
        1,
      );
      const isNew =
        newSheets.includes(p.blank) ||
        headerWrites.some((w) => w.sheet === p.sheet && w.row === p.headerRow && col >= w.col);
      if (!isNew) range.dataValidation.load('type');
      return { p, d, col, isNew, range };
    }),
  );
  if (targets.some((t) => !t.isNew)) await context.sync();

  // Writes: new sheets in full, header cells, then dropdowns.
  await writeSheets(
    context,
    newSheets.map((b) => ({ name: b.name, rows: [[...b.header], ...b.rows] })),
    names,
    features,
  );
  for (const b of newSheets) {
    const ws = context.workbook.worksheets.getItem(b.name);
    // Column widths need ExcelApi 1.2; below it the sheet keeps Excel's default widths.
    if (features.columnWidth)
      b.widths.forEach((w, c) => {
        rangeAt(ws, features, 0, c, 1, 1).format.columnWidth = w * 7;
      });
    blankLook(ws, b, features);
    report.addedSheets.push(b.name);
  }
  for (const w of headerWrites) {
    const ws = context.workbook.worksheets.getItem(w.sheet);
    const range = rangeAt(ws, features, w.row, w.col, 1, w.headers.length);
    range.values = [w.headers];
    range.format.font.bold = true;
  }
  for (const t of targets) {
    if (!t.isNew && t.range.dataValidation.type !== 'None') continue;
    const source = listSource(t.d.list, placed);
    if (source === null) continue;
    t.range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    // Warn, never stop: the reader takes more than a list can hold (see dropdownAlert).
    t.range.dataValidation.errorAlert = {
      showAlert: true,
      style: 'Warning' as Excel.DataValidationAlertStyle,
      ...dropdownAlert(t.d.column),
    };
    report.dropdowns++;
  }
  if (!features.dataValidation) report.noDropdowns = true;
  await context.sync();
  return report;
}

/**
 * init's header look and date formats on a sheet just added, with ExcelApi 1.1 calls only.
 * init formats a whole date column; Office.js refuses numberFormat on a whole column (an
 * unbounded range), so the rows init gives dropdowns get it (BLANK_LOOK.rows): on Excel 2016
 * (1.1) the used range the scorer reads takes in formatted cells, and a million formatted
 * rows would make every score read them.
 */
function blankLook(ws: Excel.Worksheet, b: BlankSheet, features: HostFeatures): void {
  const header = rangeAt(ws, features, 0, 0, 1, b.header.length);
  header.format.fill.color = `#${BLANK_LOOK.headerFill}`;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  b.header.forEach((h, c) => {
    if (!b.dates.includes(h)) return;
    // One value, not a 2-D array: Excel applies it to every cell of the range ("Update all
    // cells in a range" in the Office.js docs); the typings only know the array form.
    rangeAt(ws, features, 1, c, BLANK_LOOK.rows, 1).numberFormat =
      BLANK_LOOK.dateFormat as unknown as string[][];
  });
}

function indexMap(headers: readonly string[]): Map<string, number> {
  return new Map(headers.map((h, i) => [h, i]));
}

/** The list's source; null where it names a sheet that was left alone. */
function listSource(
  list: BlankSheet['dropdowns'][number]['list'],
  placed: Placed[],
): string | null {
  if (!('sheet' in list)) return list.join(',');
  const target = placed.find((p) => p.blank.name === list.sheet);
  if (!target) return null;
  const col = columnLetter(target.columns.get(list.column)! + 1);
  const sheet = `'${target.sheet.replace(/'/g, "''")}'`;
  return `=${sheet}!$${col}$${target.headerRow + 2}:$${col}$${LAST_ROW}`;
}
