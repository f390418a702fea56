// Points as typed: 6, "6分", "-2", "－2", "−2".
import type { CellValue } from './types.js';
import { normalize } from './text.js';

/** The signed number a points cell says; null where blank; NaN where unreadable. */
export function parsePoints(value: CellValue): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const t = normalize(value).replace(/[−–—]/g, '-').replace(/分$/, '');
  if (t === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
