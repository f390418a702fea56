// The monthly ranking (榜单), taken on the ranking day (25th) of a month.
import type {
  IsoDate,
  Member,
  Obligation,
  ObligationKind,
  ParsedWorkbook,
  Ranking,
  RankingRow,
  Settings,
} from './types.js';
import { daysInMonth, isoOf } from './dates.js';
import { assignRanks, score } from './score.js';
import { ACTIONS, BOTTOM_TALK } from './levels.js';
import { markBottom } from './bottom.js';
import { warningLabel } from './warning.js';

const HIGHER: Record<Exclude<ObligationKind, 'bottom'>, ObligationKind[]> = {
  reminder: ['reminder', 'warning', 'unqualified'],
  warning: ['warning', 'unqualified'],
  unqualified: ['unqualified'],
};

/** The month's ranking day (设置!每月调整日, the month's last day where it has fewer days). */
export function rankingDate(settings: Settings, year: number, month: number): IsoDate {
  return isoOf(year, month, Math.min(settings.rankingDay, daysInMonth(year, month)));
}

/**
 * The ranking as of the month's ranking day. `printed` (default: that day) is when the list is
 * printed: a talk of the list recorded in 处置记录 by then is marked done.
 */
export function monthlyRanking(
  parsed: ParsedWorkbook,
  year: number,
  month: number,
  printed?: IsoDate,
): Ranking {
  const { bottomCount } = parsed.settings;
  const asOf = rankingDate(parsed.settings, year, month);
  const result = score(parsed, asOf);
  const later = printed !== undefined && printed > asOf ? score(parsed, printed) : result;
  const ym = `${year}-${String(month).padStart(2, '0')}`;
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
  const doneOf = (member: Member, kind: ObligationKind) => {
    // The talk this list calls for: the member's latest due by the ranking day of that kind or
    // a higher one (one entry, one action: a 警示约谈 includes the reminder); for 末位, this
    // month's.
    const kinds = kind === 'bottom' ? ['bottom'] : HIGHER[kind];
    let found: Obligation | null = null;
    for (const o of later.obligations)
      if (o.member === member && kinds.includes(o.kind) && o.due <= asOf) {
        if (kind === 'bottom' && o.month !== ym) continue;
        found = o;
      }
    return found?.record ? { date: found.record.date, by: found.record.by } : null;
  };
  for (const row of [...rows].reverse()) {
    if (row.level !== 'normal')
      talks.push({
        member: row.member,
        reason: row.level,
        ...ACTIONS[row.level],
        done: doneOf(row.member, row.level),
      });
    if (row.bottom)
      talks.push({
        member: row.member,
        reason: 'bottom',
        ...BOTTOM_TALK,
        done: doneOf(row.member, 'bottom'),
      });
  }
  return { month: ym, asOf, rows, talks };
}
