// Which month and quarter a clerk prints by default, and the one wording for a period that has
// not ended yet. The CLI, the pane and the web page all read these: a 榜单 is taken on its
// ranking day, a quarter's summary after its last day, and printing either earlier says so.
import type { IsoDate } from './input-types.js';
import { daysInMonth, isoOf, quarterRange } from './dates.js';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** '2026Q4' → 2026年第四季度, as cards, mail, pane and web page name a quarter. */
export function quarterLabel(quarter: string): string {
  const range = quarterRange(quarter);
  if (!range) return quarter;
  return `${range.quarter.slice(0, 4)}年第${'一二三四'.charAt(Number(range.quarter.slice(5)) - 1)}季度`;
}

/** '2026-11' → 2026年11月. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

export interface PrintPeriods {
  /** 告知卡: the month so far. */
  since: IsoDate;
  until: IsoDate;
  /** 月度榜单: the latest month whose ranking day has come (the last ranking taken). */
  month: string;
  /** 季度汇总公示卡 and 报上级: the last quarter that has ended. */
  quarter: string;
  /** The quarters offered, newest first: the current one (unfinished) and seven before it. */
  quarters: string[];
}

/** How many quarters a chooser lists, newest first. */
const QUARTERS_LISTED = 8;

/** The periods offered by default on `asOf`, with 设置's 每月调整日 `rankingDay`. */
export function printPeriods(asOf: IsoDate, rankingDay: number): PrintPeriods {
  const [y, m, d] = asOf.split('-').map(Number);
  const month =
    d >= Math.min(rankingDay, daysInMonth(y, m)) ? `${y}-${pad(m)}` : previousMonth(y, m);
  const quarters: string[] = [];
  for (
    let i = 0, at = { y, q: Math.ceil(m / 3) };
    i < QUARTERS_LISTED;
    i++, at = previousQuarter(at)
  )
    quarters.push(`${at.y}Q${at.q}`);
  // The current quarter only once its last day has come; else the one before, which has ended.
  const current = quarterRange(quarters[0])!;
  return {
    since: isoOf(y, m, 1),
    until: asOf,
    month,
    quarter: asOf >= current.end ? quarters[0] : quarters[1],
    quarters,
  };
}

function previousMonth(y: number, m: number): string {
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

function previousQuarter(at: { y: number; q: number }): { y: number; q: number } {
  return at.q === 1 ? { y: at.y - 1, q: 4 } : { y: at.y, q: at.q - 1 };
}

/** A line for a quarter that has not ended on `today` (the card is still printed), or ''. */
export function unfinishedQuarterLine(quarter: string, today: IsoDate): string {
  const range = quarterRange(quarter);
  return range && range.end > today
    ? `注意：${range.quarter} 尚未结束（季度末为 ${range.end}，今天是 ${today}），汇总只含台账中已有的记录，季度结束后请重新生成。`
    : '';
}

/** A line for a ranking whose day `rankingDay` has not come on `today` (still printed), or ''. */
export function futureRankingLine(month: string, rankingDay: IsoDate, today: IsoDate): string {
  return rankingDay > today
    ? `注意：${month} 的调整日 ${rankingDay} 还没到（今天是 ${today}），榜单按台账中已有的记录排列，到调整日后请重新生成。`
    : '';
}
