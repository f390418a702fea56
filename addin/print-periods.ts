// The periods 打印与报送 offers, from the pane's as-of date: pure, so tested without a browser.
import { parseIsoArg, parseMonth, quarterRange, type IsoDate } from '../core/index.js';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export interface PrintPeriods {
  /** 告知卡: the month so far. */
  since: IsoDate;
  until: IsoDate;
  /** 月度榜单: the latest month whose ranking day has come. */
  month: string;
  /** 季度汇总公示卡 and 报上级: the quarter to publish now, and the ones before it. */
  quarter: string;
  quarters: string[];
}

/** How many quarters the chooser lists, newest first. */
const QUARTERS_LISTED = 8;

export function printPeriods(asOf: IsoDate, rankingDay: number): PrintPeriods {
  const [y, m, d] = asOf.split('-').map(Number);
  const month = d >= rankingDay ? `${y}-${pad(m)}` : previousMonth(y, m);
  // A quarter is published at its end: in a quarter's last month it is the one to publish,
  // earlier in a quarter the previous (complete) one still is.
  const q = Math.ceil(m / 3);
  const current = { y, q };
  const quarters: string[] = [];
  for (let i = 0, at = current; i < QUARTERS_LISTED; i++, at = previousQuarter(at))
    quarters.push(`${at.y}Q${at.q}`);
  return {
    since: `${y}-${pad(m)}-01`,
    until: asOf,
    month,
    quarter: m % 3 === 0 ? quarters[0] : quarters[1],
    quarters,
  };
}

function previousMonth(y: number, m: number): string {
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

function previousQuarter(at: { y: number; q: number }): { y: number; q: number } {
  return at.q === 1 ? { y: at.y - 1, q: 4 } : { y: at.y, q: at.q - 1 };
}

/**
 * A clerk's since/until as typed (IE11 shows a date input as a text box): a Chinese message
 * naming the field, or null where both are usable.
 */
export function periodProblem(since: string, until: string): string | null {
  if (!parseIsoArg(since)) return `告知卡“起始日期”应如 2026-11-01，收到“${since}”`;
  if (!parseIsoArg(until)) return `告知卡“截止日期”应如 2026-11-25，收到“${until}”`;
  if (parseIsoArg(since)! > parseIsoArg(until)!)
    return `告知卡“起始日期”${since} 晚于“截止日期”${until}`;
  return null;
}

export function monthProblem(month: string): string | null {
  return parseMonth(month) ? null : `月度榜单“月份”应如 2026-11，收到“${month}”`;
}

export function quarterProblem(quarter: string): string | null {
  return quarterRange(quarter) ? null : `季度应如 2026Q3，收到“${quarter}”`;
}

/** '2026Q3' → 2026年第三季度, as the cards name a quarter. */
export function quarterLabel(quarter: string): string {
  const range = quarterRange(quarter);
  if (!range) return quarter;
  return `${range.quarter.slice(0, 4)}年第${'一二三四'.charAt(Number(range.quarter.slice(5)) - 1)}季度`;
}
