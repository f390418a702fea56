// Test helper: a workbook as plain sheets for the pure core, with a small default roster.
import type { CellValue, SheetData } from '../../core/index.js';

export const ROSTER_HEADER = ['编号', '姓名', '支部', '职务', '邮箱', '状态'];
export const LEDGER_HEADER = ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明'];

export const DEFAULT_ROSTER: CellValue[][] = [
  ['A01', '张三', '第一支部', '科员', '', ''],
  ['A02', '李四', '第一支部', '科长', '', '在册'],
  ['A03', '王五', '第二支部', '科员', '', ''],
  ['A04', '赵六', '第二支部', '科员', '', ''],
  ['A05', '孙七', '第三支部', '科员', '', ''],
];

export interface BookOptions {
  roster?: CellValue[][];
  settings?: [string, CellValue][];
  wishes?: CellValue[][];
  rules?: CellValue[][];
  /** Rows of 处置记录 as [date, id, name, kind, by, result]. */
  records?: CellValue[][];
  /** Rows of 会议签到 as [date, meeting, branch, leave, absent, note, noticeDate]. */
  attendance?: CellValue[][];
  /** Header for the ledger where the rows carry more columns than the default eight. */
  ledgerHeader?: string[];
}

/** The ledger header with the follow-through columns after the default eight. */
export const FULL_LEDGER_HEADER = [
  ...LEDGER_HEADER,
  '告知日期',
  '认定日期',
  '复核申请日期',
  '复核结果',
  '复核日期',
];

/** Ledger rows as [date, id, name, item, variant, points, status, note]. */
export function book(ledger: CellValue[][], options: BookOptions = {}): SheetData[] {
  const sheets: SheetData[] = [
    { name: '党员名册', rows: [ROSTER_HEADER, ...(options.roster ?? DEFAULT_ROSTER)] },
    { name: '记分台账', rows: [options.ledgerHeader ?? LEDGER_HEADER, ...ledger] },
  ];
  if (options.records)
    sheets.push({
      name: '处置记录',
      rows: [['日期', '编号', '姓名', '处置', '承办人', '结果'], ...options.records],
    });
  if (options.attendance)
    sheets.push({
      name: '会议签到',
      rows: [['日期', '会议', '支部', '请假', '缺席', '说明', '告知日期'], ...options.attendance],
    });
  if (options.settings) sheets.push({ name: '设置', rows: [['项目', '值'], ...options.settings] });
  if (options.wishes)
    sheets.push({
      name: '微心愿',
      rows: [['年度', '编号', '姓名', '认领数', '完成数'], ...options.wishes],
    });
  if (options.rules) {
    sheets.push({
      name: '记分规则',
      rows: [
        ['代码', '类别', '规范', '情形', '分值', '一次性记满', '需认定', '警示'],
        ...options.rules,
      ],
    });
  }
  return sheets;
}

/** One ledger row for member A01 by default. */
export function row(
  date: CellValue,
  item: string,
  variant = '',
  points: CellValue = '',
  status = '',
  who = 'A01',
): CellValue[] {
  return [date, who, '', item, variant, points, status, ''];
}
