// The 微心愿 sheet: one row per member and year, scored on 12-31 of that year.
import type { IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Entry, Rule, Settings } from './workbook-types.js';
import { Table } from './table.js';
import { MemberIndex, memberProblemText } from './roster.js';
import { isoOf, SCHEME_YEARS } from './dates.js';
import { optionalDate } from './optional-date.js';
import { cellText, normalize } from './text.js';

export function parseWishes(
  table: Table,
  members: MemberIndex,
  rule: Rule | null,
  settings: Settings,
  problems: Problem[],
  today: IsoDate | null = null,
): Entry[] {
  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  const rows = table.sheet.rows;
  // Rows with an error value (#N/A) are listed by checkCells and not scored.
  const badRows = table.checkCells(problems);
  for (let i = table.headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (table.isBlankRow(row) || badRows.has(i)) continue;
    const errors: Problem[] = [];
    const err = (key: string, message: string, fix: string) =>
      errors.push(table.problem('error', i, key, message, fix));

    const yearText = normalize(table.text(row, 'year')).replace(/年度?$/, '');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (Number.isNaN(year))
      err('year', `无法识别年度"${table.text(row, 'year')}"`, '填写四位数年度，如 2026');
    else if (year < SCHEME_YEARS.first || year > SCHEME_YEARS.last)
      err(
        'year',
        `年度"${yearText}"不在 ${SCHEME_YEARS.first}—${SCHEME_YEARS.last} 年之间`,
        '核对年度，如 2026',
      );
    else if (today !== null && year > Number(today.slice(0, 4)))
      err(
        'year',
        `年度"${yearText}"晚于今年（今天是 ${today}）：微心愿只记已经开始的年度`,
        `核对年度，如 ${today.slice(0, 4)}`,
      );

    const idText = table.text(row, 'id');
    const nameText = table.text(row, 'name');
    const who = members.find(idText, nameText);
    if (!who.ok) {
      const [message, fix] = memberProblemText(who.reason, idText, nameText, who.member);
      err(idText && table.has('id') ? 'id' : 'name', message, fix);
    }
    const claimed = count(table.value(row, 'claimed'));
    const completed = count(table.value(row, 'completed'));
    if (claimed === null)
      err(
        'claimed',
        `认领数"${table.text(row, 'claimed')}"不是 0 到 ${MAX_WISHES} 之间的整数`,
        '填写认领的微心愿个数，如 2',
      );
    if (completed === null)
      err(
        'completed',
        `完成数"${table.text(row, 'completed')}"不是 0 到 ${MAX_WISHES} 之间的整数`,
        '填写已完成兑现的个数，如 2',
      );
    if (!rule)
      err(
        'year',
        '记分规则中没有微心愿规则，无法计分',
        '在记分规则中加入微心愿规则（如 S1），或删除微心愿工作表',
      );

    if (who.ok && !Number.isNaN(year)) {
      const key = `${year}|${who.member.source.row}`;
      const first = seen.get(key);
      if (first !== undefined)
        err(
          'year',
          `${who.member.name} ${year} 年度的微心愿已在第${first}行填写`,
          '每名党员每年只填一行：合并这两行',
        );
      else seen.set(key, table.excelRow(i));
    }
    if (errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    if (completed! > claimed!) {
      problems.push(
        table.problem(
          'warning',
          i,
          'completed',
          `完成数 ${completed} 大于认领数 ${claimed}`,
          '核对认领数和完成数',
        ),
      );
    }
    const noticeDate = optionalDate(table, i, row, 'noticeDate', problems, today);
    const required = settings.requiredWishes;
    const shortfall = Math.max(0, Math.max(claimed!, required) - completed!);
    if (shortfall === 0) continue;
    const source = { sheet: table.name, row: table.excelRow(i), column: null, cell: null };
    entries.push({
      key: `${table.name}!${source.row}`,
      source,
      date: isoOf(year, 12, 31),
      member: (who as { member: Entry['member'] }).member,
      rule: rule!,
      points: shortfall * rule!.points!,
      verification: 'counts',
      statusText: '',
      note: `${year}年度认领${claimed}个${required > claimed! ? `（应认领${required}个）` : ''}，完成${completed}个，少完成${shortfall}个`,
      noticeDate,
      variantText: `少完成${shortfall}个`,
      wishes: { year, claimed: claimed!, completed: completed!, required },
    });
  }
  return entries;
}

/** More wishes than anyone claims in a year is a typing mistake (1e308 would score Infinity). */
const MAX_WISHES = 1000;

function count(value: unknown): number | null {
  const text = normalize(cellText(value as never)).replace(/个$/, '');
  if (text === '') return 0;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= MAX_WISHES ? n : null;
}
