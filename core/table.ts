// A sheet's table: its header row found by the header texts and aliases a ColumnSpec gives,
// wherever it sits, and its cells read and located by column key.
import type { CellValue, SheetData } from './input-types.js';
import type { Problem, Severity } from './problem-types.js';
import type { ColumnSpec } from './layout.js';
import { fillMerges, isErrorValue } from './cells.js';
import { cellText, columnLetter, invisibleCharacter, isBlank, normalizeHeader } from './text.js';

/** A sheet whose header row was found: rows below it, columns by key. */
export class Table {
  constructor(
    readonly sheet: SheetData,
    /** Index into sheet.rows of the header row. */
    readonly headerIndex: number,
    /** Column index (into a row array) by key; -1 where absent. */
    readonly columns: Record<string, number>,
    readonly specs: readonly ColumnSpec[],
  ) {}

  get name(): string {
    return this.sheet.name;
  }

  has(key: string): boolean {
    return this.columns[key] >= 0;
  }

  /** Excel's row number for an index into sheet.rows. */
  excelRow(index: number): number {
    return index + (this.sheet.origin?.row ?? 1);
  }

  header(key: string): string {
    return this.specs.find((s) => s.key === key)?.header ?? key;
  }

  cellAddress(index: number, key: string): string | null {
    const col = this.columns[key];
    if (col === undefined || col < 0) return null;
    return `${columnLetter(col + (this.sheet.origin?.col ?? 1))}${this.excelRow(index)}`;
  }

  /** Column letters by key, for the columns the sheet has; `first` is its leftmost column. */
  letters(): Record<string, string> {
    const out: Record<string, string> = {};
    const origin = this.sheet.origin?.col ?? 1;
    let first = Infinity;
    for (const [key, col] of Object.entries(this.columns))
      if (col >= 0) {
        out[key] = columnLetter(col + origin);
        first = Math.min(first, col);
      }
    out.first = columnLetter((Number.isFinite(first) ? first : 0) + origin);
    return out;
  }

  /** A cell of a contract column; an Excel error value (#N/A) reads as blank: see checkCells. */
  value(row: readonly CellValue[], key: string): CellValue {
    const col = this.columns[key];
    if (!(col >= 0)) return undefined;
    const v = row[col];
    return isErrorValue(v) ? null : v;
  }

  /**
   * A row is blank where every column the contract reads is: a 序号 column pre-filled down to
   * row 1002, or a clerk's own notes column, does not turn empty rows into errors.
   */
  isBlankRow(row: readonly CellValue[] | undefined): boolean {
    if (!row) return true;
    const read = (this.read ??= Object.values(this.columns).filter((c) => c >= 0));
    for (let i = 0; i < read.length; i++) if (!isBlank(row[read[i]])) return false;
    return true;
  }

  private read: number[] | null = null;

  private badRows: Set<number> | null = null;

  /**
   * Problems of single cells that no column's own check sees, listed once per table into
   * `problems` (later calls only answer which rows are bad): an Excel
   * error value in any column the contract reads (an error: the row is not used, see badRows),
   * and an invisible character in a 姓名 or 编号 (a warning: matching ignores the character).
   */
  checkCells(problems: Problem[]): Set<number> {
    if (this.badRows) return this.badRows;
    const badRows = new Set<number>();
    const keys = Object.keys(this.columns).filter((k) => this.columns[k] >= 0);
    const cols = keys.map((k) => this.columns[k]);
    const rows = this.sheet.rows;
    for (let i = this.headerIndex + 1; i < rows.length; i++) {
      const row = rows[i];
      if (!row) continue;
      for (let k = 0; k < cols.length; k++) {
        const v = row[cols[k]];
        if (typeof v !== 'string') continue;
        const key = keys[k];
        if (isErrorValue(v)) {
          badRows.add(i);
          problems.push(
            this.problem(
              'error',
              i,
              key,
              `单元格为错误值 ${v}`,
              '检查这个单元格的公式及其引用的单元格，或改为直接填写的值',
            ),
          );
        } else if (key === 'name' || key === 'id') {
          const invisible = invisibleCharacter(v);
          if (invisible)
            problems.push(
              this.problem(
                'warning',
                i,
                key,
                `${this.header(key)}中含有不可见字符 ${invisible}，已忽略该字符后比对`,
                `删除这个字符：在单元格中重新输入${this.header(key)}`,
              ),
            );
        }
      }
    }
    return (this.badRows = badRows);
  }

  text(row: readonly CellValue[], key: string): string {
    return cellText(this.value(row, key));
  }

  problem(
    severity: Severity,
    index: number,
    key: string | null,
    message: string,
    fix: string,
  ): Problem {
    return {
      severity,
      sheet: this.name,
      row: this.excelRow(index),
      column: key === null ? null : this.header(key),
      cell: key === null ? null : this.cellAddress(index, key),
      message,
      fix,
    };
  }
}

const HEADER_SCAN_ROWS = 30;

/**
 * The header row is the first row (within the first 30) that names every required column; a
 * title banner or a blank row above it is passed over (a banner never reads exactly 姓名).
 */
export function locateTable(
  sheet: SheetData,
  specs: readonly ColumnSpec[],
): Table | { missing: string[] } {
  const lookup = new Map<string, string>();
  for (const spec of specs) {
    for (const name of [spec.header, ...(spec.aliases ?? [])])
      lookup.set(normalizeHeader(name), spec.key);
  }
  let best: { missing: string[]; found: number } = {
    missing: specs.filter((s) => s.required).map((s) => s.header),
    found: 0,
  };
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = sheet.rows[i] ?? [];
    const columns: Record<string, number> = Object.fromEntries(specs.map((s) => [s.key, -1]));
    let found = 0;
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const key = lookup.get(normalizeHeader(cellText(cell)));
      if (key && columns[key] < 0) {
        columns[key] = c;
        found++;
      }
    });
    const missing = specs.filter((s) => s.required && columns[s.key] < 0).map((s) => s.header);
    if (missing.length === 0 && found > 0)
      return new Table(fillMerges(sheet, i), i, columns, specs);
    if (found > best.found) best = { missing, found };
  }
  return { missing: best.missing };
}
