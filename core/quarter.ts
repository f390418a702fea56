// The quarterly summary (记分汇总公示卡): members with a counted entry in the quarter.
import { problemCounts } from './problem-list.js';
import type { QuarterRow, QuarterSummary, Reconciliation, ScoreResult } from './result-types.js';
import type { ParsedWorkbook } from './workbook-types.js';
import { quarterRange } from './dates.js';
import { entryState, score } from './score.js';
import { warningLabel } from './warning.js';
import { unitFigures } from './upward.js';
import { sealDigest, sealedEntries } from './seal.js';

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
  const reconciliation = reconcile(result, inQuarter);
  reconciliation.leftOutRows = problemCounts(parsed.problems).errorRows;
  return {
    quarter: range.quarter,
    start: range.start,
    end: range.end,
    rows,
    reconciliation,
    figures: unitFigures(result, rows, reconciliation),
    seal: quarterSeal(result, range.end),
  };
}

function quarterSeal(result: ScoreResult, end: string): QuarterSummary['seal'] {
  const rows = sealedEntries(result.settings.unitName, result.entries, end);
  return { rows, digest: sealDigest(rows.map((r) => r.code)) };
}

/**
 * The figures that let the summary and the cards be checked against each other: entries
 * counted, cards given and overdue, obligations due and done, reviews and their outcomes.
 */
function reconcile(result: ScoreResult, inQuarter: (date: string) => boolean): Reconciliation {
  const cards = { given: 0, overdue: 0, open: 0 };
  for (const n of result.notices) {
    if (!inQuarter(n.date)) continue;
    if (n.state === 'done') cards.given++;
    else cards[n.state]++;
  }
  const obligations = { due: 0, done: 0, overdue: 0, open: 0, superseded: 0 };
  for (const o of result.obligations) {
    if (!inQuarter(o.due)) continue;
    obligations.due++;
    // domain.md "Superseded": overdue where its deadline had passed before it was superseded.
    if (o.state === 'superseded' && o.supersededOn! > o.deadline) obligations.overdue++;
    else obligations[o.state]++;
  }
  const reviews = { asked: 0, upheld: 0, revoked: 0, changed: 0, undecided: 0 };
  for (const r of result.reviews) {
    if (r.applied === null || !inQuarter(r.applied)) continue;
    reviews.asked++;
    reviews[r.outcome ?? 'undecided']++;
  }
  return {
    entries: cards.given + cards.overdue + cards.open,
    cards,
    obligations,
    reviews,
    leftOutRows: 0,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
