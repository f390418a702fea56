// The monthly ranking (榜单), taken on the ranking day (25th) of a month.
import type { IsoDate, ParsedWorkbook, Ranking, RankingRow, Settings } from './types.js';
import { daysInMonth, isoOf } from './dates.js';
import { assignRanks, score } from './score.js';
import { ACTIONS, BOTTOM_TALK } from './levels.js';
import { warningLabel } from './warning.js';

/** The month's ranking day (设置!每月调整日, the month's last day where it has fewer days). */
export function rankingDate(settings: Settings, year: number, month: number): IsoDate {
  return isoOf(year, month, Math.min(settings.rankingDay, daysInMonth(year, month)));
}

export function monthlyRanking(parsed: ParsedWorkbook, year: number, month: number): Ranking {
  const { bottomCount } = parsed.settings;
  const asOf = rankingDate(parsed.settings, year, month);
  const result = score(parsed, asOf);
  const rows: RankingRow[] = assignRanks(
    result.members.map((m) => ({
      rank: 0,
      member: m.member,
      balance: m.balance,
      level: m.level,
      bottom: false,
      warning: warningLabel(m),
    })),
  );
  markBottom(rows, bottomCount);

  const talks: Ranking['talks'] = [];
  for (const row of [...rows].reverse()) {
    if (row.level !== 'normal')
      talks.push({ member: row.member, reason: row.level, ...ACTIONS[row.level] });
    if (row.bottom) talks.push({ member: row.member, reason: 'bottom', ...BOTTOM_TALK });
  }
  return { month: `${year}-${String(month).padStart(2, '0')}`, asOf, rows, talks };
}

/** The last N with a balance above 0 are 末位; a tie at the boundary marks all who share it. */
function markBottom(rows: RankingRow[], n: number): void {
  const positive = rows.filter((r) => r.balance > 0).sort((a, b) => b.balance - a.balance);
  if (n <= 0 || positive.length === 0) return;
  const cut = positive[Math.min(n, positive.length) - 1].balance;
  for (const r of positive) if (r.balance >= cut) r.bottom = true;
}
