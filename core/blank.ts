// What a blank roster workbook holds: sheets, headers, the built-in rules, the default
// settings and dropdown lists. `twelve init` and the add-in's 准备台账 both write this.
import type { CellValue, Rule } from './types.js';
import { BUILTIN_RULES } from './catalog.js';
import { SETTING_ROWS } from './settings.js';
import { REVIEW_CHOICES, STATUS_CHOICES } from './ledger.js';
import { KIND_CHOICES } from './records.js';

/** What the 会议 dropdown of 会议签到 offers: the parts of 三会一课 and the activity day. */
const MEETING_CHOICES = [
  '支部党员大会',
  '支部委员会',
  '党小组会',
  '党课',
  '党员固定活动日',
] as const;

export interface DropdownSpec {
  /** Header of the column that gets the list. */
  column: string;
  /** A fixed list, or a reference to another sheet's column. */
  list: readonly string[] | { sheet: string; column: string };
}

export interface BlankSheet {
  name: string;
  header: readonly string[];
  rows: CellValue[][];
  widths: readonly number[];
  dropdowns: readonly DropdownSpec[];
}

export function blankWorkbook(rules: readonly Rule[] = BUILTIN_RULES): BlankSheet[] {
  // Micro-wishes belong in their own sheet, once a year: the ledger's lists leave them out.
  const ledgerRules = rules.filter((r) => !r.yearly);
  const codes = [...new Set(ledgerRules.map((r) => r.code))];
  const variants = [
    ...new Set(ledgerRules.map((r) => r.variant).filter((v): v is string => v !== null)),
  ];
  return [
    {
      name: '党员名册',
      header: ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
      rows: [],
      widths: [10, 12, 16, 14, 26, 10],
      dropdowns: [{ column: '状态', list: ['在册', '转出', '停止党籍'] }],
    },
    {
      name: '记分台账',
      header: [
        '日期',
        '编号',
        '姓名',
        '事项',
        '情形',
        '分值',
        '状态',
        '说明',
        '告知日期',
        '认定日期',
        '复核申请日期',
        '复核结果',
        '复核日期',
      ],
      rows: [],
      widths: [12, 10, 12, 10, 12, 8, 10, 40, 12, 12, 14, 10, 12],
      dropdowns: [
        { column: '姓名', list: { sheet: '党员名册', column: '姓名' } },
        { column: '事项', list: codes },
        { column: '情形', list: variants },
        { column: '状态', list: STATUS_CHOICES },
        { column: '复核结果', list: REVIEW_CHOICES },
      ],
    },
    {
      name: '会议签到',
      header: ['日期', '会议', '支部', '请假', '缺席', '说明', '告知日期'],
      rows: [],
      widths: [12, 14, 16, 30, 30, 30, 12],
      dropdowns: [{ column: '会议', list: MEETING_CHOICES }],
    },
    {
      name: '处置记录',
      header: ['日期', '编号', '姓名', '处置', '承办人', '结果'],
      rows: [],
      widths: [12, 10, 12, 12, 14, 40],
      dropdowns: [
        { column: '姓名', list: { sheet: '党员名册', column: '姓名' } },
        { column: '处置', list: KIND_CHOICES },
      ],
    },
    {
      name: '微心愿',
      header: ['年度', '编号', '姓名', '认领数', '完成数', '告知日期'],
      rows: [],
      widths: [8, 10, 12, 10, 10, 12],
      dropdowns: [{ column: '姓名', list: { sheet: '党员名册', column: '姓名' } }],
    },
    {
      name: '记分规则',
      header: ['代码', '类别', '规范', '情形', '分值', '一次性记满', '需认定', '警示'],
      rows: rules.map((r) => [
        r.code,
        r.category,
        r.norm,
        r.variant ?? '',
        r.points === null ? '' : r.reward ? -r.points : r.points,
        yn(r.oneTimeFull),
        yn(r.needsVerification),
        yn(r.warningList),
      ]),
      widths: [8, 20, 50, 12, 8, 12, 8, 8],
      dropdowns: [],
    },
    {
      name: '设置',
      header: ['项目', '值'],
      rows: SETTING_ROWS.map(([k, v]) => [k, v]),
      widths: [22, 30],
      dropdowns: [],
    },
  ];
}

const yn = (b: boolean) => (b ? '是' : '否');
