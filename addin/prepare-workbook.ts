/// <reference types="office-js" />
// 准备台账: gives an existing workbook what a blank one has — the missing sheets, the missing
// header cells, and dropdown lists (data validation) — without touching a cell that holds data.
// A header cell is only ever written into an empty cell right of the clerk's header row, and
// a dropdown only where the column has no data validation yet.
import { blankWorkbook, type BlankSheet, type CellValue, type SheetData } from '../core/index.js';
import {
  ATTENDANCE_COLUMNS,
  LEDGER_COLUMNS,
  RECORD_COLUMNS,
  ROSTER_COLUMNS,
  RULE_COLUMNS,
  SETTINGS_COLUMNS,
  SHEET_NAMES,
  WISH_COLUMNS,
  locateTable,
  type ColumnSpec,
  type SheetRole,
} from '../core/sheets.js';
import { columnLetter, normalize } from '../core/text.js';
import { sheetNames } from './read-sheets.js';
import { writeSheets } from './write-sheets.js';

const ROLES: Record<string, { role: SheetRole; specs: readonly ColumnSpec[] }> = {
  党员名册: { role: 'roster', specs: ROSTER_COLUMNS },
  记分台账: { role: 'ledger', specs: LEDGER_COLUMNS },
  会议签到: { role: 'attendance', specs: ATTENDANCE_COLUMNS },
  处置记录: { role: 'records', specs: RECORD_COLUMNS },
  微心愿: { role: 'wishes', specs: WISH_COLUMNS },
  记分规则: { role: 'rules', specs: RULE_COLUMNS },
  设置: { role: 'settings', specs: SETTINGS_COLUMNS },
};

/** The top of a sheet read to find its header row (the core looks in the first 30 rows). */
const HEAD_ROWS = 30;
const HEAD_COLS = 52;
const LAST_ROW = 1_048_576;

export interface PrepareReport {
  addedSheets: string[];
  addedHeaders: { sheet: string; headers: string[] }[];
  dropdowns: number;
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

export async function prepareWorkbook(context: Excel.RequestContext): Promise<PrepareReport> {
  const names = await sheetNames(context);
  const report: PrepareReport = { addedSheets: [], addedHeaders: [], dropdowns: 0, skipped: [] };
  // Only the sheets whose role the reader knows (all of them today).
  const blanks = blankWorkbook().filter((b) => ROLES[b.name]);
  const existing = blanks.map((b) => {
    const aliases = SHEET_NAMES[ROLES[b.name].role].map(normalize);
    return names.find((n) => aliases.includes(normalize(n))) ?? null;
  });

  // Read the top of every existing sheet in one sync.
  const heads = existing.map((name) =>
    name
      ? context.workbook.worksheets
          .getItem(name)
          .getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLS)
          .load('values')
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
    const table = locateTable(sheet, ROLES[blank.name].specs);
    if (!('columns' in table)) {
      if (values.every((r) => r.every((v) => v === '' || v === null))) {
        headerWrites.push({ sheet: name, row: 0, col: 0, headers: [...blank.header] });
        placed.push({ blank, sheet: name, headerRow: 0, columns: indexMap(blank.header) });
      } else report.skipped.push(name);
      return;
    }
    const columns = new Map<string, number>();
    const missing: string[] = [];
    for (const header of blank.header) {
      const spec = ROLES[blank.name].specs.find((s) => s.header === header);
      const at = spec ? table.columns[spec.key] : -1;
      if (at >= 0) columns.set(header, at);
      else missing.push(header);
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
  const targets = placed.flatMap((p) =>
    p.blank.dropdowns.map((d) => {
      const col = p.columns.get(d.column)!;
      const range = context.workbook.worksheets
        .getItem(p.sheet)
        .getRangeByIndexes(p.headerRow + 1, col, LAST_ROW - p.headerRow - 1, 1);
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
  );
  for (const b of newSheets) {
    const ws = context.workbook.worksheets.getItem(b.name);
    b.widths.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7;
    });
    report.addedSheets.push(b.name);
  }
  for (const w of headerWrites) {
    const ws = context.workbook.worksheets.getItem(w.sheet);
    const range = ws.getRangeByIndexes(w.row, w.col, 1, w.headers.length);
    range.values = [w.headers];
    range.format.font.bold = true;
  }
  for (const t of targets) {
    if (!t.isNew && t.range.dataValidation.type !== 'None') continue;
    const source = listSource(t.d.list, placed);
    if (source === null) continue;
    t.range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    report.dropdowns++;
  }
  await context.sync();
  return report;
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
