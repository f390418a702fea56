// The workbook's layout, declared once: each sheet the clerk keeps, its name and aliases, and
// per column the header, the aliases the reader also accepts, whether it is required, its width
// and date format in a blank workbook, and its dropdown list. The reader finds sheets and
// headers by it, `twelve init` and the add-in's 准备台账 write it, and a test holds
// docs/workbook.md to it: no copy of a header, an alias or a list lives anywhere else.
import { REVIEW_CHOICES, STATUS_CHOICES } from './ledger.js';
import { KIND_CHOICES } from './records.js';
import { MEETING_CHOICES } from './attendance.js';
import { ROSTER_STATUS_CHOICES } from './roster.js';

export type SheetRole =
  'roster' | 'ledger' | 'attendance' | 'records' | 'wishes' | 'rules' | 'settings';

/**
 * What a column's dropdown offers: a fixed list; 'members', the roster's 姓名 column (so a
 * member added later appears); or the rule codes or variants of the unit's ledger rules.
 */
export type DropdownSource = readonly string[] | 'members' | 'rule-codes' | 'rule-variants';

/** How the reader finds a column: by its header or an alias, after normalising. */
export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}

export interface ColumnLayout extends ColumnSpec {
  /** Width in a blank workbook, in Excel's characters. */
  width: number;
  /** A date column: shown as 2026-03-05 in a blank workbook. */
  date?: boolean;
  dropdown?: DropdownSource;
}

export interface SheetLayout {
  role: SheetRole;
  /** The canonical name: what init and 准备台账 write, and what messages call the sheet. */
  name: string;
  /** Other names the reader also takes for this sheet. */
  aliases: readonly string[];
  columns: readonly ColumnLayout[];
}

// Aliases a member's columns have wherever they appear.
const ID = { key: 'id', header: '编号', aliases: ['党员编号', '工号'] } as const;
const NAME = { key: 'name', header: '姓名', aliases: ['党员姓名'] } as const;

const ROSTER: SheetLayout = {
  role: 'roster',
  name: '党员名册',
  aliases: ['名册', '党员花名册'],
  columns: [
    { ...ID, width: 10 },
    { ...NAME, required: true, width: 12 },
    { key: 'branch', header: '支部', aliases: ['所在支部', '党支部'], width: 16 },
    { key: 'post', header: '职务', aliases: ['职务/岗位', '岗位'], width: 14 },
    { key: 'email', header: '邮箱', aliases: ['电子邮箱'], width: 26 },
    {
      key: 'status',
      header: '状态',
      aliases: ['在册状态'],
      width: 10,
      dropdown: ROSTER_STATUS_CHOICES,
    },
  ],
};

const LEDGER: SheetLayout = {
  role: 'ledger',
  name: '记分台账',
  aliases: ['台账', '记分登记'],
  columns: [
    {
      key: 'date',
      header: '日期',
      aliases: ['记分日期', '发生日期'],
      required: true,
      width: 12,
      date: true,
    },
    { ...ID, width: 10 },
    { ...NAME, width: 12, dropdown: 'members' },
    {
      key: 'item',
      header: '事项',
      aliases: ['记分事项', '项目', '代码'],
      required: true,
      width: 10,
      dropdown: 'rule-codes',
    },
    { key: 'variant', header: '情形', aliases: ['类型'], width: 12, dropdown: 'rule-variants' },
    { key: 'points', header: '分值', aliases: ['记分', '分数'], width: 8 },
    {
      key: 'status',
      header: '状态',
      aliases: ['认定状态', '审核'],
      width: 10,
      dropdown: STATUS_CHOICES,
    },
    { key: 'note', header: '说明', aliases: ['依据', '备注'], width: 40 },
    { key: 'noticeDate', header: '告知日期', width: 12, date: true },
    { key: 'verifiedDate', header: '认定日期', aliases: ['核实日期'], width: 12, date: true },
    {
      key: 'reviewApplied',
      header: '复核申请日期',
      aliases: ['申请复核日期'],
      width: 14,
      date: true,
    },
    { key: 'reviewOutcome', header: '复核结果', width: 10, dropdown: REVIEW_CHOICES },
    {
      key: 'reviewDecided',
      header: '复核日期',
      aliases: ['复核决定日期'],
      width: 12,
      date: true,
    },
  ],
};

const ATTENDANCE: SheetLayout = {
  role: 'attendance',
  name: '会议签到',
  aliases: ['会议考勤', '出勤登记'],
  columns: [
    { key: 'date', header: '日期', aliases: ['会议日期'], required: true, width: 12, date: true },
    {
      key: 'meeting',
      header: '会议',
      aliases: ['会议类型', '活动'],
      required: true,
      width: 14,
      dropdown: MEETING_CHOICES,
    },
    { key: 'branch', header: '支部', width: 16 },
    { key: 'leave', header: '请假', aliases: ['请假人员'], width: 30 },
    { key: 'absent', header: '缺席', aliases: ['缺席人员', '无故缺席'], width: 30 },
    { key: 'note', header: '说明', aliases: ['备注'], width: 30 },
    { key: 'noticeDate', header: '告知日期', width: 12, date: true },
  ],
};

const RECORDS: SheetLayout = {
  role: 'records',
  name: '处置记录',
  aliases: ['谈话记录', '约谈记录'],
  columns: [
    {
      key: 'date',
      header: '日期',
      aliases: ['谈话日期', '处置日期'],
      required: true,
      width: 12,
      date: true,
    },
    { ...ID, width: 10 },
    { ...NAME, width: 12, dropdown: 'members' },
    {
      key: 'kind',
      header: '处置',
      aliases: ['类型', '事项'],
      required: true,
      width: 12,
      dropdown: KIND_CHOICES,
    },
    { key: 'by', header: '承办人', aliases: ['谈话人', '负责人'], width: 14 },
    { key: 'result', header: '结果', aliases: ['处置方式', '说明'], width: 40 },
  ],
};

const WISHES: SheetLayout = {
  role: 'wishes',
  name: '微心愿',
  aliases: [],
  columns: [
    { key: 'year', header: '年度', required: true, width: 8 },
    { ...ID, width: 10 },
    { ...NAME, width: 12, dropdown: 'members' },
    { key: 'claimed', header: '认领数', required: true, width: 10 },
    { key: 'completed', header: '完成数', required: true, width: 10 },
    { key: 'noticeDate', header: '告知日期', width: 12, date: true },
  ],
};

const RULES: SheetLayout = {
  role: 'rules',
  name: '记分规则',
  aliases: [],
  columns: [
    { key: 'code', header: '代码', required: true, width: 8 },
    { key: 'category', header: '类别', width: 20 },
    { key: 'norm', header: '规范', required: true, width: 50 },
    { key: 'variant', header: '情形', width: 12 },
    { key: 'points', header: '分值', required: true, width: 8 },
    { key: 'full', header: '一次性记满', width: 12 },
    { key: 'verify', header: '需认定', width: 8 },
    { key: 'warn', header: '警示', width: 8 },
  ],
};

const SETTINGS: SheetLayout = {
  role: 'settings',
  name: '设置',
  aliases: [],
  columns: [
    { key: 'key', header: '项目', required: true, width: 22 },
    { key: 'value', header: '值', required: true, width: 30 },
  ],
};

/** The clerk's sheets in the order a blank workbook has them. */
export const WORKBOOK_LAYOUT: readonly SheetLayout[] = [
  ROSTER,
  LEDGER,
  ATTENDANCE,
  RECORDS,
  WISHES,
  RULES,
  SETTINGS,
];

export const ROSTER_COLUMNS = ROSTER.columns;
export const LEDGER_COLUMNS = LEDGER.columns;
export const ATTENDANCE_COLUMNS = ATTENDANCE.columns;
export const RECORD_COLUMNS = RECORDS.columns;
export const WISH_COLUMNS = WISHES.columns;
export const RULE_COLUMNS = RULES.columns;
export const SETTINGS_COLUMNS = SETTINGS.columns;

/** Every name each sheet may have, the canonical one first. */
export const SHEET_NAMES = {} as Record<SheetRole, readonly string[]>;
for (const s of WORKBOOK_LAYOUT) SHEET_NAMES[s.role] = [s.name, ...s.aliases];

/** Sheets the tools write; never read as the clerk's input. */
export const OUTPUT_SHEETS = ['积分汇总', '待办事项', '校验结果'] as const;

export function sheetLayout(role: SheetRole): SheetLayout {
  for (const s of WORKBOOK_LAYOUT) if (s.role === role) return s;
  throw new Error(`no sheet ${role}`);
}

/**
 * A column's header by its key, whichever sheet it is on: a key names the same header on
 * every sheet (日期, 姓名, 状态, 告知日期…), so a message about any sheet's cell can name it.
 */
export const COLUMN_HEADERS: Record<string, string> = {};
for (const s of WORKBOOK_LAYOUT) for (const c of s.columns) COLUMN_HEADERS[c.key] ??= c.header;

/** A column's header by its key; the key itself where the sheet has no such column. */
export function headerOf(role: SheetRole, key: string): string {
  for (const c of sheetLayout(role).columns) if (c.key === key) return c.header;
  return key;
}

/** A sheet's headers in a blank workbook's order, joined: what a fix asks for in the header row. */
export function allHeaders(role: SheetRole): string {
  return sheetLayout(role)
    .columns.map((c) => c.header)
    .join('、');
}

/**
 * What Excel says when a typed value is not in a dropdown's list. A dropdown warns, never
 * stops: the reader accepts more than a list can hold (a norm name such as 三会一课, a unit's
 * own rule code, a status synonym), and says in 校验结果 what it cannot read.
 */
export function dropdownAlert(header: string): { title: string; message: string } {
  return {
    title: `${header}不在下拉列表中`,
    message: `建议从下拉列表中选择${header}。确需填写其他内容时点"是"保留：评分时会按记分规则检查，读不懂的写进"校验结果"。`,
  };
}
