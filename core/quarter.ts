// The quarterly summary (记分汇总公示卡): members with a counted entry in the quarter.
import type {
  Level,
  ParsedWorkbook,
  QuarterRow,
  QuarterSummary,
  ScoreResult,
  UnitFigures,
} from './types.js';
import { quarterRange } from './dates.js';
import { entryState, score } from './score.js';

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
      entries,
    });
  }
  const byLevel: Record<Level, number> = { normal: 0, reminder: 0, warning: 0, unqualified: 0 };
  for (const r of rows) byLevel[r.level]++;
  const totals = {
    members: rows.length,
    demerits: sum(rows.map((r) => r.demerits)),
    rewards: sum(rows.map((r) => r.rewards)),
    byLevel,
  };
  return {
    quarter: range.quarter,
    start: range.start,
    end: range.end,
    rows,
    totals,
    figures: unitFigures(result, rows, inQuarter),
  };
}

/**
 * What the unit reports upward besides its member rows: the whole roster's levels at the
 * quarter's end (a member at 警示 since last quarter is still one), and the follow-through.
 * Figures the core does not compute yet are null (see docs/upward.md).
 */
function unitFigures(
  result: ScoreResult,
  rows: QuarterRow[],
  inQuarter: (date: string) => boolean,
): UnitFigures {
  const levels: Record<Level, number> = { normal: 0, reminder: 0, warning: 0, unqualified: 0 };
  for (const m of result.members) levels[m.level]++;
  return {
    activeMembers: result.members.length,
    listedMembers: rows.length,
    countedEntries: sum(rows.map((r) => r.entries.length)),
    demerits: sum(rows.map((r) => r.demerits)),
    rewards: sum(rows.map((r) => r.rewards)),
    cancelled: sum(rows.map((r) => r.cancelled)),
    ...levels,
    // Talks (处置) that fell due in the quarter: every threshold crossed. Whether they were
    // held, and the cards and reviews, need the follow-through records.
    talksDue: sum(result.members.map((m) => m.actions.filter((a) => inQuarter(a.date)).length)),
    talksDone: null,
    talksOverdue: null,
    cardsOverdue: null,
    reviewsAsked: null,
    reviewsRevoked: null,
    reviewsChanged: null,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
