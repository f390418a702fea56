// The 处置记录 sheet: one row per talk or handling done, as the clerk records it.
import type { IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { HandlingRecord, ObligationKind, Settings } from './workbook-types.js';
import { Table } from './table.js';
import { MemberIndex, memberProblemText } from './roster.js';
import { futureDateProblem, parseDate, requiredDateProblem } from './dates.js';
import { normalize } from './text.js';

export const KIND_LABELS: Record<ObligationKind, string> = {
  reminder: '约谈提醒',
  warning: '警示约谈',
  unqualified: '不合格处置',
  bottom: '末位约谈',
};

export const KIND_CHOICES = Object.values(KIND_LABELS);

const KIND_WORDS: [RegExp, ObligationKind][] = [
  [/末位/, 'bottom'],
  [/不合格|转化|劝退|除名|记满/, 'unqualified'],
  [/警示/, 'warning'],
  [/提醒/, 'reminder'],
];

/**
 * What a 处置 cell names: a label (约谈提醒…), a word of one (末位), or a threshold typed as
 * a number ("12", "9分"), read against the unit's own thresholds.
 */
export function parseKind(text: string, t: Settings['thresholds']): ObligationKind | null {
  const key = normalize(text);
  if (!key) return null;
  const n = /^(\d+)分?$/.exec(key);
  if (n) {
    const value = Number(n[1]);
    if (value === t.reminder) return 'reminder';
    if (value === t.warning) return 'warning';
    if (value === t.unqualified) return 'unqualified';
    return null;
  }
  for (const [word, kind] of KIND_WORDS) if (word.test(key)) return kind;
  return null;
}

export function parseRecords(
  table: Table,
  members: MemberIndex,
  settings: Settings,
  problems: Problem[],
  today: IsoDate | null = null,
): HandlingRecord[] {
  const records: HandlingRecord[] = [];
  const rows = table.sheet.rows;
  const { thresholds: t } = settings;
  // Rows with an error value (#N/A) are listed by checkCells and not used.
  const badRows = table.checkCells(problems);
  for (let i = table.headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (table.isBlankRow(row) || badRows.has(i)) continue;
    const errors: Problem[] = [];
    const err = (key: string, message: string, fix: string) =>
      errors.push(table.problem('error', i, key, message, fix));

    const date = parseDate(table.value(row, 'date'));
    if (date === null)
      err('date', ...requiredDateProblem(table.value(row, 'date'), '填写谈话或处置的日期'));
    else if (today !== null && date > today) err('date', ...futureDateProblem(date, today));

    const idText = table.text(row, 'id');
    const nameText = table.text(row, 'name');
    const who = members.find(idText, nameText);
    if (!who.ok) {
      const [message, fix] = memberProblemText(who.reason, idText, nameText, who.member);
      err(idText && table.has('id') && who.reason !== 'unknown-name' ? 'id' : 'name', message, fix);
    }

    const kindText = table.text(row, 'kind');
    const kind = parseKind(kindText, t);
    if (kind === null)
      err(
        'kind',
        kindText ? `不认识的处置"${kindText}"` : '处置为空',
        `处置填写 ${KIND_CHOICES.join('、')} 之一（或 ${t.reminder}、${t.warning}、${t.unqualified}、末位）`,
      );

    if (errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    records.push({
      source: { sheet: table.name, row: table.excelRow(i), column: null, cell: null },
      date: date!,
      member: (who as { member: HandlingRecord['member'] }).member,
      kind: kind!,
      by: table.text(row, 'by'),
      result: table.text(row, 'result'),
    });
  }
  // Date order, row order within a date: earlier records take the earlier obligations.
  return records.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.source.row! - b.source.row!,
  );
}
