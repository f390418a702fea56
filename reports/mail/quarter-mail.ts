// What the quarterly email says: a plain view-model from the core's quarter summary, for
// the templates in templates/mail/quarter.*. Pure: no files, no clock.
import {
  chineseDate,
  LEVEL_LABELS,
  type IsoDate,
  type Level,
  type QuarterSummary,
  type Settings,
} from '../../core/index.js';

export interface AttachmentNote {
  filename: string;
  /** What the attachment is, in a few words, for the body's list of attachments. */
  description: string;
}

export interface QuarterMailModel {
  unit: string;
  quarter: string;
  quarterLabel: string;
  period: string;
  issueDate: string;
  empty: boolean;
  totals: {
    members: number;
    demerits: number;
    rewards: number;
    cancelled: number;
    levels: string;
  };
  attachments: (AttachmentNote & { index: number })[];
}

export function quarterMailModel(
  summary: QuarterSummary,
  settings: Settings,
  issued: IsoDate,
  attachments: AttachmentNote[],
): QuarterMailModel {
  return {
    unit: unitName(settings),
    quarter: summary.quarter,
    quarterLabel: quarterLabel(summary.quarter),
    period: `${chineseDate(summary.start)}至${chineseDate(summary.end)}`,
    issueDate: chineseDate(issued),
    empty: summary.rows.length === 0,
    totals: {
      members: summary.totals.members,
      demerits: summary.totals.demerits,
      rewards: summary.totals.rewards,
      cancelled: summary.rows.reduce((a, r) => a + r.cancelled, 0),
      levels: levelCounts(summary.totals.byLevel),
    },
    attachments: attachments.map((a, i) => ({ ...a, index: i + 1 })),
  };
}

/** '2026Q3' → '2026年第三季度'. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('Q');
  return `${year}年第${'一二三四'[Number(q) - 1]}季度`;
}

/** The sender's display name: the unit, or 党工委 where 设置 names none. */
export function unitName(settings: Settings): string {
  return settings.unitName || '党工委';
}

function levelCounts(byLevel: Record<Level, number>): string {
  return (['normal', 'reminder', 'warning', 'unqualified'] as Level[])
    .map((l) => `${LEVEL_LABELS[l]} ${byLevel[l]} 名`)
    .join('，');
}
