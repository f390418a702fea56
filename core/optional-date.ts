// A date column that does not change the score (告知日期, 认定日期…): an unreadable one is a
// warning, and the row still counts.
import type { CellValue, IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Table } from './table.js';
import { dateProblem, futureDateProblem, parseDate } from './dates.js';
import { cellText } from './text.js';

/**
 * The date of an optional column, or null. A date after `today` is a typo like any other
 * future date: where the column decides whether or when the entry counts (认定日期, the review
 * dates) the caller passes `rowError` and the row is left out; otherwise (告知日期) it is a
 * warning and the date is not used, so the card stays not given.
 */
export function optionalDate(
  table: Table,
  index: number,
  row: readonly CellValue[],
  key: string,
  problems: Problem[],
  today: IsoDate | null = null,
  rowError?: (key: string, message: string, fix: string) => void,
): IsoDate | null {
  const col = table.columns[key];
  if (col === undefined || col < 0) return null;
  const value = row[col];
  const date = parseDate(value);
  if (date === null && cellText(value)) {
    problems.push(table.problem('warning', index, key, ...dateProblem(value, table.header(key))));
  }
  if (date !== null && today !== null && date > today) {
    const [message, fix] = futureDateProblem(date, today, table.header(key));
    if (rowError) rowError(key, message, fix);
    else {
      problems.push(table.problem('warning', index, key, message, `${fix}；在改正前按未填写处理`));
      return null;
    }
  }
  return date;
}
