// The 会议签到 sheet: one row per meeting; each name on leave or absent becomes a P1/P2
// entry on the meeting's date, traced to its row and name (domain.md, Attendance).
import type { CellValue, IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Entry, Member, Rule } from './workbook-types.js';
import { Table } from './table.js';
import { MemberIndex, memberProblemText } from './roster.js';
import { RuleIndex } from './catalog.js';
import { futureDateProblem, parseDate, requiredDateProblem } from './dates.js';
import { optionalDate } from './optional-date.js';
import { normalize } from './text.js';

/**
 * Meeting names that stand for a rule's norm: the parts of 三会一课, the names of the 活动日.
 * `choices` are what the 会议 dropdown offers (core/layout.ts); `also` are read as well.
 */
const MEETINGS: { norm: string; choices: readonly string[]; also: readonly string[] }[] = [
  {
    norm: '三会一课',
    choices: ['支部党员大会', '支部委员会', '党小组会', '党课'],
    also: ['三会一课', '党员大会', '支委会'],
  },
  {
    norm: '党员固定活动日',
    choices: ['党员固定活动日'],
    also: ['固定活动日', '主题党日', '主题党日活动'],
  },
];

/** What the 会议 dropdown of 会议签到 offers: the parts of 三会一课 and the activity day. */
export const MEETING_CHOICES: readonly string[] = MEETINGS.flatMap((m) => m.choices);

const MEETING_NORMS = new Map<string, string>();
for (const m of MEETINGS) for (const w of [...m.choices, ...m.also]) MEETING_NORMS.set(w, m.norm);

const COLUMNS = [
  { key: 'leave', variant: '请假' },
  { key: 'absent', variant: '无故缺席' },
] as const;

const SEPARATORS = /[、，,;；\s\u3000]+/;

export function parseAttendance(
  table: Table,
  members: MemberIndex,
  rules: RuleIndex,
  problems: Problem[],
  today: IsoDate | null = null,
): Entry[] {
  const entries: Entry[] = [];
  const rows = table.sheet.rows;
  // Rows with an error value (#N/A) are listed by checkCells and not used.
  const badRows = table.checkCells(problems);
  for (let i = table.headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (table.isBlankRow(row) || badRows.has(i)) continue;
    const rowErrors: Problem[] = [];
    const err = (key: string, message: string, fix: string) =>
      rowErrors.push(table.problem('error', i, key, message, fix));

    const date = parseDate(table.value(row, 'date'));
    if (date === null)
      err('date', ...requiredDateProblem(table.value(row, 'date'), '填写会议的日期'));
    else if (today !== null && date > today) err('date', ...futureDateProblem(date, today));
    const meeting = table.text(row, 'meeting');
    const rulesOf = meeting ? meetingRules(meeting, rules) : null;
    if (!rulesOf)
      err(
        'meeting',
        meeting ? `不认识的会议"${meeting}"` : '会议为空',
        '填写 三会一课（或支部党员大会、支部委员会、党小组会、党课）、党员固定活动日（主题党日），或规则代码 P1、P2',
      );
    const noticeDate = optionalDate(table, i, row, 'noticeDate', problems, today);
    if (rowErrors.length > 0) {
      problems.push(...rowErrors);
      continue;
    }

    const named = COLUMNS.map(({ key }) => namesIn(table, i, row, key, members, problems));
    // A member on leave and absent in one meeting cannot be both: neither is scored.
    const both = new Set(named[0].filter((n) => named[1].some((o) => o.member === n.member)));
    for (const n of both)
      problems.push(
        table.problem(
          'error',
          i,
          'absent',
          `${n.member.name}同时列在请假和缺席中，这一名未计分`,
          '核对签到，只在请假或缺席中保留一处',
        ),
      );
    const excelRow = table.excelRow(i);
    COLUMNS.forEach(({ key, variant }, c) => {
      const rule = rulesOf!(variant);
      for (const n of named[c]) {
        if ([...both].some((b) => b.member === n.member)) continue;
        if (!rule) {
          problems.push(
            table.problem(
              'error',
              i,
              key,
              `会议"${meeting}"的规则没有情形"${variant}"`,
              '在记分规则中为这项规则加上请假、无故缺席两种情形',
            ),
          );
          return;
        }
        entries.push({
          key: `${table.name}!${excelRow}!${n.member.source.row}`,
          source: {
            sheet: table.name,
            row: excelRow,
            column: table.header(key),
            cell: table.cellAddress(i, key),
          },
          date: date!,
          member: n.member,
          rule,
          points: rule.points ?? 0,
          verification: rule.needsVerification ? 'pending' : 'counts',
          statusText: '',
          note: table.text(row, 'note') || `${meeting}${variant === '请假' ? '请假' : '缺席'}`,
          noticeDate,
          variantText: variant,
          verifiedDate: null,
          attendance: { name: n.typed, column: table.header(key) },
        });
      }
    });
  }
  return entries;
}

/** The rule a meeting names, by variant; null where the meeting names no rule. */
function meetingRules(
  meeting: string,
  rules: RuleIndex,
): ((variant: string) => Rule | null) | null {
  const key = normalize(meeting);
  const item = MEETING_NORMS.get(key) ?? meeting;
  const group = rules.group(item);
  if (!group) return null;
  return (variant) => {
    const match = rules.match(item, variant);
    return match.ok && !match.rule.reward ? match.rule : null;
  };
}

interface Named {
  member: Member;
  typed: string;
}

/** The members a names cell lists; each name that is not one member is an error of its own. */
function namesIn(
  table: Table,
  i: number,
  row: readonly CellValue[],
  key: string,
  members: MemberIndex,
  problems: Problem[],
): Named[] {
  const out: Named[] = [];
  for (const typed of table.text(row, key).split(SEPARATORS)) {
    if (!typed) continue;
    // An id or a name: an id is tried first, as it is the one that can tell namesakes apart.
    const byId = members.find(typed, '');
    const who = byId.ok ? byId : members.find('', typed);
    if (!who.ok) {
      const [message, fix] = memberProblemText(who.reason, '', typed, who.member);
      const how = who.reason === 'ambiguous-name' ? '在这一格中用党员编号代替这个姓名' : fix;
      problems.push(
        table.problem('error', i, key, `${message}，这一名未计分`, `${how}；其余人员照常计分`),
      );
      continue;
    }
    if (out.some((n) => n.member === who.member)) {
      problems.push(
        table.problem(
          'warning',
          i,
          key,
          `${who.member.name}在同一格中写了两次，只计一次`,
          '删除重复的名字',
        ),
      );
      continue;
    }
    out.push({ member: who.member, typed });
  }
  return out;
}
