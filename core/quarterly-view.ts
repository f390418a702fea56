// The 记分汇总公示卡 of a quarter, internal or upward, as a plain view-model: its figures are
// the quarter summary's (the ones 单位数据 carries), never counted here.
import type { IsoDate } from './input-types.js';
import type { Level, QuarterSummary } from './result-types.js';
import type { Settings } from './workbook-types.js';
import { LEVEL_LABELS } from './levels.js';
import { chineseDate } from './dates.js';
import { quarterLabel } from './periods.js';
import {
  documentTitle,
  memberView,
  ruleText,
  schemeName,
  signed,
  unitName,
  wishFacts,
  type MemberView,
} from './card-text.js';

export interface QuarterlyView {
  title: string;
  /** 机关党员“十二分制”: the mail's subject and text name the scheme as the card does. */
  scheme: string;
  unit: string;
  quarter: string;
  period: string;
  upward: boolean;
  versionLabel: string;
  issueDate: string;
  rows: {
    index: number;
    member: MemberView;
    demerits: number;
    rewards: number;
    cancelled: number;
    balance: number;
    level: string;
    /** 警示党员 / 警示对象 at the quarter's end, or ''. */
    warning: string;
    awardText: string;
    entries: { date: string; rule: string; points: string; facts: string }[];
  }[];
  empty: boolean;
  /** The quarter's figures as 单位数据 carries them (summary.figures), never counted here. */
  totals: { members: number; demerits: number; rewards: number; cancelled: number; levels: string };
  /** The upward version's reconciliation, one line per figure; empty for the internal one. */
  reconciliation: { label: string; value: string }[];
}

export type QuarterlyVersion = 'internal' | 'upward';

/** The 记分汇总公示卡: internal (no facts of the case) or upward (with the entries). */
export function quarterlyView(
  summary: QuarterSummary,
  settings: Settings,
  version: QuarterlyVersion,
  issued: IsoDate,
): QuarterlyView {
  const upward = version === 'upward';
  return {
    title: documentTitle(settings, 'quarterly'),
    scheme: schemeName(settings),
    unit: unitName(settings),
    quarter: quarterLabel(summary.quarter),
    period: `${chineseDate(summary.start)}至${chineseDate(summary.end)}`,
    upward,
    versionLabel: upward ? '报上级党组织' : '内部公示',
    issueDate: chineseDate(issued),
    rows: summary.rows.map((r, i) => ({
      index: i + 1,
      member: memberView(r.member),
      demerits: r.demerits,
      rewards: r.rewards,
      cancelled: r.cancelled,
      balance: r.balance,
      level: LEVEL_LABELS[r.level],
      warning: r.warning ?? '',
      awardText: r.balance === 0 ? '可推荐' : '不可推荐',
      entries: upward
        ? r.entries.map((e) => ({
            date: chineseDate(e.date),
            rule: ruleText(e),
            points: signed(e.points),
            facts: e.note || wishFacts(e) || '—',
          }))
        : [],
    })),
    empty: summary.rows.length === 0,
    totals: {
      members: summary.figures.listedMembers,
      demerits: summary.figures.demerits,
      rewards: summary.figures.rewards,
      cancelled: summary.figures.cancelled,
      levels: levelCounts(summary.figures),
    },
    reconciliation: upward ? reconciliationLines(summary) : [],
  };
}

/** domain.md "Reconciliation": what the summary and the cards can be checked against. */
export function reconciliationLines(summary: QuarterSummary): { label: string; value: string }[] {
  const { entries, cards, obligations: o, reviews: r, leftOutRows } = summary.reconciliation;
  // Rows with an error do not stop the report; it says how many were left out.
  const leftOut = leftOutRows
    ? [{ label: '未计入的行', value: `台账中 ${leftOutRows} 行有错误，未计入本汇总` }]
    : [];
  return [
    { label: '本季计分记录', value: `${entries} 条` },
    {
      label: '记分告知卡',
      value: `已送达 ${cards.given} 张，逾期未送达 ${cards.overdue} 张，未到期 ${cards.open} 张`,
    },
    {
      label: '约谈和处置',
      value: `本季应办 ${o.due} 项：已办 ${o.done} 项，逾期未办 ${o.overdue} 项，未到期 ${o.open} 项${o.superseded > 0 ? `，被更高处置取代 ${o.superseded} 项` : ''}`,
    },
    {
      label: '复核',
      value: `申请 ${r.asked} 件：维持 ${r.upheld} 件，撤销 ${r.revoked} 件，变更 ${r.changed} 件，未办结 ${r.undecided} 件`,
    },
    ...leftOut,
  ];
}

/** 季末等级 of the whole roster (a member at 警示 since last quarter is still one). */
function levelCounts(figures: Record<Level, number>): string {
  return (['reminder', 'warning', 'unqualified'] as const)
    .map((l) => `${LEVEL_LABELS[l]} ${figures[l]} 名`)
    .join('，');
}
