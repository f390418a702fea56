// 警示党员 / 警示对象: the article lists a member as 警示党员 after a 诫勉谈话 under 工作纪律
// (W1) or on reaching 9 points, and as 警示对象 after a 诫勉谈话 on a complaint by the
// public (M1). The score's `warningListed` says whether; this says which, for every output
// that prints it.
import type { MemberResult } from './result-types.js';
import type { Entry, Rule, Settings } from './workbook-types.js';
import { levelAtLeast, levelOf } from './levels.js';

export type WarningLabel = '警示党员' | '警示对象';

/** A complaint by those served or the public (M1 in the built-in catalog). */
function fromPublicComplaint(rule: Rule): boolean {
  return rule.code === 'M1' || rule.norm.includes('举报投诉');
}

function labelFor(listing: Rule[]): WarningLabel {
  return listing.every(fromPublicComplaint) ? '警示对象' : '警示党员';
}

/**
 * The member's listing at the as-of date, or null where they are not listed. The word of the
 * rule that listed them wins (an M1 诫勉谈话 makes a 警示对象, also at 9 points: the sample's
 * DY038); a member listed by their points alone is a 警示党员.
 */
export function warningLabel(m: MemberResult): WarningLabel | null {
  if (!m.warningListed) return null;
  const counted = new Set(m.steps.map((s) => s.entryKey));
  const listing = m.entries
    .filter((e) => counted.has(e.key) && e.rule.warningList && e.points > 0)
    .map((e) => e.rule);
  return listing.length > 0 && m.balance > 0 ? labelFor(listing) : '警示党员';
}

/** The listing right after each step (by entry key), as a notice card states it. */
export function warningAfterSteps(
  m: MemberResult,
  thresholds: Settings['thresholds'],
): Map<string, WarningLabel | null> {
  const byKey = new Map<string, Entry>(m.entries.map((e) => [e.key, e]));
  const listing: Rule[] = [];
  const out = new Map<string, WarningLabel | null>();
  for (const step of m.steps) {
    if (step.resetBefore) listing.length = 0;
    const entry = byKey.get(step.entryKey);
    if (entry && entry.rule.warningList && entry.points > 0) listing.push(entry.rule);
    const label =
      step.after > 0 && listing.length > 0
        ? labelFor(listing)
        : levelAtLeast(levelOf(step.after, thresholds), 'warning')
          ? '警示党员'
          : null;
    out.set(step.entryKey, label);
  }
  return out;
}
