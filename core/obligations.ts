// Talks and handling owed (domain.md, Follow-through): each threshold action and each 末位 of
// a monthly ranking, matched to the 处置记录 rows that record them as done.
import type { IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { MemberResult, Obligation } from './result-types.js';
import type { HandlingRecord, Member, ObligationKind, ParsedWorkbook } from './workbook-types.js';
import { BOTTOM_TALK } from './levels.js';
import { addDays, chineseDate, daysInMonth, isoOf } from './dates.js';
import { markBottom } from './bottom.js';
import { KIND_LABELS } from './records.js';

export function obligations(
  parsed: ParsedWorkbook,
  members: readonly MemberResult[],
  asOf: IsoDate,
  problems: Problem[],
): Obligation[] {
  const { handlingDays } = parsed.settings;
  const owed: Obligation[] = [];
  const deadlines = new Map<IsoDate, IsoDate>();
  const deadlineOf = (due: IsoDate) => {
    let d = deadlines.get(due);
    if (d === undefined) deadlines.set(due, (d = addDays(due, handlingDays)));
    return d;
  };
  const make = (
    m: MemberResult,
    kind: ObligationKind,
    actor: string,
    due: IsoDate,
    entryKey: string | null,
    month: string | null,
  ): Obligation => ({
    member: m.member,
    kind,
    label: KIND_LABELS[kind],
    actor,
    due,
    deadline: deadlineOf(due),
    state: 'open',
    supersededOn: null,
    entryKey,
    month,
    record: null,
  });
  for (const m of members)
    for (const a of m.actions) owed.push(make(m, a.level, a.by, a.date, a.entryKey, null));
  for (const { month, date, bottom } of monthlyBottoms(parsed, members, asOf))
    for (const m of bottom) owed.push(make(m, 'bottom', BOTTOM_TALK.by, date, null, month));

  // Due-date order; on one date, threshold actions before 末位 (stable: members in roster order).
  const order = new Map(owed.map((o, i) => [o, i]));
  owed.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : order.get(a)! - order.get(b)!));
  markSuperseding(owed);
  matchRecords(owed, parsed.records, asOf, problems);
  for (const o of owed) {
    if (o.record !== null) continue;
    if (o.supersededOn !== null) o.state = 'superseded';
    else if (asOf > o.deadline) o.state = 'overdue';
  }
  return owed;
}

const RANK: Record<ObligationKind, number> = { reminder: 1, warning: 2, unqualified: 3, bottom: 0 };

/**
 * domain.md "Superseded": a threshold talk is superseded on the day a higher one falls due for
 * the same member, a 末位约谈 on the day the member's next 末位约谈 falls due — unless it is done
 * by then (a record dated that day still counts for it). `owed` is in due-date order and holds
 * only obligations due by the as-of date, so every date set here has come.
 */
function markSuperseding(owed: readonly Obligation[]): void {
  const byMember = new Map<Member, Obligation[]>();
  for (const o of owed) {
    const list = byMember.get(o.member);
    if (list) list.push(o);
    else byMember.set(o.member, [o]);
  }
  for (const list of byMember.values())
    list.forEach((o, i) => {
      const next = list.find(
        (x, j) =>
          j > i &&
          (o.kind === 'bottom' ? x.kind === 'bottom' : RANK[x.kind] > RANK[o.kind]) &&
          (o.kind !== 'bottom' || x.due > o.due),
      );
      o.supersededOn = next?.due ?? null;
    });
}

/** Whether `o` may still be satisfied by a record of `date`: not once it was superseded. */
const stillOwedOn = (o: Obligation, date: IsoDate) =>
  o.supersededOn === null || date <= o.supersededOn;

/**
 * A record satisfies the earliest open obligation of the same member and kind that fell due
 * on or before the record's date; one that matches none is a warning.
 */
function matchRecords(
  owed: Obligation[],
  records: readonly HandlingRecord[],
  asOf: IsoDate,
  problems: Problem[],
): void {
  const byKey = new Map<string, Obligation[]>();
  for (const o of owed) {
    const key = `${o.member.source.row}|${o.kind}`;
    const list = byKey.get(key);
    if (list) list.push(o);
    else byKey.set(key, [o]);
  }
  for (const r of records) {
    if (r.date > asOf) continue;
    const list = byKey.get(`${r.member.source.row}|${r.kind}`) ?? [];
    const o = list.find((x) => x.record === null && x.due <= r.date && stillOwedOn(x, r.date));
    if (o) {
      o.record = r;
      o.state = 'done';
      continue;
    }
    const earlier = list.find((x) => x.record === null);
    problems.push({
      severity: 'warning',
      sheet: r.source.sheet,
      row: r.source.row,
      column: null,
      cell: null,
      message: earlier
        ? `${r.member.name}的${KIND_LABELS[r.kind]}${chineseDate(earlier.due)}才应办，早于应办日期的这条记录未对应任何处置`
        : `${r.member.name}在${chineseDate(r.date)}之前没有应办的${KIND_LABELS[r.kind]}，这条记录未对应任何处置`,
      fix: '核对日期、姓名和处置类型；记录保留，不影响记分',
    });
  }
}

interface MonthBottom {
  month: string;
  date: IsoDate;
  bottom: MemberResult[];
}

/**
 * 末位 of each month's ranking, from the month of the first counted entry to the last ranking
 * day on or before the as-of date: each member's balance on that day, read off their steps.
 * The steps are those known at the as-of date, so a 末位 that came only from an entry revoked
 * since disappears with it, as the entry's own obligations do.
 */
function monthlyBottoms(
  parsed: ParsedWorkbook,
  members: readonly MemberResult[],
  asOf: IsoDate,
): MonthBottom[] {
  const { rankingDay, bottomCount, reset } = parsed.settings;
  let first: IsoDate | null = null;
  for (const m of members) {
    const d = m.steps[0]?.date;
    if (d !== undefined && (first === null || d < first)) first = d;
  }
  if (first === null || bottomCount <= 0) return [];
  const out: MonthBottom[] = [];
  const next = members.map(() => 0);
  let [year, month] = first.split('-').map(Number);
  for (;;) {
    const date = isoOf(year, month, Math.min(rankingDay, daysInMonth(year, month)));
    if (date > asOf) break;
    // Only a balance above 0 can be 末位 (markBottom passes over the rest), so only those
    // members get a row. A step is stale under yearly reset where it fell before this year.
    const yearStart = isoOf(year, 1, 1);
    const rows: { m: MemberResult; balance: number; bottom: boolean }[] = [];
    members.forEach((m, i) => {
      const steps = m.steps;
      let k = next[i];
      while (k < steps.length && steps[k].date <= date) k++;
      next[i] = k;
      const last = k > 0 ? steps[k - 1] : null;
      const stale = reset === 'yearly' && last !== null && last.date < yearStart;
      const balance = last && !stale ? last.after : 0;
      if (balance > 0) rows.push({ m, balance, bottom: false });
    });
    markBottom(rows, bottomCount);
    const bottom = rows.filter((r) => r.bottom).map((r) => r.m);
    if (bottom.length > 0)
      out.push({ month: `${year}-${String(month).padStart(2, '0')}`, date, bottom });
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

const STATE_TEXT = { done: '已办', open: '待办', overdue: '逾期', superseded: '已被取代' } as const;

/** How an obligation stands, in words: the one wording of score, 积分汇总 and the ranking. */
export function obligationStateText(o: Obligation): string {
  if (o.state === 'done') return `已办 ${o.record!.date}${o.record!.by ? ` ${o.record!.by}` : ''}`;
  if (o.state === 'superseded') return `${STATE_TEXT.superseded} ${o.supersededOn}`;
  return `${STATE_TEXT[o.state]}，期限 ${o.deadline}`;
}
