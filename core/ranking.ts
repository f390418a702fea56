// The monthly ranking (榜单), taken on the ranking day (25th) of a month.
import type { IsoDate } from './input-types.js';
import type { Obligation, Ranking, RankingRow } from './result-types.js';
import type { Member, ParsedWorkbook, Settings } from './workbook-types.js';
import { daysInMonth, isoOf } from './dates.js';
import { assignRanks, score } from './score.js';
import { ACTIONS, BOTTOM_TALK } from './levels.js';
import { markBottom } from './bottom.js';
import { warningLabel } from './warning.js';

/** One obligation across two scores of the same workbook: member, kind and due date. */
const obligationId = (o: Obligation) => `${o.member.source.row}|${o.kind}|${o.due}`;

/** The ranking day of the month before: talks due after it are this month's. */
function previousRankingDay(settings: Settings, year: number, month: number): IsoDate {
  return month === 1 ? rankingDate(settings, year - 1, 12) : rankingDate(settings, year, month - 1);
}

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

  // The talks this list calls for are the core's obligations (the ones score and 待办 show),
  // not worked out again from levels: every one still owed on the ranking day — open or overdue,
  // never superseded — and every one that fell due this month. Done or not is as of `printed`.
  const since = previousRankingDay(parsed.settings, year, month);
  const printedState = new Map(later.obligations.map((o) => [obligationId(o), o]));
  const byMember = new Map<Member, Obligation[]>();
  for (const o of result.obligations) {
    const owed = o.state === 'open' || o.state === 'overdue';
    if (o.due > asOf || !(owed || (o.due > since && o.state !== 'superseded'))) continue;
    const list = byMember.get(o.member);
    if (list) list.push(o);
    else byMember.set(o.member, [o]);
  }
  const talks: Ranking['talks'] = [];
  for (const row of [...rows].reverse())
    for (const o of byMember.get(row.member) ?? []) {
      const record = printedState.get(obligationId(o))?.record ?? null;
      talks.push({
        member: row.member,
        reason: o.kind,
        ...(o.kind === 'bottom' ? BOTTOM_TALK : ACTIONS[o.kind]),
        by: o.actor,
        due: o.due,
        overdue: record === null && o.state === 'overdue',
        done: record ? { date: record.date, by: record.by } : null,
      });
    }
  return { month: ym, asOf, rows, talks };
}
