// Points as typed: 6, "6分", "-2", "－2", "−2". Whole numbers only, and no more than any rule
// could give: 3.5 or 1e308 is a typing mistake, not a score.
import type { CellValue } from './input-types.js';
import { cellText, normalize } from './text.js';

/** The most points one entry can carry, either sign (a one-time full is 12). */
export const MAX_POINTS = 100;

/** The signed number a points cell says; null where blank; NaN where unreadable or out of range. */
export function parsePoints(value: CellValue): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return checked(value);
  if (typeof value !== 'string') return Number.NaN;
  const t = normalize(value).replace(/[−–—]/g, '-').replace(/分$/, '');
  if (t === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? checked(Number(t)) : Number.NaN;
}

const checked = (n: number) => (Number.isInteger(n) && Math.abs(n) <= MAX_POINTS ? n : Number.NaN);

/** Why a points cell was not read (parsePoints gave NaN), as [message, fix]. */
export function pointsProblem(value: CellValue): [string, string] {
  const typed = cellText(value);
  const n =
    typeof value === 'number'
      ? value
      : Number(normalize(typed).replace(/[−–—]/g, '-').replace(/分$/, ''));
  if (Number.isFinite(n) && !Number.isInteger(n))
    return [`分值"${typed}"不是整数`, '分值填写整数，如 6、6分 或 -2'];
  if (!Number.isNaN(n))
    return [`分值"${typed}"超出范围`, `分值填写 -${MAX_POINTS} 到 ${MAX_POINTS} 之间的整数`];
  return [`无法识别分值"${typed}"`, '分值填写数字，如 6、6分 或 -2'];
}
