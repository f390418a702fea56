// Finding the clerk's sheets by name and their columns by header text, wherever they sit.
import type { CellValue, Problem, Severity, SheetData } from './types.js';
import { fillMerges, isErrorValue } from './cells.js';
import {
  cellText,
  columnLetter,
  invisibleCharacter,
  isBlank,
  normalize,
  normalizeHeader,
} from './text.js';

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

/**
 * Which sheet plays each role: the canonical name or an alias, compared after normalising, in
 * the order SHEET_NAMES gives; of two sheets whose names normalise alike, the first in the
 * workbook. reviewSheets names every sheet this passes over.
 */
export function findSheets(sheets: readonly SheetData[]): Record<SheetRole, SheetData | null> {
  const byName = new Map<string, SheetData>();
  for (const s of sheets) if (!byName.has(normalize(s.name))) byName.set(normalize(s.name), s);
  const out = {} as Record<SheetRole, SheetData | null>;
  for (const role of Object.keys(SHEET_NAMES) as SheetRole[]) {
    out[role] = SHEET_NAMES[role].map((n) => byName.get(normalize(n))).find((s) => s) ?? null;
  }
  return out;
}

const ROLE_LABELS: Record<SheetRole, string> = {
  roster: '党员名册',
  ledger: '记分台账',
  wishes: '微心愿',
  rules: '记分规则',
  settings: '设置',
  records: '处置记录',
  attendance: '会议签到',
};

/** The role whose name or alias the sheet's name is, or contains (记分规则表, 设置(2), 台账2026). */
export function nearRole(name: string): SheetRole | null {
  const n = normalize(name);
  let near: SheetRole | null = null;
  for (const role of Object.keys(SHEET_NAMES) as SheetRole[]) {
    for (const alias of SHEET_NAMES[role]) {
      const a = normalize(alias);
      if (n === a) return role;
      if (near === null && n.includes(a)) near = role;
    }
  }
  return near;
}

/**
 * Every sheet that is not read is named: a second sheet for a role, a near-miss name, or a
 * sheet the contract does not know. A role's sheet with no data while another sheet for the
 * same role has rows is an error: every balance would otherwise be 0 without a word.
 */
export function reviewSheets(
  sheets: readonly SheetData[],
  found: Record<SheetRole, SheetData | null>,
  extraNames: readonly string[] = OUTPUT_SHEETS,
): Problem[] {
  const used = new Set(Object.values(found).filter((s): s is SheetData => s !== null));
  const extra = new Set(extraNames.map(normalize));
  const problems: Problem[] = [];
  for (const sheet of sheets) {
    if (used.has(sheet) || extra.has(normalize(sheet.name))) continue;
    const near = nearRole(sheet.name);
    if (!near) {
      problems.push(
        sheetProblem(
          'info',
          sheet.name,
          `工作表"${sheet.name}"不属于台账的固定工作表，未读取`,
          `台账读取的工作表：${Object.values(ROLE_LABELS).join('、')}；如果这张表有记分内容，请移到对应的工作表`,
        ),
      );
      continue;
    }
    const label = ROLE_LABELS[near];
    const chosen = found[near];
    if (chosen && dataRows(chosen) === 0 && dataRows(sheet) > 0) {
      problems.push(
        structureProblem(
          sheetProblem(
            'error',
            chosen.name,
            `"${chosen.name}"没有数据，而工作表"${sheet.name}"有 ${dataRows(sheet)} 行：本次读取的是"${chosen.name}"`,
            `把记录移到"${chosen.name}"，或删除空的"${chosen.name}"并把"${sheet.name}"改名为"${label}"`,
          ),
        ),
      );
      continue;
    }
    // Chosen between two, or the role's own sheet missing beside a near name: rows sit unread.
    problems.push(
      structureProblem(
        sheetProblem(
          'warning',
          sheet.name,
          chosen
            ? `工作表"${sheet.name}"的名称像${label}，但本次读取的${label}是"${chosen.name}"，这张表未读取`
            : `工作表"${sheet.name}"的名称与"${label}"相近，但不完全一致，未按${label}读取`,
          chosen
            ? `只保留一张${label}：合并或删除多余的工作表`
            : `如果这是${label}，请把工作表改名为"${label}"`,
        ),
      ),
    );
  }
  return problems;
}

/** Rows with any value below the first non-blank row (the header, or a banner). */
function dataRows(sheet: SheetData): number {
  let rows = 0;
  for (const row of sheet.rows) if (!isBlankRow(row)) rows++;
  return Math.max(0, rows - 1);
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

/** True where every cell of the row is blank. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** The problem, marked as one of the workbook's structure (see Problem.structure). */
export function structureProblem(problem: Problem): Problem {
  problem.structure = true;
  return problem;
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
