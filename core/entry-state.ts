// How an entry stands at an as-of date: the one place that decides whether it counts.
import type { IsoDate } from './input-types.js';
import type { EntryState } from './result-types.js';
import type { Entry } from './workbook-types.js';

/** 撤销 on review, decided by the as-of date (an undated outcome is taken as decided). */
export function revokedOnReview(entry: Entry, asOf: IsoDate): boolean {
  const r = entry.review;
  return r !== undefined && r.outcome === 'revoked' && (r.decided === null || r.decided <= asOf);
}

/** Verified only after the as-of date: at that date it was still waiting. */
function verifiedLater(entry: Entry, asOf: IsoDate): boolean {
  return entry.verifiedDate != null && entry.verifiedDate > asOf && entry.rule.needsVerification;
}

/** Whether an entry of a 在册 member counts at the as-of date. */
export function countsAt(entry: Entry, asOf: IsoDate): boolean {
  return (
    entry.verification === 'counts' &&
    entry.date <= asOf &&
    (entry.review === undefined || !revokedOnReview(entry, asOf)) &&
    (entry.verifiedDate == null || !verifiedLater(entry, asOf))
  );
}

export function entryState(entry: Entry, asOf: IsoDate): EntryState {
  if (entry.member.status !== 'active') return 'inactive';
  if (entry.verification === 'revoked' || revokedOnReview(entry, asOf)) return 'revoked';
  if (entry.verification === 'pending' || verifiedLater(entry, asOf)) return 'pending';
  if (entry.date > asOf) return 'future';
  return 'counted';
}
