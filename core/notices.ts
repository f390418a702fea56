// Notice cards (告知): every counted entry needs its card given within 告知期限天数, counting
// from its 认定日期 where typed, else its 日期.
import type { IsoDate } from './input-types.js';
import type { NoticeDue } from './result-types.js';
import type { Entry, Settings } from './workbook-types.js';
import { addDays } from './dates.js';
import { entryState } from './entry-state.js';

export function noticesDue(
  entries: readonly Entry[],
  numbers: Readonly<Record<string, string>>,
  settings: Settings,
  asOf: IsoDate,
): NoticeDue[] {
  const out: NoticeDue[] = [];
  // A ledger has a few hundred distinct dates: each deadline is worked out once.
  const deadlines = new Map<IsoDate, IsoDate>();
  for (const e of entries) {
    if (entryState(e, asOf) !== 'counted') continue;
    const from = e.verifiedDate ?? e.date;
    let deadline = deadlines.get(from);
    if (deadline === undefined)
      deadlines.set(from, (deadline = addDays(from, settings.noticeDays)));
    // A card given after the as-of date had not been given yet on that day.
    const given = e.noticeDate !== null && e.noticeDate <= asOf ? e.noticeDate : null;
    out.push({
      entryKey: e.key,
      number: numbers[e.key],
      source: e.source,
      member: e.member,
      date: e.date,
      from,
      deadline,
      given,
      state: given !== null ? 'done' : asOf > deadline ? 'overdue' : 'open',
    });
  }
  return out;
}
