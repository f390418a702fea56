// What the committee must do after scoring, at the as-of date: obligations, notice cards,
// reviews and pending entries (domain.md, Follow-through). Problems of the date go to `problems`.
import type { IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { MemberResult, ScoreResult } from './result-types.js';
import type { ParsedWorkbook } from './workbook-types.js';
import { obligations } from './obligations.js';
import { noticesDue } from './notices.js';
import { reviewStatuses } from './reviews.js';
import { pendingEntries } from './pending.js';

export function followThrough(
  parsed: ParsedWorkbook,
  members: readonly MemberResult[],
  asOf: IsoDate,
  problems: Problem[],
): Pick<ScoreResult, 'obligations' | 'notices' | 'reviews' | 'pending'> {
  const { entries, settings } = parsed;
  return {
    obligations: obligations(parsed, members, asOf, problems),
    notices: noticesDue(entries, parsed.cardNumbers, settings, asOf),
    reviews: reviewStatuses(entries, settings, asOf, problems),
    pending: pendingEntries(entries, settings, asOf, problems),
  };
}
