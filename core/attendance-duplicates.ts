// The same absence typed twice: once in 会议签到 and once in 记分台账. It counts once, as the
// ledger row (domain.md, Attendance), and the 会议签到 name is warned about.
import type { Problem } from './problem-types.js';
import type { Entry, Rule } from './workbook-types.js';

const ruleKeyOf = (r: Rule) => `${r.code}|${r.variant ?? ''}`;
const keyOf = (e: Entry) => `${e.member.source.row}|${e.date}|${ruleKeyOf(e.rule)}`;

/** The meeting entries that are not already in the ledger; one ledger row absorbs one name. */
export function dropDuplicateAttendance(
  ledger: readonly Entry[],
  meetings: readonly Entry[],
  problems: Problem[],
): Entry[] {
  if (meetings.length === 0) return [];
  const wanted = new Set(meetings.map(keyOf));
  // Most ledger rows are of rules no meeting gives: they are passed over by rule, once per
  // rule, before a key string is built for any of them.
  const meetingRules = new Set(meetings.map((e) => ruleKeyOf(e.rule)));
  const ruleWanted = new Map<Rule, boolean>();
  const inLedger = new Map<string, Entry[]>();
  for (const e of ledger) {
    let byRule = ruleWanted.get(e.rule);
    if (byRule === undefined)
      ruleWanted.set(e.rule, (byRule = meetingRules.has(ruleKeyOf(e.rule))));
    if (!byRule) continue;
    const key = keyOf(e);
    if (!wanted.has(key)) continue;
    const list = inLedger.get(key);
    if (list) list.push(e);
    else inLedger.set(key, [e]);
  }
  const kept: Entry[] = [];
  for (const e of meetings) {
    const twin = inLedger.get(keyOf(e))?.shift();
    if (!twin) {
      kept.push(e);
      continue;
    }
    problems.push({
      severity: 'warning',
      sheet: e.source.sheet,
      row: e.source.row,
      column: e.source.column,
      cell: e.source.cell,
      message: `${e.member.name} ${e.date} ${e.rule.norm}${e.variantText}已在${twin.source.sheet}第${twin.source.row}行登记，只计一次（以${twin.source.sheet}为准）`,
      fix: `删去${twin.source.sheet}第${twin.source.row}行或这里的名字，只在一处登记`,
    });
  }
  return kept;
}
