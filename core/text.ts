// Normalising what clerks type, so that "姓 名", "分值（分）" and "Ｐ１" match their canonical forms.
import type { CellValue } from './types.js';

const QUOTES = /["'“”‘’「」『』《》〈〉]/g;
const SPACES = /[\s\u3000\u00a0\u200b]+/g;

const cache = new Map<string, string>();

/** NFKC, no white space (also inside), no quotes; letters upper-cased. Cached: ledgers repeat. */
export function normalize(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    out = text.normalize('NFKC').replace(SPACES, '').replace(QUOTES, '').toUpperCase();
    if (cache.size > 50_000) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/** A header as matched against the contract: also drops a bracketed unit, "分值（分）" → 分值. */
export function normalizeHeader(text: string): string {
  return normalize(text).replace(/\(.*?\)$/, '');
}

/** The text of a cell as a person reads it; dates as ISO, numbers without trailing zeros. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function isBlank(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** 是/否 and their look-alikes; null where the text says neither. */
export function parseYesNo(value: CellValue): boolean | null {
  if (typeof value === 'boolean') return value;
  const t = normalize(cellText(value));
  if (['是', 'Y', 'YES', 'TRUE', '1', '√', '✓'].includes(t)) return true;
  if (['否', 'N', 'NO', 'FALSE', '0', '×', '✗', ''].includes(t)) return t === '' ? null : false;
  return null;
}

/** Excel column letters for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
