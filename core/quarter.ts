// The quarterly summary (记分汇总公示卡): members with a counted entry in the quarter.
import type { Level, ParsedWorkbook, QuarterRow, QuarterSummary } from './types.js';
import { quarterRange } from './dates.js';
import { entryState, score } from './score.js';
import { warningLabel } from './warning.js';

export function quarterlySummary(parsed: ParsedWorkbook, quarter: string): QuarterSummary {
  const range = quarterRange(quarter);
  if (!range) throw new RangeError(`季度"${quarter}"的格式不对，应如 2026Q3`);
  const result = score(parsed, range.end);
  const inQuarter = (date: string) => date >= range.start && date <= range.end;

  const rows: QuarterRow[] = [];
  for (const m of result.members) {
    const entries = m.entries.filter(
      (e) => inQuarter(e.date) && entryState(e, range.end) === 'counted',
    );
    if (entries.length === 0) continue;
    const steps = m.steps.filter((s) => inQuarter(s.date));
    rows.push({
      member: m.member,
      demerits: sum(entries.filter((e) => e.points > 0).map((e) => e.points)),
      rewards: sum(entries.filter((e) => e.points < 0).map((e) => -e.points)),
      cancelled: sum(steps.filter((s) => s.requested < 0).map((s) => -s.applied)),
      balance: m.balance,
      level: m.level,
      warning: warningLabel(m),
      entries,
    });
  }
  const byLevel: Record<Level, number> = { normal: 0, reminder: 0, warning: 0, unqualified: 0 };
  for (const r of rows) byLevel[r.level]++;
  return {
    quarter: range.quarter,
    start: range.start,
    end: range.end,
    rows,
    totals: {
      members: rows.length,
      demerits: sum(rows.map((r) => r.demerits)),
      rewards: sum(rows.map((r) => r.rewards)),
      byLevel,
    },
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
