// Seeds the fake Excel straight from plain rows (as the unit generator makes them), without an
// .xlsx in between: a Date becomes a serial number with a date format, as Office.js gives it.
// No Node imports: the bench runs this in Chromium.
import type { CellValue } from '../../core/index.js';
import type { Scalar } from './fake-excel.js';

const DAY_MS = 86_400_000;
const EPOCH = 25569;

export function seedFromRows(sheets: readonly { name: string; rows: CellValue[][] }[]) {
  return sheets.map((s) => {
    const values: Scalar[][] = [];
    const formats: string[][] = [];
    for (const row of s.rows) {
      const v: Scalar[] = [];
      const f: string[] = [];
      for (const cell of row) {
        if (cell instanceof Date) {
          v.push(cell.getTime() / DAY_MS + EPOCH);
          f.push('yyyy-mm-dd');
        } else {
          v.push(cell === null || cell === undefined ? '' : cell);
          f.push('General');
        }
      }
      values.push(v);
      formats.push(f);
    }
    return { name: s.name, values, formats };
  });
}
