// Entries waiting for verification (待核实): not counted, never invisible. Each is listed with
// the days it has waited; one waiting longer than 认定期限天数 is a warning.
import type { IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { PendingEntry } from './result-types.js';
import type { Entry, Settings } from './workbook-types.js';
import { daysBetween } from './dates.js';
import { COLUMN_HEADERS } from './layout.js';
import { entryState } from './entry-state.js';

export function pendingEntries(
  entries: readonly Entry[],
  settings: Settings,
  asOf: IsoDate,
  problems: Problem[],
): PendingEntry[] {
  const out: PendingEntry[] = [];
  for (const e of entries) {
    if (e.date > asOf || entryState(e, asOf) !== 'pending') continue;
    const days = daysBetween(e.date, asOf);
    const tooLong = days > settings.verificationDays;
    if (tooLong)
      problems.push({
        severity: 'warning',
        sheet: e.source.sheet,
        row: e.source.row,
        column: COLUMN_HEADERS.status,
        cell: null,
        message: `${e.member.name}的这条记分待核实已 ${days} 天，超过认定期限 ${settings.verificationDays} 天`,
        fix: '党工委尽快认定：状态填写 已认定 或 已撤销，并填写认定日期',
      });
    out.push({ entryKey: e.key, source: e.source, member: e.member, date: e.date, days, tooLong });
  }
  return out;
}
