// The arithmetic: balances, actions, levels and ranks at an as-of date.
import type { IsoDate, SheetData } from './input-types.js';
import type { MemberResult, ScoreResult, Step } from './result-types.js';
import type { Entry, ParsedWorkbook } from './workbook-types.js';
import { actionsCrossed, levelAtLeast, levelOf } from './levels.js';
import { parseWorkbook, type ParseOptions } from './parse.js';
import { countsAt } from './entry-state.js';
import { followThrough } from './follow-through.js';

export { entryState } from './entry-state.js';

/** Parses and scores in one call: what `twelve score` and the add-in's button do. */
export function scoreWorkbook(
  sheets: readonly SheetData[],
  asOf: IsoDate,
  options: ParseOptions = {},
): ScoreResult {
  return score(parseWorkbook(sheets, options), asOf);
}

export function score(parsed: ParsedWorkbook, asOf: IsoDate): ScoreResult {
  const byMember = new Map<ParsedWorkbook['members'][number], Entry[]>();
  for (const m of parsed.members) byMember.set(m, []);
  for (const e of parsed.entries) byMember.get(e.member)!.push(e);

  const members: MemberResult[] = [];
  for (const member of parsed.members) {
    if (member.status === 'active')
      members.push(scoreMember(member, byMember.get(member)!, parsed, asOf));
  }
  assignRanks(members);
  // Problems of the as-of date go after the parse's own; the parse is never changed.
  const problems = [...parsed.problems];
  const follow = followThrough(parsed, members, asOf, problems);
  return {
    asOf,
    settings: parsed.settings,
    rules: parsed.rules,
    members,
    inactive: parsed.members.filter((m) => m.status !== 'active'),
    entries: parsed.entries,
    cardNumbers: parsed.cardNumbers,
    ...follow,
    problems,
    sheets: parsed.sheets,
    columns: parsed.columns,
  };
}

function scoreMember(
  member: MemberResult['member'],
  entries: Entry[],
  parsed: ParsedWorkbook,
  asOf: IsoDate,
): MemberResult {
  const { thresholds, reset } = parsed.settings;
  const unqualifiedFloor = thresholds.unqualified;
  let balance = 0;
  // Points from a one-time-full rule (R1–R3) set a floor that rewards cannot cancel below.
  let floor = 0;
  let year = 0;
  let demerits = 0;
  let rewards = 0;
  let cancelled = 0;
  let listedByRule = false;
  const steps: Step[] = [];
  const actions: MemberResult['actions'] = [];

  for (const e of entries) {
    // entryState without its member check: only 在册 members come here.
    if (!countsAt(e, asOf)) continue;
    let resetBefore = false;
    const entryYear = reset === 'yearly' ? Number(e.date.slice(0, 4)) : 0;
    if (reset === 'yearly' && entryYear !== year) {
      resetBefore = year !== 0 && balance > 0;
      if (year !== 0) balance = floor = 0;
      year = entryYear;
    }
    const before = balance;
    if (e.points >= 0) {
      demerits += e.points;
      if (e.rule.oneTimeFull) {
        const full = Math.max(e.points, unqualifiedFloor);
        balance = Math.max(balance, full);
        floor = Math.max(floor, full);
      } else {
        balance += e.points;
      }
      if (e.rule.warningList) listedByRule = true;
    } else {
      const size = -e.points;
      rewards += size;
      const cancel = Math.min(size, Math.max(0, balance - floor));
      cancelled += cancel;
      balance -= cancel;
    }
    const crossed = actionsCrossed(before, balance, thresholds, e.date, e.key);
    if (crossed.length > 0) actions.push(...crossed);
    const step: Step = {
      entryKey: e.key,
      date: e.date,
      requested: e.points,
      applied: balance - before,
      before,
      after: balance,
      actions: crossed,
    };
    if (resetBefore) step.resetBefore = true;
    steps.push(step);
  }
  if (reset === 'yearly' && year !== 0 && Number(asOf.slice(0, 4)) !== year) balance = 0;

  const level = levelOf(balance, thresholds);
  return {
    member,
    balance,
    level,
    demerits,
    rewards,
    cancelled,
    awardEligible: balance === 0,
    warningListed: levelAtLeast(level, 'warning') || (listedByRule && balance > 0),
    actions,
    steps,
    entries,
    rank: 0,
  };
}

/** Ascending balance; equal balances share a rank (1, 1, 3). */
export function assignRanks<T extends { balance: number; rank: number }>(rows: T[]): T[] {
  const sorted = [...rows].sort((a, b) => a.balance - b.balance);
  sorted.forEach((row, i) => {
    row.rank = i > 0 && sorted[i - 1].balance === row.balance ? sorted[i - 1].rank : i + 1;
  });
  return sorted;
}
