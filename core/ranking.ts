// The monthly ranking (榜单), taken on the ranking day (25th) of a month.
import type { ParsedWorkbook, Ranking, RankingRow } from './types.js';
import { daysInMonth, isoOf } from './dates.js';
import { assignRanks, score } from './score.js';
import { ACTIONS, BOTTOM_TALK } from './levels.js';
import { markBottom } from './bottom.js';

export function monthlyRanking(parsed: ParsedWorkbook, year: number, month: number): Ranking {
  const { rankingDay, bottomCount } = parsed.settings;
  const asOf = isoOf(year, month, Math.min(rankingDay, daysInMonth(year, month)));
  const result = score(parsed, asOf);
  const rows: RankingRow[] = assignRanks(
    result.members.map((m) => ({
      rank: 0,
      member: m.member,
      balance: m.balance,
      level: m.level,
      bottom: false,
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
