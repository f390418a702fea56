// What the county's consolidation shows, one row per unit: the columns of the county workbook
// (reports/county/county-xlsx.ts) and the view-model of the county card (templates/county.hbs).
import type { Consolidation } from './county.js';
import type { FigureKey, UnitFigures } from './figure-types.js';
import type { IsoDate } from './input-types.js';
import { chineseDate } from './dates.js';
import { quarterLabel } from './periods.js';

export const COUNTY_TITLE = '机关党员“十二分制”记分情况汇总表';

/** The per-unit figures the county lists, in order; `short` heads the card's narrow columns. */
export const COUNTY_COLUMNS: readonly { key: FigureKey; label: string; short: string }[] = [
  { key: 'activeMembers', label: '在册党员数', short: '在册\n党员' },
  { key: 'listedMembers', label: '本季度有记分党员数', short: '有记分\n党员' },
  { key: 'countedEntries', label: '本季度计分条数', short: '计分\n条数' },
  { key: 'demerits', label: '本季度记分合计', short: '记分\n合计' },
  { key: 'rewards', label: '本季度奖励分合计', short: '奖励\n合计' },
  { key: 'reminder', label: '季度末提醒人数', short: '提醒' },
  { key: 'warning', label: '季度末警示人数', short: '警示' },
  { key: 'unqualified', label: '季度末不合格人数', short: '不合格' },
  { key: 'talksDue', label: '应约谈（处置）人次', short: '应约谈' },
  { key: 'talksDone', label: '已约谈（处置）', short: '已约谈' },
  { key: 'talksOverdue', label: '逾期未约谈', short: '逾期\n未约谈' },
  { key: 'cardsOverdue', label: '逾期未送达告知卡', short: '逾期\n告知卡' },
  { key: 'reviewsAsked', label: '复核申请数', short: '复核\n申请' },
];

/** How a figure prints: a number, or — where the unit's tool did not count it. */
export function figureText(figures: UnitFigures, key: FigureKey): string {
  const v = figures[key];
  return v === null ? '—' : String(v);
}

export interface CountyView {
  title: string;
  /** The consolidating organisation, printed in the red head. */
  unit: string;
  quarter: string;
  period: string;
  issueDate: string;
  columns: { lines: string[] }[];
  rows: { index: number; unit: string; cells: string[]; corrected: boolean }[];
  totals: string[];
  empty: boolean;
  reported: number;
  expected: number | null;
  missing: string[];
  anyMissing: boolean;
  corrections: number;
  skipped: number;
  /** Figures some units did not count: a sentence, or '' when every unit counted all. */
  partialNote: string;
}

export { quarterLabel };

export interface CountyViewOptions {
  /** The consolidating organisation, printed in the red head and by the seal. */
  organisation: string;
  issued: IsoDate;
  /** Reports read but not counted (malformed, tampered, another quarter…). */
  skipped: number;
}

export function countyView(consolidation: Consolidation, options: CountyViewOptions): CountyView {
  const uncounted = COUNTY_COLUMNS.filter((c) => consolidation.partial.includes(c.key));
  const none = uncounted.filter((c) => consolidation.totals[c.key] === null).map((c) => c.label);
  const some = uncounted.filter((c) => consolidation.totals[c.key] !== null).map((c) => c.label);
  const partialNote = [
    none.length > 0 ? `${none.join('、')}：各单位报送中均未统计（表中为“—”）。` : '',
    some.length > 0 ? `${some.join('、')}：有单位未统计（表中为“—”），合计只含已统计的单位。` : '',
  ].join('');
  return {
    title: COUNTY_TITLE,
    unit: options.organisation,
    quarter: quarterLabel(consolidation.quarter),
    period: `${chineseDate(consolidation.start)}至${chineseDate(consolidation.end)}`,
    issueDate: chineseDate(options.issued),
    columns: COUNTY_COLUMNS.map((c) => ({ lines: c.short.split('\n') })),
    rows: consolidation.units.map((u, i) => ({
      index: i + 1,
      unit: u.unit,
      cells: COUNTY_COLUMNS.map((c) => figureText(u.submission.figures, c.key)),
      corrected: u.replaced.length > 0,
    })),
    totals: COUNTY_COLUMNS.map((c) => figureText(consolidation.totals, c.key)),
    empty: consolidation.units.length === 0,
    reported: consolidation.units.length,
    expected: consolidation.expected,
    missing: consolidation.missing,
    anyMissing: consolidation.missing.length > 0,
    corrections: consolidation.units.filter((u) => u.replaced.length > 0).length,
    skipped: options.skipped,
    partialNote,
  };
}
