// The seal (domain.md, Seal): a 校验码 for every counted entry, derived from what the entry says
// and never from where it sits, so that an entry once noticed to a member or reported upward
// cannot change without the change showing. The report carries the codes out of the unit's
// workbook; comparing is done here, once, for the CLI, the county, the pane and the web page.
//
// SHA-256 comes from js-sha256: pure ES3-level JavaScript for the pane's IE11 (where neither
// Node's crypto nor a synchronous WebCrypto exists, and @noble/hashes needs BigInt), and Node's
// own crypto under Node; both give the same digest. js-sha256's Node wrapper costs ~10 µs per short
// string (a Buffer and a Hash object each), most of a 100,000-entry verify, so the Node adapters
// pass `crypto.hash` in (reports/sha256.ts); the pane and the web page keep js-sha256.
import { sha256 } from 'js-sha256';
import { countsAt } from './entry-state.js';
import { describeRule } from './ledger.js';
import { normalize } from './text.js';
import type { IsoDate } from './input-types.js';
import type { Entry, Rule } from './workbook-types.js';

/** Part of what is hashed: a later way of deriving codes gets another tag, never the same. */
const SEAL_TAG = 'twelve-seal-1';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays one code. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const STATUS_TEXT = { counts: '计分', pending: '待核实', revoked: '已撤销' } as const;

/** One entry as the seal sees it: in the report's 校验码 sheet and in the clerk's workbook alike. */
export interface SealRow {
  code: string;
  /** 编号, or '' where the roster has none (the name then stands for the member). */
  memberId: string;
  name: string;
  date: IsoDate;
  /** The rule's code (A1); with member and date, what finds an entry again once changed. */
  rule: string;
  /** 事项: the rule and its variant as the detail sheet words them. */
  item: string;
  points: number;
  /** 计分 / 待核实 / 已撤销 */
  status: string;
  note: string;
  /** 认定日期, '' where none: an entry verified after a report was not due in it. */
  verified: IsoDate | '';
  /** A change made the legitimate way (复核撤销/变更 with its date, 已撤销 with a 说明); ''. */
  correction: string;
  /** 台账位置: `sheet!row`. */
  key: string;
}

/** SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex digits. */
export type Sha256Hex = (text: string) => string;

/** The 校验码 of an entry of `unit`: 12 characters of SHA-256 in three groups of four. */
export function sealCode(unit: string, entry: Entry, hash: Sha256Hex = sha256): string {
  return codeOf(hash(sealText(unit, entry)));
}

/**
 * What the code is taken of: the entry's content, each field as a clerk's retyping leaves it.
 * Exactly the text `JSON.stringify([SEAL_TAG, unit, member, date, rule, variant, points,
 * verification, facts])` gives, each field normalized (test/seal/seal-text.test.ts holds that
 * formula against this one).
 */
export function sealText(unit: string, entry: Entry): string {
  return sealTexts(unit).text(entry);
}

/** What one call seals many entries of one unit with: their texts, and the 事项 the rows show. */
interface Sealer {
  text(entry: Entry): string;
  item(entry: Entry): string;
}

/**
 * sealText for many entries of one unit. JSON.stringify, normalize's shared cache, the facts'
 * NFKC and the strings joined for each field were most of a 100,000-entry verify; a ledger
 * repeats its members, dates, rules and facts, so each distinct field is normalized and quoted
 * once per call, in maps that live as long as the call.
 */
function sealTexts(unit: string): Sealer {
  const head = `[${jsonString(SEAL_TAG)},${jsonString(normalize(unit))},`;
  const members = new Map<string, string>();
  const dates = new Map<string, string>();
  const facts = new Map<string, string>();
  // Per rule and variant as typed: the quoted `rule,variant` of the text and the row's 事项.
  const rules = new Map<Rule, Map<string, { json: string; item: string }>>();
  const quoted = (map: Map<string, string>, text: string, make: (text: string) => string) => {
    let out = map.get(text);
    if (out === undefined) {
      out = jsonString(make(text));
      map.set(text, out);
    }
    return out;
  };
  const same = (text: string) => text;
  const rule = (entry: Entry) => {
    let variants = rules.get(entry.rule);
    if (!variants) {
      variants = new Map();
      rules.set(entry.rule, variants);
    }
    const variant = entry.variantText || entry.rule.variant || '';
    let out = variants.get(variant);
    if (!out) {
      out = {
        json: `${jsonString(normalize(entry.rule.code))},${jsonString(normalize(variant))}`,
        item: describeRule({ code: entry.rule.code, norm: entry.rule.norm, variant }),
      };
      variants.set(variant, out);
    }
    return out;
  };
  return {
    text: (entry) =>
      head +
      quoted(members, entry.member.id ?? entry.member.name, normalize) +
      ',' +
      quoted(dates, entry.date, same) +
      ',' +
      rule(entry).json +
      ',' +
      jsonValue(entry.points) +
      ',' +
      jsonString(entry.verification) +
      ',' +
      quoted(facts, entry.note, factsText) +
      ']',
    item: (entry) => rule(entry).item,
  };
}

/** A string as JSON.stringify writes it: quoted as it stands unless it holds what it escapes. */
function jsonString(text: string): string {
  // Quotes, backslashes, C0 controls and surrogates (JSON.stringify escapes lone ones): a loop,
  // not a regular expression, which cost a call per field.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff))
      return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** A finite number is written as String writes it (the JSON spec's ToString); else stringify. */
function jsonValue(value: unknown): string {
  if (typeof value === 'number' && isFinite(value)) return String(value);
  if (typeof value === 'string') return jsonString(value);
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? 'null' : json;
}

/** Facts keep their wording; only spacing, line breaks and full-width forms are formatting. */
function factsText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const CODE_CHARS: number[] = [];
for (let i = 0; i < ALPHABET.length; i++) CODE_CHARS.push(ALPHABET.charCodeAt(i));
const DASH = 45;

function codeOf(hex: string): string {
  // 60 bits: three runs of 20 bits (5 hex digits), four characters each, made in one
  // String.fromCharCode: a flat string, which the compare's maps hash without flattening a rope.
  const a = parseInt(hex.slice(0, 5), 16);
  const b = parseInt(hex.slice(5, 10), 16);
  const c = parseInt(hex.slice(10, 15), 16);
  return String.fromCharCode(
    CODE_CHARS[(a >>> 15) & 31],
    CODE_CHARS[(a >>> 10) & 31],
    CODE_CHARS[(a >>> 5) & 31],
    CODE_CHARS[a & 31],
    DASH,
    CODE_CHARS[(b >>> 15) & 31],
    CODE_CHARS[(b >>> 10) & 31],
    CODE_CHARS[(b >>> 5) & 31],
    CODE_CHARS[b & 31],
    DASH,
    CODE_CHARS[(c >>> 15) & 31],
    CODE_CHARS[(c >>> 10) & 31],
    CODE_CHARS[(c >>> 5) & 31],
    CODE_CHARS[c & 31],
  );
}

/**
 * A code as a clerk types it from paper: case, spaces and dashes do not matter, and the letters
 * Crockford reads as digits (O, I, L) are taken as those digits. Null where it cannot be a code.
 */
export function parseSealCode(text: string): string | null {
  const t = text
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (t.length !== 12) return null;
  for (let i = 0; i < t.length; i++) if (ALPHABET.indexOf(t.charAt(i)) < 0) return null;
  return `${t.slice(0, 4)}-${t.slice(4, 8)}-${t.slice(8)}`;
}

/** The legitimate change an entry records, or '': the words the lines and the report use. */
export function correctionOf(entry: Entry): string {
  const r = entry.review;
  if (r && r.decided && (r.outcome === 'revoked' || r.outcome === 'changed'))
    return `复核${r.outcome === 'revoked' ? '撤销' : '变更'}（${r.decided}）`;
  if (entry.verification === 'revoked' && factsText(entry.note) !== '') return '已撤销（有说明）';
  return '';
}

export function sealRow(unit: string, entry: Entry, hash: Sha256Hex = sha256): SealRow {
  return rowOf(sealTexts(unit), entry, hash);
}

/** The sealed rows of many entries of one unit, in their order. */
export function sealRows(
  unit: string,
  entries: readonly Entry[],
  hash: Sha256Hex = sha256,
): SealRow[] {
  const texts = sealTexts(unit);
  const out: SealRow[] = [];
  for (let i = 0; i < entries.length; i++) out.push(rowOf(texts, entries[i], hash));
  return out;
}

function rowOf(sealer: Sealer, entry: Entry, hash: Sha256Hex): SealRow {
  return {
    code: codeOf(hash(sealer.text(entry))),
    memberId: entry.member.id ?? '',
    name: entry.member.name,
    date: entry.date,
    rule: entry.rule.code,
    item: sealer.item(entry),
    points: entry.points,
    status: STATUS_TEXT[entry.verification],
    note: entry.note,
    verified: entry.verifiedDate ?? '',
    correction: correctionOf(entry),
    key: entry.key,
  };
}

/**
 * What a report up to `end` seals: every entry counted at `end` and every entry dated by then
 * that was corrected the legitimate way (so that a correction travels upward as one, not as a
 * row gone missing), in date order.
 */
export function sealedEntries(
  unit: string,
  entries: readonly Entry[],
  end: IsoDate,
  hash: Sha256Hex = sha256,
): SealRow[] {
  const texts = sealTexts(unit);
  const out: SealRow[] = [];
  for (const e of entries) {
    if (e.date > end) continue;
    if (countsAt(e, end) || correctionOf(e) !== '') out.push(rowOf(texts, e, hash));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** One digest over a report's codes: SHA-256 hex of the sorted codes, so row order is no change. */
export function sealDigest(codes: readonly string[]): string {
  return sha256([SEAL_TAG, ...[...codes].sort()].join('\n'));
}

// ---------------------------------------------------------------- comparing

export type SealKind = 'changed' | 'deleted' | 'added' | 'corrected';

export interface SealChange {
  kind: SealKind;
  /** As reported; null for an added entry. */
  reported: SealRow | null;
  /** As it stands now; null for a deleted entry. */
  current: SealRow | null;
  /** What differs, in Chinese (分值 2 → 4；说明不同). */
  what: string;
}

export interface SealComparison {
  unchanged: number;
  changed: SealChange[];
  deleted: SealChange[];
  added: SealChange[];
  corrected: SealChange[];
}

/**
 * Compares what a report sealed up to `end` with the entries as they stand now (all of them,
 * counted or not: `current`). Entries are first matched by code (re-sorted rows are the same
 * entries); a reported entry left over is then looked for by what an edit leaves alone — the
 * same member, date and rule; else the same member and date; else the same ledger row — and so
 * named changed (or corrected) rather than deleted and added. Current entries left over that are
 * dated inside the reported period and counted by its end are added (补录); later ones are not.
 */
export function compareSeals(
  reported: readonly SealRow[],
  end: IsoDate,
  current: readonly SealRow[],
): SealComparison {
  const out: SealComparison = { unchanged: 0, changed: [], deleted: [], added: [], corrected: [] };
  // Code → the first current row with it; `next` chains the rare rows of the same content. An
  // index and a flag per row, not a list per code: 100,000 small arrays were most of a compare.
  const byCode = new Map<string, number>();
  const next: number[] = [];
  const used: boolean[] = [];
  let repeated = false;
  for (let i = 0; i < current.length; i++) {
    next.push(-1);
    used.push(false);
    let k = byCode.get(current[i].code);
    if (k === undefined) byCode.set(current[i].code, i);
    else {
      repeated = true;
      while (next[k] >= 0) k = next[k];
      next[k] = i;
    }
  }
  const left: SealRow[] = [];
  for (const r of reported) {
    let i = byCode.get(r.code);
    while (i !== undefined && i >= 0 && used[i]) i = next[i];
    if (i === undefined || i < 0) {
      left.push(r);
      continue;
    }
    used[i] = true;
    const now = current[i];
    if (now.correction !== '' && now.correction !== r.correction)
      out.corrected.push({ kind: 'corrected', reported: r, current: now, what: now.correction });
    else out.unchanged++;
  }
  // What is left, each code's rows together in the order their codes first appear.
  const rest = new Set<SealRow>();
  for (let i = 0; i < current.length; i++) {
    if (!repeated) {
      if (!used[i]) rest.add(current[i]);
    } else if (byCode.get(current[i].code) === i)
      for (let k = i; k >= 0; k = next[k]) if (!used[k]) rest.add(current[k]);
  }

  const member = (s: SealRow) => normalize(s.memberId || s.name);
  const keys: ((s: SealRow) => string)[] = [
    (s) => `${member(s)}|${s.date}|${normalize(s.rule)}`,
    (s) => `${member(s)}|${s.date}`,
    (s) => s.key,
  ];
  let unmatched = left;
  for (const key of keys) {
    const index = new Map<string, SealRow[]>();
    rest.forEach((row) => {
      const k = key(row);
      const list = index.get(k);
      if (list) list.push(row);
      else index.set(k, [row]);
    });
    const still: SealRow[] = [];
    for (const r of unmatched) {
      const list = index.get(key(r));
      const now = list?.find((row) => rest.has(row));
      if (!now) {
        still.push(r);
        continue;
      }
      rest.delete(now);
      if (now.correction !== '' && now.correction !== r.correction)
        out.corrected.push({ kind: 'corrected', reported: r, current: now, what: now.correction });
      else
        out.changed.push({ kind: 'changed', reported: r, current: now, what: differences(r, now) });
    }
    unmatched = still;
  }
  for (const r of unmatched)
    out.deleted.push({ kind: 'deleted', reported: r, current: null, what: '' });
  rest.forEach((now) => {
    const counted = now.status === STATUS_TEXT.counts && now.correction === '';
    if (counted && now.date <= end && (now.verified === '' || now.verified <= end))
      out.added.push({ kind: 'added', reported: null, current: now, what: '' });
  });
  return out;
}

/** The fields a person can see that differ; the unit's name or a retyping when none does. */
function differences(a: SealRow, b: SealRow): string {
  const out: string[] = [];
  const field = (label: string, x: string | number, y: string | number) => {
    if (String(x) !== String(y))
      out.push(`${label} ${x === '' ? '（空）' : x} → ${y === '' ? '（空）' : y}`);
  };
  if (normalize(a.memberId || a.name) !== normalize(b.memberId || b.name))
    out.push(
      `党员 ${a.name}${a.memberId ? `（${a.memberId}）` : ''} → ${b.name}${b.memberId ? `（${b.memberId}）` : ''}`,
    );
  field('日期', a.date, b.date);
  field('事项', a.item, b.item);
  field('分值', a.points, b.points);
  field('状态', a.status, b.status);
  if (factsText(a.note) !== factsText(b.note)) out.push('说明（事实依据）已改动');
  return out.length > 0 ? out.join('；') : '内容不同（单位名称或情形写法）';
}

// ---------------------------------------------------------------- lines

export const SEAL_KIND_LABELS: Record<SealKind, string> = {
  changed: '已改动',
  deleted: '已删除',
  added: '补录',
  corrected: '更正',
};

/** Where the entry is, as a clerk finds it: "记分台账 第12行". */
export function sealPlace(key: string): { sheet: string; row: number | null } {
  // `sheet!row`, or `sheet!row!column` for a 会议签到 name.
  const m = /^(.+?)!(\d+)(?:!|$)/.exec(key);
  return m ? { sheet: m[1], row: Number(m[2]) } : { sheet: key, row: null };
}

/** One Chinese line: sheet, row, member, date, what differs; `report` names the report (2026Q3). */
export function sealLine(change: SealChange, report: string): string {
  const row = (change.current ?? change.reported)!;
  const place = sealPlace(row.key);
  const where = `${place.sheet}${place.row !== null ? ` 第${place.row}行` : ''}`;
  const who = `${row.name}${row.memberId ? `（${row.memberId}）` : ''} ${row.date} ${row.item} ${row.points}分`;
  const label = `[${SEAL_KIND_LABELS[change.kind]}]`;
  const code = (s: SealRow | null) => (s ? s.code : '');
  switch (change.kind) {
    case 'changed':
      return `${label} ${where} ${who}：${change.what}（${report} 报送时校验码 ${code(change.reported)}，现为 ${code(change.current)}）`;
    case 'deleted':
      return `${label} ${where}（报送时） ${who}：${report} 已报送，台账中已找不到这一条（校验码 ${code(change.reported)}）`;
    case 'added':
      return `${label} ${where} ${who}：日期在已报送的 ${report} 期间内，报送时没有这一条`;
    case 'corrected':
      return `${label} ${where} ${who}：${change.what}，按规定更正（${report} 报送时校验码 ${code(change.reported)}）`;
  }
}

/** The comparison's lines, changed first, then deleted, added and corrected. */
export function sealLines(comparison: SealComparison, report: string): string[] {
  return [
    ...comparison.changed,
    ...comparison.deleted,
    ...comparison.added,
    ...comparison.corrected,
  ].map((c) => sealLine(c, report));
}

/** A 校验码 typed from a paper card, looked up in the workbook's entries as they stand now. */
export type SealLookup =
  { state: 'bad' } | { state: 'found'; row: SealRow } | { state: 'missing'; code: string };

export function lookupSeal(text: string, current: readonly SealRow[]): SealLookup {
  const code = parseSealCode(text);
  if (!code) return { state: 'bad' };
  const row = current.find((r) => r.code === code);
  return row ? { state: 'found', row } : { state: 'missing', code };
}

/** What the 核验 box says. */
export function lookupText(result: SealLookup): string {
  if (result.state === 'bad')
    return '校验码应为 12 位字母和数字（如 K7Q2-9MX4-TR3A），请核对后重新输入';
  if (result.state === 'missing')
    return `台账中没有校验码为 ${result.code} 的记录：这张告知卡所载的记录已被改动或删除（或不是本单位的卡）`;
  const r = result.row;
  const place = sealPlace(r.key);
  return `台账中仍有这条记录，内容未改动：${place.sheet}${place.row !== null ? ` 第${place.row}行` : ''} ${r.name} ${r.date} ${r.item} ${r.points}分${r.correction ? `（${r.correction}）` : ''}`;
}

// ---------------------------------------------------------------- verifying a workbook

/** What a report sealed, as read from its 校验码 sheet (county.ts readSubmission). */
export interface SealReport {
  /** Where it came from, as the clerk names it (a file, a mail's attachment). */
  source: string;
  unit: string;
  quarter: string;
  end: IsoDate;
  generated: string;
  rows: readonly SealRow[];
}

export interface VerifiedChange extends SealChange {
  /** The report the entry is compared with (2026Q3). */
  report: string;
  line: string;
}

export interface SealVerification {
  /** The reports compared with, oldest first: the newest of each quarter. */
  reports: SealReport[];
  /** Entries of the newest report still as reported. */
  unchanged: number;
  changed: VerifiedChange[];
  deleted: VerifiedChange[];
  added: VerifiedChange[];
  corrected: VerifiedChange[];
}

/**
 * The workbook's entries (all of them) against every report of the unit: the newest of each
 * quarter, since an entry can be changed after one report and before the next. An entry that
 * differs from several reports is named once, against the earliest.
 */
export function verifySeal(
  unit: string,
  entries: readonly Entry[],
  reports: readonly SealReport[],
  hash: Sha256Hex = sha256,
): SealVerification {
  return verifySealRows(sealRows(unit, entries, hash), reports);
}

/** The same against sealed rows as they stand now: a later report's, for the county. */
export function verifySealRows(
  current: readonly SealRow[],
  reports: readonly SealReport[],
): SealVerification {
  const newest = new Map<string, SealReport>();
  for (const r of reports) {
    const had = newest.get(r.quarter);
    if (!had || Date.parse(r.generated) > Date.parse(had.generated)) newest.set(r.quarter, r);
  }
  const chosen: SealReport[] = [];
  newest.forEach((r) => chosen.push(r));
  chosen.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  const out: SealVerification = {
    reports: chosen,
    unchanged: 0,
    changed: [],
    deleted: [],
    added: [],
    corrected: [],
  };
  const seen = new Set<string>();
  for (const report of chosen) {
    const c = compareSeals(report.rows, report.end, current);
    out.unchanged = c.unchanged;
    for (const kind of ['changed', 'deleted', 'added', 'corrected'] as const)
      for (const change of c[kind]) {
        const id = `${kind}|${change.reported?.code ?? ''}|${change.current?.key ?? change.reported?.key ?? ''}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out[kind].push({
          ...change,
          report: report.quarter,
          line: sealLine(change, report.quarter),
        });
      }
  }
  return out;
}

/** Changed, deleted or added: what makes `verify` exit 1 (corrections do not). */
export function sealBroken(v: Pick<SealVerification, 'changed' | 'deleted' | 'added'>): boolean {
  return v.changed.length + v.deleted.length + v.added.length > 0;
}

/** Every line of a verification, in the order changed, deleted, added, corrected. */
export function verificationLines(v: SealVerification): string[] {
  return [...v.changed, ...v.deleted, ...v.added, ...v.corrected].map((c) => c.line);
}

/** What `verify` says when what it was given holds no report of the unit to compare with. */
export function noSealReportText(unit: string): string {
  return `所给的文件中没有本单位${unit ? `"${unit}"` : ''}可核对的季度汇总表（格式版本 2，带“校验码”工作表）`;
}

/** The closing line: how many entries stand as reported, and how many do not. */
export function verificationSummary(v: SealVerification): string {
  const quarters = v.reports.map((r) => r.quarter).join('、');
  return (
    `与 ${v.reports.length} 份报送（${quarters}）核对：未改动 ${v.unchanged} 条，` +
    `已改动 ${v.changed.length} 条，已删除 ${v.deleted.length} 条，补录 ${v.added.length} 条，` +
    `按规定更正 ${v.corrected.length} 条`
  );
}
