// What a clerk typed for a period in 打印与报送 (IE11 shows a date input as a text box): a
// Chinese message naming the field, or null where it is usable. Pure, so tested without a
// browser; the default periods are the core's (core/periods.ts).
import { parseIsoArg, parseMonth, quarterRange } from '../core/index.js';

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
