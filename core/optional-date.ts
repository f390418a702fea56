// A date column that does not change the score (告知日期, 认定日期…): an unreadable one is a
// warning, and the row still counts.
import type { CellValue, IsoDate, Problem } from './types.js';
import type { Table } from './sheets.js';
import { parseDate } from './dates.js';
import { cellText } from './text.js';

export function optionalDate(
  table: Table,
  index: number,
  row: readonly CellValue[],
  key: string,
  problems: Problem[],
): IsoDate | null {
  const col = table.columns[key];
  if (col === undefined || col < 0) return null;
  const value = row[col];
  const date = parseDate(value);
  if (date === null && cellText(value)) {
    problems.push(
      table.problem(
        'warning',
        index,
        key,
        `无法识别${table.header(key)}"${cellText(value)}"`,
        '按 2026-03-05 的样式填写',
      ),
    );
  }
  return date;
}
