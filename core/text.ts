// Normalising what clerks type, so that "姓 名", "分值（分）" and "Ｐ１" match their canonical forms.
import type { CellValue } from './input-types.js';

const QUOTES = /["'“”‘’「」『』《》〈〉]/g;
// Characters that take no room on screen: a name copied from a chat or a web page brings them
// along, and "张\u200D三" looks exactly like 张三. Matching ignores them; sheets.ts names them.
// So do the C0 and C1 control characters (U+0001, U+007F…) that a pasted name or an export
// from another system brings (tab, line feed and carriage return are white space, below).
const INVISIBLE_CLASS =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f' +
  '\\u00ad\\u061c\\u180e\\u200b\\u200c\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff';
// The zero-width joiner stands apart: inside a class it reads as part of an emoji sequence.
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]|\\u200d`);
const SPACES = new RegExp(`(?:[\\s\\u3000\\u00a0${INVISIBLE_CLASS}]|\\u200d)+`, 'g');

const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连接符',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x202a: '从左到右嵌入',
  0x202b: '从右到左嵌入',
  0x202c: '方向格式结束符',
  0x202d: '从左到右覆盖',
  0x202e: '从右到左覆盖',
  0x2060: '字连接符',
  0xfeff: '字节顺序标记 BOM',
};

/** The first invisible character of the text as "U+200D（零宽连接符）"; null where none. */
export function invisibleCharacter(text: string): string | null {
  const m = INVISIBLE.exec(text);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
  return `U+${hex}（${INVISIBLE_NAMES[code] ?? (control ? '控制字符' : '不可见字符')}）`;
}

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
  if (value instanceof Date) return dateText(value);
  return String(value);
}

/** A Date as YYYY-MM-DD in UTC (the readers' midnight); never throws, whatever the year. */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '无效日期';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
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
