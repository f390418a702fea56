// The upward .xlsx contract (docs/upward.md): what a unit's quarterly summary workbook holds,
// sheet by sheet, so that a higher-level organisation can read it by program (county.ts) as
// well as by eye. The writer (reports/mail/summary-xlsx.ts) styles these tables; the cells and
// the data hash are decided here, once, for the writer and the reader alike.
import type { FigureKey, OwnFigures } from './figure-types.js';
import type { CellValue, IsoDate } from './input-types.js';
import type { QuarterRow, QuarterSummary, Reconciliation, ScoreResult } from './result-types.js';
import { LEVEL_LABELS, levelCounts } from './levels.js';
import { describeRule } from './ledger.js';
import type { SealRow } from './seal.js';

/** Bumped whenever a sheet, a column or a figure changes meaning; readers refuse others. */
export const UPWARD_FORMAT_VERSION = '2';

/** The versions a reader still reads: 1 had no 校验码 sheet (docs/upward.md). */
export const READABLE_FORMATS: readonly string[] = ['1', '2'];

export const UPWARD_SHEETS = {
  meta: '报送信息',
  figures: '单位数据',
  summary: '记分汇总',
  detail: '记分明细',
  seal: '校验码',
} as const;

export const META_LABELS = {
  format: '格式版本',
  unit: '单位名称',
  quarter: '季度',
  start: '统计期间起',
  end: '统计期间止',
  asOf: '截至日期',
  generated: '生成时间',
  tool: '工具版本',
  hash: '数据哈希',
} as const;

export type MetaKey = keyof typeof META_LABELS;

/** Format 2's row of 报送信息 after those above: the digest over the 校验码 sheet's codes. */
export const SEAL_DIGEST_LABEL = '校验摘要';

/** The 校验码 sheet (format 2): every entry the report seals, up to the quarter's end. */
export const SEAL_HEADER = [
  '编号',
  '姓名',
  '日期',
  '规则',
  '事项',
  '分值',
  '状态',
  '说明',
  '认定日期',
  '更正',
  '校验码',
  '台账位置',
] as const;

/** A sealed entry as the 校验码 sheet holds it, in SEAL_HEADER's order. */
export function sealCells(r: SealRow): UpwardCell[] {
  return [
    r.memberId,
    r.name,
    r.date,
    r.rule,
    r.item,
    r.points,
    r.status,
    r.note,
    r.verified,
    r.correction,
    r.code,
    r.key,
  ];
}

/** A figure the core has not computed is written as this text, never as 0. */
export const NOT_COUNTED = '未统计';

/** The rows of 单位数据, in order. */
export const FIGURES: readonly { key: FigureKey; label: string }[] = [
  { key: 'activeMembers', label: '在册党员数' },
  { key: 'listedMembers', label: '本季度有记分记录的党员数' },
  { key: 'countedEntries', label: '本季度计分条数' },
  { key: 'demerits', label: '本季度记分合计' },
  { key: 'rewards', label: '本季度奖励分合计' },
  { key: 'cancelled', label: '本季度实际销分合计' },
  { key: 'normal', label: `季度末${LEVEL_LABELS.normal}人数` },
  { key: 'reminder', label: `季度末${LEVEL_LABELS.reminder}人数` },
  { key: 'warning', label: `季度末${LEVEL_LABELS.warning}人数` },
  { key: 'unqualified', label: `季度末${LEVEL_LABELS.unqualified}人数` },
  { key: 'talksDue', label: '本季度应约谈（处置）人次' },
  { key: 'talksDone', label: '其中已完成' },
  { key: 'talksOverdue', label: '其中逾期未完成' },
  { key: 'cardsOverdue', label: '逾期未送达告知卡数' },
  { key: 'reviewsAsked', label: '本季度复核申请数' },
  { key: 'reviewsRevoked', label: '复核撤销数' },
  { key: 'reviewsChanged', label: '复核变更数' },
];

export const FIGURE_HEADER = ['项目', '值'] as const;
export const META_HEADER = ['项目', '值'] as const;

export const SUMMARY_HEADER = [
  '序号',
  '编号',
  '姓名',
  '支部',
  '职务',
  '本季度记分',
  '本季度奖励分',
  '实际销分',
  '季度末积分',
  '等级',
  '可否推荐评先评优',
] as const;

/** 序号 of the last row of 记分汇总: the unit's totals. */
export const TOTAL_LABEL = '合计';

export const DETAIL_HEADER = ['姓名', '编号', '日期', '事项', '分值', '说明', '台账位置'] as const;

/**
 * What a unit reports upward besides its member rows (`rows`: the quarter's), from its score
 * at the quarter's end: the whole roster's levels (a member at 警示 since last quarter is still
 * one), and the quarter's follow-through as the core reconciles it (domain.md, Reconciliation):
 * talks due in the quarter and how they stand, the quarter's cards overdue, the reviews asked
 * for in the quarter and their outcomes.
 */
export function unitFigures(
  result: ScoreResult,
  rows: readonly QuarterRow[],
  reconciliation: Reconciliation,
): OwnFigures {
  const levels = levelCounts(result.members);
  const { obligations, cards, reviews } = reconciliation;
  return {
    activeMembers: result.members.length,
    listedMembers: rows.length,
    countedEntries: total(rows.map((r) => r.entries.length)),
    demerits: total(rows.map((r) => r.demerits)),
    rewards: total(rows.map((r) => r.rewards)),
    cancelled: total(rows.map((r) => r.cancelled)),
    ...levels,
    talksDue: obligations.due,
    talksDone: obligations.done,
    talksOverdue: obligations.overdue,
    cardsOverdue: cards.overdue,
    reviewsAsked: reviews.asked,
    reviewsRevoked: reviews.revoked,
    reviewsChanged: reviews.changed,
  };
}

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Cells as written: text and numbers only; dates are ISO text, so no reader can shift them. */
export type UpwardCell = string | number;

export interface UpwardTable {
  name: string;
  /** Rows above the header (title, period), for people; not data. */
  banner: string[];
  header: readonly string[];
  rows: UpwardCell[][];
}

/** What identifies a report: part of the hash, so that none of it can be edited unnoticed. */
export interface UpwardIdentity {
  unit: string;
  quarter: string;
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
}

/** The data sheets of a unit's report, in the order they are written and hashed. */
export function upwardTables(summary: QuarterSummary, title: string): UpwardTable[] {
  const period = `统计期间：${summary.start} 至 ${summary.end}`;
  const { figures } = summary;
  return [
    {
      name: UPWARD_SHEETS.summary,
      banner: [title, period],
      header: SUMMARY_HEADER,
      rows: [
        ...summary.rows.map((r, i) => [
          i + 1,
          r.member.id ?? '',
          r.member.name,
          r.member.branch,
          r.member.post,
          r.demerits,
          r.rewards,
          r.cancelled,
          r.balance,
          LEVEL_LABELS[r.level],
          r.balance === 0 ? '可推荐' : '不可推荐',
        ]),
        [
          TOTAL_LABEL,
          '',
          `${figures.listedMembers} 名`,
          '',
          '',
          figures.demerits,
          figures.rewards,
          figures.cancelled,
        ],
      ],
    },
    {
      name: UPWARD_SHEETS.detail,
      banner: [`${title}明细`, period],
      header: DETAIL_HEADER,
      rows: summary.rows.flatMap((r) =>
        r.entries.map((e) => [
          r.member.name,
          r.member.id ?? '',
          e.date,
          describeRule({ ...e.rule, variant: e.variantText || e.rule.variant }),
          e.points,
          e.note,
          e.key,
        ]),
      ),
    },
    {
      name: UPWARD_SHEETS.figures,
      banner: [`${title}·单位数据`, period],
      header: FIGURE_HEADER,
      rows: FIGURES.map(({ key, label }) => [label, summary.figures[key] ?? NOT_COUNTED]),
    },
    {
      name: UPWARD_SHEETS.seal,
      banner: [`${title}·校验码`, `截至 ${summary.end} 计分的全部记录（含按规定更正的）`],
      header: SEAL_HEADER,
      rows: summary.seal.rows.map(sealCells),
    },
  ];
}

export interface UpwardMeta extends UpwardIdentity {
  format: string;
  /** ISO 8601 with time zone: when the workbook was made. Not hashed: a re-run of the same data
   *  gives the same hash, so a repeat is told apart from a correction. */
  generated: string;
  tool: string;
  hash: string;
  /** Format 2: the digest over the 校验码 sheet (seal.ts sealDigest). */
  sealDigest?: string;
}

/** The rows of 报送信息 below its header, in order. */
export function metaRows(meta: UpwardMeta): UpwardCell[][] {
  const rows: UpwardCell[][] = (Object.keys(META_LABELS) as MetaKey[]).map((k) => [
    META_LABELS[k],
    meta[k],
  ]);
  if (meta.sealDigest !== undefined) rows.push([SEAL_DIGEST_LABEL, meta.sealDigest]);
  return rows;
}

/**
 * The text the data hash (SHA-256, hex) is taken of: the identity and every data row of every
 * data sheet, each cell as canonicalCell gives it, trailing blanks and blank rows dropped.
 */
export function canonicalData(
  identity: UpwardIdentity,
  tables: readonly UpwardTable[],
  format: string = UPWARD_FORMAT_VERSION,
): string {
  return JSON.stringify({
    format,
    unit: identity.unit,
    quarter: identity.quarter,
    start: identity.start,
    end: identity.end,
    asOf: identity.asOf,
    sheets: tables.map((t) => [t.name, [...t.header], canonicalRows(t.rows)]),
  });
}

export function canonicalRows(rows: readonly (readonly CellValue[])[]): UpwardCell[][] {
  const out: UpwardCell[][] = [];
  for (const row of rows) {
    const cells = Array.from(row, canonicalCell);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) out.push(cells);
  }
  return out;
}

/** Numbers stay numbers; text is trimmed with line breaks as LF; blanks are ''. */
export function canonicalCell(value: CellValue): UpwardCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).replace(/\r\n?/g, '\n').trim();
}
