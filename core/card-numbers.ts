// Card numbers (domain.md "Card numbers"): 〔year〕NNNN, unique within the unit and the year
// across every sheet that makes entries. A card number is an official document number, so it
// is decided here once and carried on the result for every view (cards, previews, mail).
import type { Entry } from './types.js';

/**
 * Every valid entry's number, keyed by entry key. The order is (date, member id, rule, variant,
 * source sheet, name) — what the entry is, not where its row sits — so re-sorting rows never
 * renumbers and a later entry only takes the next number. All valid entries are numbered,
 * counted or not, so that a number never moves when an entry is verified or revoked.
 */
export function cardNumbers(entries: readonly Entry[]): Record<string, string> {
  const keyed = entries.map((e, i) => ({ e, i, sort: sortKey(e) }));
  keyed.sort((a, b) => compareKeys(a.sort, b.sort) || a.i - b.i);
  const numbers: Record<string, string> = {};
  const next = new Map<string, number>();
  for (const { e } of keyed) {
    const year = e.date.slice(0, 4);
    const n = (next.get(year) ?? 0) + 1;
    next.set(year, n);
    numbers[e.key] = `〔${year}〕${String(n).padStart(4, '0')}号`;
  }
  return numbers;
}

function sortKey(e: Entry): string[] {
  return [
    e.date,
    e.member.id ?? '',
    e.rule.code,
    e.rule.variant ?? e.variantText,
    e.source.sheet,
    e.member.name,
  ];
}

/** Code-point order, the same on every machine (no locale collation). */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}
