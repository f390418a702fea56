// Finding the clerk's sheets by name and their columns by header text, wherever they sit.
import type { CellValue, Problem, Severity, SheetData } from './types.js';
import { fillMerges } from './cells.js';
import { cellText, columnLetter, isBlank, normalize, normalizeHeader } from './text.js';

export type SheetRole =
  'roster' | 'ledger' | 'wishes' | 'rules' | 'settings' | 'records' | 'attendance';

export const SHEET_NAMES: Record<SheetRole, readonly string[]> = {
  roster: ['党员名册', '名册', '党员花名册'],
  ledger: ['记分台账', '台账', '记分登记'],
  wishes: ['微心愿'],
  rules: ['记分规则'],
  settings: ['设置'],
  records: ['处置记录', '谈话记录', '约谈记录'],
  attendance: ['会议签到', '会议考勤', '出勤登记'],
};

/** Sheets the tools write; never read as the clerk's input. */
export const OUTPUT_SHEETS = ['积分汇总', '待办事项', '校验结果'] as const;

export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}

export const ROSTER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', header: '编号', aliases: ['党员编号', '工号'] },
  { key: 'name', header: '姓名', aliases: ['党员姓名'], required: true },
  { key: 'branch', header: '支部', aliases: ['所在支部', '党支部'] },
  { key: 'post', header: '职务', aliases: ['职务/岗位', '岗位'] },
  { key: 'email', header: '邮箱', aliases: ['电子邮箱'] },
  { key: 'status', header: '状态', aliases: ['在册状态'] },
];

export const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'date', header: '日期', aliases: ['记分日期', '发生日期'], required: true },
  { key: 'id', header: '编号', aliases: ['党员编号', '工号'] },
  { key: 'name', header: '姓名', aliases: ['党员姓名'] },
  { key: 'item', header: '事项', aliases: ['记分事项', '项目', '代码'], required: true },
  { key: 'variant', header: '情形', aliases: ['类型'] },
  { key: 'points', header: '分值', aliases: ['记分', '分数'] },
  { key: 'status', header: '状态', aliases: ['认定状态', '审核'] },
  { key: 'note', header: '说明', aliases: ['依据', '备注'] },
  { key: 'noticeDate', header: '告知日期' },
  { key: 'verifiedDate', header: '认定日期', aliases: ['核实日期'] },
  { key: 'reviewApplied', header: '复核申请日期', aliases: ['申请复核日期'] },
  { key: 'reviewOutcome', header: '复核结果' },
  { key: 'reviewDecided', header: '复核日期', aliases: ['复核决定日期'] },
];

export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  { key: 'date', header: '日期', aliases: ['谈话日期', '处置日期'], required: true },
  { key: 'id', header: '编号', aliases: ['党员编号', '工号'] },
  { key: 'name', header: '姓名', aliases: ['党员姓名'] },
  { key: 'kind', header: '处置', aliases: ['类型', '事项'], required: true },
  { key: 'by', header: '承办人', aliases: ['谈话人', '负责人'] },
  { key: 'result', header: '结果', aliases: ['处置方式', '说明'] },
];

export const ATTENDANCE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'date', header: '日期', aliases: ['会议日期'], required: true },
  { key: 'meeting', header: '会议', aliases: ['会议类型', '活动'], required: true },
  { key: 'branch', header: '支部' },
  { key: 'leave', header: '请假', aliases: ['请假人员'] },
  { key: 'absent', header: '缺席', aliases: ['缺席人员', '无故缺席'] },
  { key: 'note', header: '说明', aliases: ['备注'] },
  { key: 'noticeDate', header: '告知日期' },
];

export const WISH_COLUMNS: readonly ColumnSpec[] = [
  { key: 'year', header: '年度', required: true },
  { key: 'id', header: '编号', aliases: ['党员编号', '工号'] },
  { key: 'name', header: '姓名', aliases: ['党员姓名'] },
  { key: 'claimed', header: '认领数', required: true },
  { key: 'completed', header: '完成数', required: true },
  { key: 'noticeDate', header: '告知日期' },
];

export const RULE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', header: '代码', required: true },
  { key: 'category', header: '类别' },
  { key: 'norm', header: '规范', required: true },
  { key: 'variant', header: '情形' },
  { key: 'points', header: '分值', required: true },
  { key: 'full', header: '一次性记满' },
  { key: 'verify', header: '需认定' },
  { key: 'warn', header: '警示' },
];

export const SETTINGS_COLUMNS: readonly ColumnSpec[] = [
  { key: 'key', header: '项目', required: true },
  { key: 'value', header: '值', required: true },
];

/** Which sheet plays each role: the canonical name or an alias, compared after normalising. */
export function findSheets(sheets: readonly SheetData[]): Record<SheetRole, SheetData | null> {
  const byName = new Map(sheets.map((s) => [normalize(s.name), s]));
  const out = {} as Record<SheetRole, SheetData | null>;
  for (const role of Object.keys(SHEET_NAMES) as SheetRole[]) {
    out[role] = SHEET_NAMES[role].map((n) => byName.get(normalize(n))).find((s) => s) ?? null;
  }
  return out;
}

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

  value(row: readonly CellValue[], key: string): CellValue {
    const col = this.columns[key];
    return col >= 0 ? row[col] : undefined;
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

/** True where every cell of the row is blank. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** A problem about a whole sheet (no row). */
export function sheetProblem(
  severity: Severity,
  sheet: string,
  message: string,
  fix: string,
): Problem {
  return { severity, sheet, row: null, column: null, cell: null, message, fix };
}
