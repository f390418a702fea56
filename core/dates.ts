// Dates as clerks type them, turned into ISO 'YYYY-MM-DD' strings.
import type { CellValue, IsoDate } from './input-types.js';
import { cellText, normalize } from './text.js';

/**
 * The years a ledger date can be in. The scheme dates from 2018; anything outside these years
 * is a typo or a number in a date-formatted cell (20260305 → year 57,372), never a real entry.
 */
export const SCHEME_YEARS = { first: 1990, last: 2100 } as const;

const inSchemeYears = (iso: IsoDate | null): IsoDate | null => {
  if (iso === null) return null;
  const y = Number(iso.slice(0, 4));
  return y >= SCHEME_YEARS.first && y <= SCHEME_YEARS.last ? iso : null;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoOf(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), after H. Hinnant's days_from_civil.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): IsoDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return isoOf(era * 400 + yoe + (m <= 2 ? 1 : 0), m, d);
}

// Excel's serial 25569 is 1970-01-01 (the 1900 system, past its fictitious 1900-02-29).
const EXCEL_EPOCH = 25569;

export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  return civilFromDays(Math.floor(serial) - EXCEL_EPOCH);
}

export function isoToExcelSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d) + EXCEL_EPOCH;
}

/** Whole days from `from` to `to` (negative where `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return daysFromCivil(y2, m2, d2) - daysFromCivil(y1, m1, d1);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  return civilFromDays(daysFromCivil(y, m, d) + days);
}

const TEXT_DATE = /^(\d{4})(?:[-/.年])(\d{1,2})(?:[-/.月])(\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const textCache = new Map<string, IsoDate | null>();
const timeCache = new Map<number, IsoDate | null>();

/**
 * A date cell as ISO, or null where it cannot be read or lies outside SCHEME_YEARS. Excel
 * dates arrive as Date (the report tool's reader, midnight UTC) or as a serial number
 * (Office.js); typed text as 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 or 20260305.
 */
export function parseDate(value: CellValue): IsoDate | null {
  if (value instanceof Date) {
    const time = value.getTime();
    let iso = timeCache.get(time);
    if (iso === undefined) {
      // exceljs gives midnight UTC; a time of day from a sloppy cell must not shift the day.
      iso = Number.isNaN(time)
        ? null
        : inSchemeYears(isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
      if (timeCache.size > 50_000) timeCache.clear();
      timeCache.set(time, iso);
    }
    return iso;
  }
  if (typeof value === 'number') return inSchemeYears(excelSerialToIso(value));
  if (typeof value !== 'string') return null;
  let out = textCache.get(value);
  if (out === undefined) {
    out = parseDateText(value);
    if (textCache.size > 50_000) textCache.clear();
    textCache.set(value, out);
  }
  return out;
}

function parseDateText(text: string, anyYear = false): IsoDate | null {
  const t = normalize(text).replace(/(\d)T?\d{1,2}:\d{2}(:\d{2})?$/, '$1');
  const m = TEXT_DATE.exec(t) ?? COMPACT_DATE.exec(t);
  const years = anyYear ? (iso: IsoDate | null) => iso : inSchemeYears;
  if (!m) return /^\d+(\.\d+)?$/.test(t) ? years(excelSerialToIso(Number(t))) : null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? years(isoOf(y, mo, d)) : null;
}

/**
 * Why a non-blank date cell was not read, as [message, fix]: a number that only looks like a
 * date (20260305 in a date-formatted cell), a year outside SCHEME_YEARS, or text that is no date.
 */
/** What is wrong with a required date cell, and its fix: blank, or as dateProblem says. */
export function requiredDateProblem(value: CellValue, whenBlank: string): [string, string] {
  return cellText(value) ? dateProblem(value) : ['日期为空', whenBlank];
}

export function dateProblem(value: CellValue, what = '日期'): [string, string] {
  const typed = cellText(value);
  const years = `${SCHEME_YEARS.first}—${SCHEME_YEARS.last} 年`;
  if (typeof value === 'number') {
    const compact = COMPACT_DATE.exec(String(value));
    if (compact && isValidDate(Number(compact[1]), Number(compact[2]), Number(compact[3])))
      return [
        `${what}"${typed}"是一个数字，不是日期`,
        `这像是 ${compact[1]}-${compact[2]}-${compact[3]}：请删除后按 ${compact[1]}-${compact[2]}-${compact[3]} 的样式重新输入`,
      ];
    return [
      `${what}"${typed}"不是 ${years}间的日期`,
      '按 2026-03-05 或 2026年3月5日 的样式重新输入',
    ];
  }
  if (value instanceof Date || (typeof value === 'string' && parseDateText(value, true)))
    return [`${what}"${typed}"不在 ${years}之间`, '核对年份，按 2026-03-05 的样式重新输入'];
  return [`无法识别${what}"${typed}"`, '按 2026-03-05 或 2026年3月5日 的样式填写真实存在的日期'];
}

/**
 * A date typed on the command line (--as-of and the like), in any form a ledger's date cell
 * accepts as text: 2026-11-24, 2026/11/24, 2026.11.24, 2026年11月24日, 20261124. Never an
 * Excel serial number: on a command line "46000" is a typo, not a date. Null where it is not
 * a real date.
 */
export function parseIsoArg(text: string): IsoDate | null {
  const t = normalize(text);
  if (!TEXT_DATE.test(t) && !COMPACT_DATE.test(t)) return null;
  return parseDateText(t);
}

const QUARTER_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** '2026Q3' (or 2026-Q3, 2026q3, 2026年第三季度, 2026年3季度) → its first and last day. */
export function quarterRange(
  text: string,
): { quarter: string; start: IsoDate; end: IsoDate } | null {
  const t = normalize(text);
  const m = /^(\d{4})[-\s]?[Qq]([1-4])$/.exec(t) ?? /^(\d{4})年?第?([1-4一二三四])季度?$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const q = QUARTER_NUMBERS[m[2]] ?? Number(m[2]);
  const endMonth = q * 3;
  return {
    quarter: `${y}Q${q}`,
    start: isoOf(y, endMonth - 2, 1),
    end: isoOf(y, endMonth, daysInMonth(y, endMonth)),
  };
}

/** '2026-11' (or 2026/11, 2026.11, 2026年11月) → { year, month }; null where it is not a month. */
export function parseMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(normalize(text));
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/**
 * A date after today, the day of the run (not the as-of date), as [message, fix]: a ledger
 * records what has happened, so 2062-03-05 is a mistyped 2026-03-05, never an entry to wait for
 * (domain.md, "Dates after the as-of date"). The fix guesses the date meant where it can.
 */
export function futureDateProblem(iso: IsoDate, today: IsoDate, what = '日期'): [string, string] {
  const guess = meantDate(iso, today);
  return [
    `${what}"${iso}"晚于今天（${today}）：台账只记已经发生的事`,
    `核对年份${guess ? `（是不是 ${guess}？）` : ''}，改为实际发生的日期`,
  ];
}

/** The year's last two digits swapped (2062 → 2026), else this year or last: the first not after today. */
function meantDate(iso: IsoDate, today: IsoDate): IsoDate | null {
  const [y, m, d] = iso.split('-').map(Number);
  const year = Number(today.slice(0, 4));
  const swapped = Math.floor(y / 100) * 100 + (y % 10) * 10 + Math.floor((y % 100) / 10);
  for (const candidate of [swapped, year, year - 1]) {
    if (!isValidDate(candidate, m, d)) continue;
    const meant = isoOf(candidate, m, d);
    if (meant !== iso && meant <= today) return meant;
  }
  return null;
}

/** Today in the local time zone, as ISO. */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** 2026-03-05 → 2026年3月5日, as the cards and messages write dates. */
export function chineseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
