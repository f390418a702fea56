// County (or city) consolidation: the rules a 组织部 applies to the quarterly reports its units
// send up (the .xlsx contract of upward.ts). Reading a report's sheets, trusting it (format,
// hash), keeping the newest report of each unit and adding the figures up are pure; finding
// the files, the mails and their attachments is the report tool's (reports/county/).
import type { FigureKey, UnitFigures } from './figure-types.js';
import type { CellValue, IsoDate, SheetData } from './input-types.js';
import { quarterRange } from './dates.js';
import { cellText, normalize } from './text.js';
import {
  canonicalData,
  canonicalRows,
  DETAIL_HEADER,
  FIGURE_HEADER,
  FIGURES,
  META_HEADER,
  META_LABELS,
  NOT_COUNTED,
  READABLE_FORMATS,
  SEAL_DIGEST_LABEL,
  SEAL_HEADER,
  SUMMARY_HEADER,
  UPWARD_SHEETS,
  type MetaKey,
  type UpwardCell,
  type UpwardTable,
} from './upward.js';
import {
  parseSealCode,
  sealBroken,
  sealDigest,
  verifySealRows,
  type SealRow,
  type SealVerification,
} from './seal.js';

/** One unit's report as read and trusted. */
export interface Submission {
  unit: string;
  quarter: string;
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  /** ISO 8601, as written. */
  generated: string;
  tool: string;
  hash: string;
  figures: UnitFigures;
  /** Format 2's 校验码 sheet and its digest; null for a format-1 report (it has none). */
  seal: { rows: SealRow[]; digest: string } | null;
}

export type ReadSubmission = { ok: true; submission: Submission } | { ok: false; message: string };

/**
 * Reads a report's sheets against the contract. `sha256` hashes UTF-8 text to hex (the caller
 * brings it: the core has no crypto). One Chinese sentence names what is wrong, and where.
 */
export function readSubmission(
  sheets: readonly SheetData[],
  sha256: (text: string) => string,
): ReadSubmission {
  const byName = new Map(sheets.map((s) => [normalize(s.name), s]));
  const sheet = (name: string) => byName.get(normalize(name)) ?? null;
  const metaSheet = sheet(UPWARD_SHEETS.meta);
  if (!metaSheet)
    return fail(`没有"${UPWARD_SHEETS.meta}"工作表，不是本工具生成的季度汇总表（或格式过旧）`);

  const meta = readPairs(metaSheet, META_HEADER);
  if (typeof meta === 'string') return fail(meta);
  const text = (key: MetaKey) => cellText(meta.get(normalize(META_LABELS[key]))?.value ?? null);
  const where = (key: MetaKey) => {
    const row = meta.get(normalize(META_LABELS[key]))?.row;
    return row ? `${UPWARD_SHEETS.meta} 第${row}行` : `${UPWARD_SHEETS.meta}`;
  };
  for (const key of Object.keys(META_LABELS) as MetaKey[])
    if (text(key) === '') return fail(`${where(key)}：缺少"${META_LABELS[key]}"`);

  const format = text('format');
  if (!READABLE_FORMATS.includes(format))
    return fail(
      `${where('format')}：格式版本"${format}"不是本工具能读的版本（${READABLE_FORMATS.join('、')}），请对方用相同版本的工具重新生成`,
    );
  const range = quarterRange(text('quarter'));
  if (!range) return fail(`${where('quarter')}：季度"${text('quarter')}"的格式不对，应如 2026Q3`);
  if (!Number.isFinite(Date.parse(text('generated'))))
    return fail(`${where('generated')}：生成时间"${text('generated')}"无法识别`);

  const tables: UpwardTable[] = [];
  const wanted: [string, readonly string[]][] = [
    [UPWARD_SHEETS.summary, SUMMARY_HEADER],
    [UPWARD_SHEETS.detail, DETAIL_HEADER],
    [UPWARD_SHEETS.figures, FIGURE_HEADER],
  ];
  if (format !== '1') wanted.push([UPWARD_SHEETS.seal, SEAL_HEADER]);
  for (const [name, header] of wanted) {
    const data = sheet(name);
    if (!data) return fail(`没有"${name}"工作表`);
    const at = headerIndex(data.rows, header);
    if (at < 0) return fail(`"${name}"工作表找不到表头（${header.join('、')}）`);
    tables.push({ name, banner: [], header, rows: canonicalRows(data.rows.slice(at + 1)) });
  }

  const identity = {
    unit: text('unit'),
    quarter: text('quarter'),
    start: text('start'),
    end: text('end'),
    asOf: text('asOf'),
  };
  const hash = text('hash').toLowerCase();
  if (sha256(canonicalData(identity, tables, format)) !== hash)
    return fail(
      `数据哈希不符：文件生成后内容被改动过（${where('hash')}），请对方重新生成报送，不要手工修改`,
    );

  const figures = readFigures(tables[2]);
  if (typeof figures === 'string') return fail(figures);
  const members = tables[0].rows.filter((r) => typeof r[0] === 'number').length;
  if (figures.listedMembers !== members)
    return fail(
      `"${UPWARD_SHEETS.figures}"的${label('listedMembers')}（${figures.listedMembers}）与"${UPWARD_SHEETS.summary}"所列 ${members} 名不一致`,
    );

  let seal: Submission['seal'] = null;
  if (format !== '1') {
    const rows = readSealRows(tables[3]);
    if (typeof rows === 'string') return fail(rows);
    const digest = cellText(meta.get(normalize(SEAL_DIGEST_LABEL))?.value ?? null).toLowerCase();
    if (digest !== sealDigest(rows.map((r) => r.code)))
      return fail(
        `${UPWARD_SHEETS.meta}：${SEAL_DIGEST_LABEL}与"${UPWARD_SHEETS.seal}"工作表所列的校验码不符，请对方重新生成报送`,
      );
    seal = { rows, digest };
  }

  return {
    ok: true,
    submission: {
      ...identity,
      quarter: range.quarter,
      generated: text('generated'),
      tool: text('tool'),
      hash,
      figures,
      seal,
    },
  };
}

/** The 校验码 sheet's rows (canonical cells, in SEAL_HEADER's order) as sealed entries. */
function readSealRows(table: UpwardTable): SealRow[] | string {
  const out: SealRow[] = [];
  for (const [i, row] of table.rows.entries()) {
    const cell = (c: number): UpwardCell => row[c] ?? '';
    const str = (c: number) => String(cell(c));
    const code = parseSealCode(str(10));
    const points = cell(5);
    if (
      !code ||
      code !== str(10) ||
      typeof points !== 'number' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(str(2))
    )
      return `"${table.name}"第${i + 1}条记录（${str(1)} ${str(2)}）的校验码、日期或分值不对，请对方重新生成报送`;
    out.push({
      memberId: str(0),
      name: str(1),
      date: str(2),
      rule: str(3),
      item: str(4),
      points,
      status: str(6),
      note: str(7),
      verified: str(8),
      correction: str(9),
      code,
      key: str(11),
    });
  }
  return out;
}

const fail = (message: string): ReadSubmission => ({ ok: false, message });

function label(key: FigureKey): string {
  return FIGURES.find((f) => f.key === key)!.label;
}

/** 项目/值 rows below their header: by normalised 项目, with the Excel row. */
function readPairs(
  sheet: SheetData,
  header: readonly string[],
): Map<string, { value: CellValue; row: number }> | string {
  const at = headerIndex(sheet.rows, header);
  if (at < 0) return `"${sheet.name}"工作表找不到表头（${header.join('、')}）`;
  const pairs = new Map<string, { value: CellValue; row: number }>();
  const origin = sheet.origin?.row ?? 1;
  for (let r = at + 1; r < sheet.rows.length; r++) {
    const key = normalize(cellText(sheet.rows[r]?.[0] ?? null));
    if (key && !pairs.has(key))
      pairs.set(key, { value: sheet.rows[r][1] ?? null, row: origin + r });
  }
  return pairs;
}

/** The row (within the first ten) that holds exactly the contract's header, or -1. */
function headerIndex(rows: readonly CellValue[][], header: readonly string[]): number {
  const want = header.map(normalize);
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const row = rows[r] ?? [];
    if (want.every((h, c) => normalize(cellText(row[c] ?? null)) === h)) return r;
  }
  return -1;
}

function readFigures(table: UpwardTable): UnitFigures | string {
  const values = new Map(table.rows.map((r) => [normalize(String(r[0])), r[1]]));
  const figures = {} as UnitFigures;
  for (const { key, label } of FIGURES) {
    const value = values.get(normalize(label));
    if (value === undefined) return `"${table.name}"缺少"${label}"一行`;
    if (value === NOT_COUNTED) figures[key] = null;
    else if (typeof value === 'number' && Number.isFinite(value)) figures[key] = value;
    else return `"${table.name}"的"${label}"应为数字或"${NOT_COUNTED}"，实为"${value}"`;
  }
  return figures;
}

// ---------------------------------------------------------------- consolidation

/** A report and where it came from (a file, or a file's attachment), as the clerk names it. */
export interface Candidate {
  source: string;
  submission: Submission;
}

/** A report read but not counted, or one that gave way to a newer one. */
export interface CountyNote {
  source: string;
  kind: 'skipped' | 'replaced' | 'repeated' | 'unlisted' | 'same-time' | 'earlier' | 'seal';
  message: string;
}

export interface CountyUnit {
  unit: string;
  source: string;
  submission: Submission;
  /** Earlier reports of the unit that this one replaced (sources). */
  replaced: string[];
  /** On the --units list (always true without a list). */
  listed: boolean;
  /**
   * The unit's earlier quarters' reports (given beside this one) against this one's 校验码
   * sheet: entries since changed, deleted or back-dated (补录), and corrections. Null where
   * no earlier report with codes was given, or this one has none (format 1).
   */
  seal: SealVerification | null;
}

export interface Consolidation {
  quarter: string;
  start: IsoDate;
  end: IsoDate;
  units: CountyUnit[];
  /** Sums over the units; null where no unit has the figure. */
  totals: UnitFigures;
  /** Figures some units left 未统计: their totals cover the others only (null: none counted). */
  partial: FigureKey[];
  /** Units on the list that sent no report for the quarter. */
  missing: string[];
  expected: number | null;
  notes: CountyNote[];
}

/**
 * Keeps the newest report of each unit for the quarter (by 生成时间; the same data sent twice
 * counts once), adds the figures up and lists the units of `expected` that did not report.
 */
export function consolidate(
  candidates: readonly Candidate[],
  quarter: string,
  expected: readonly string[] | null = null,
): Consolidation {
  const range = quarterRange(quarter);
  if (!range) throw new RangeError(`季度"${quarter}"的格式不对，应如 2026Q3`);
  const notes: CountyNote[] = [];
  const byUnit = new Map<string, Candidate[]>();
  const earlier = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.submission.quarter < range.quarter) {
      const key = normalize(c.submission.unit);
      earlier.set(key, [...(earlier.get(key) ?? []), c]);
      notes.push({
        source: c.source,
        kind: 'earlier',
        message: c.submission.seal
          ? `是 ${c.submission.unit} ${c.submission.quarter} 的汇总，不计入 ${range.quarter}；用于核对该单位此前报送的记录`
          : `是 ${c.submission.unit} ${c.submission.quarter} 的汇总（格式版本 1，没有校验码），不计入 ${range.quarter}，也无法用于核对`,
      });
      continue;
    }
    if (c.submission.quarter !== range.quarter) {
      notes.push({
        source: c.source,
        kind: 'skipped',
        message: `是 ${c.submission.unit} ${c.submission.quarter} 的汇总，不是 ${range.quarter} 的，未计入`,
      });
      continue;
    }
    const key = normalize(c.submission.unit);
    byUnit.set(key, [...(byUnit.get(key) ?? []), c]);
  }

  const listedKeys = expected ? new Map(expected.map((u, i) => [normalize(u), i])) : null;
  const units: CountyUnit[] = [];
  for (const group of byUnit.values()) {
    const sorted = [...group].sort(
      (a, b) => Date.parse(a.submission.generated) - Date.parse(b.submission.generated),
    );
    const newest = sorted[sorted.length - 1];
    const replaced: string[] = [];
    for (const older of sorted.slice(0, -1)) {
      const same = older.submission.hash === newest.submission.hash;
      const tie =
        !same && Date.parse(older.submission.generated) === Date.parse(newest.submission.generated);
      notes.push({
        source: older.source,
        kind: same ? 'repeated' : tie ? 'same-time' : 'replaced',
        message: same
          ? `与 ${newest.source} 内容相同（${newest.submission.unit} 重复报送），只计一次`
          : tie
            ? `与 ${newest.source} 生成时间相同而内容不同，无法判断哪份为准；暂计 ${newest.source}，请与 ${newest.submission.unit} 核实`
            : `${newest.submission.unit} 的这份汇总（生成于 ${older.submission.generated}）已被 ${newest.source}（生成于 ${newest.submission.generated}）更正替换`,
      });
      if (!same) replaced.push(older.source);
    }
    const listed = !listedKeys || listedKeys.has(normalize(newest.submission.unit));
    if (!listed)
      notes.push({
        source: newest.source,
        kind: 'unlisted',
        message: `${newest.submission.unit} 不在单位名单中，已计入；请核对名单或单位名称`,
      });
    const seal = sealAgainstEarlier(newest, earlier.get(normalize(newest.submission.unit)) ?? []);
    if (seal)
      for (const change of [...seal.changed, ...seal.deleted, ...seal.added, ...seal.corrected])
        notes.push({
          source: newest.source,
          kind: 'seal',
          message: `${newest.submission.unit} ${change.line}`,
        });
    units.push({
      unit: newest.submission.unit,
      source: newest.source,
      submission: newest.submission,
      replaced,
      listed,
      seal,
    });
  }

  const order = (u: CountyUnit) => listedKeys?.get(normalize(u.unit)) ?? Number.MAX_SAFE_INTEGER;
  units.sort((a, b) => order(a) - order(b) || a.unit.localeCompare(b.unit, 'zh-CN'));
  const reported = new Set(units.map((u) => normalize(u.unit)));
  const { totals, partial } = addUp(units.map((u) => u.submission.figures));
  return {
    quarter: range.quarter,
    start: range.start,
    end: range.end,
    units,
    totals,
    partial,
    missing: (expected ?? []).filter((u) => !reported.has(normalize(u))),
    expected: expected ? expected.length : null,
    notes,
  };
}

/** The unit's earlier reports against the codes it reports now (seal.ts). */
function sealAgainstEarlier(
  newest: Candidate,
  earlier: readonly Candidate[],
): SealVerification | null {
  const now = newest.submission.seal;
  const before = earlier.filter((c) => c.submission.seal !== null);
  if (!now || before.length === 0) return null;
  return verifySealRows(
    now.rows,
    before.map((c) => ({
      source: c.source,
      unit: c.submission.unit,
      quarter: c.submission.quarter,
      end: c.submission.end,
      generated: c.submission.generated,
      rows: c.submission.seal!.rows,
    })),
  );
}

/** Units whose earlier reported entries were changed, deleted or back-dated. */
export function sealTrouble(consolidation: Consolidation): CountyUnit[] {
  return consolidation.units.filter((u) => u.seal !== null && sealBroken(u.seal));
}

function addUp(all: readonly UnitFigures[]): { totals: UnitFigures; partial: FigureKey[] } {
  const totals = {} as UnitFigures;
  const partial: FigureKey[] = [];
  for (const { key } of FIGURES) {
    const known = all.map((f) => f[key]).filter((v): v is number => v !== null);
    totals[key] = known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
    if (known.length < all.length) partial.push(key);
  }
  return { totals, partial };
}

// ---------------------------------------------------------------- the list of units

export const UNIT_LIST_HEADERS = ['单位名称', '单位', '名称'] as const;

/**
 * The units expected to report, from the first sheet of a list workbook that has a 单位名称
 * (or 单位, 名称) column within its first ten rows. A name listed twice is kept once and said.
 */
export function unitList(
  sheets: readonly SheetData[],
): { units: string[]; notes: string[] } | { error: string } {
  const wanted = UNIT_LIST_HEADERS.map(normalize);
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
      const row = sheet.rows[r] ?? [];
      const col = wanted
        .map((h) => row.findIndex((c) => normalize(cellText(c ?? null)) === h))
        .find((c) => c >= 0);
      if (col === undefined) continue;
      const units: string[] = [];
      const notes: string[] = [];
      const seen = new Map<string, number>();
      const origin = sheet.origin?.row ?? 1;
      for (let i = r + 1; i < sheet.rows.length; i++) {
        const name = cellText(sheet.rows[i]?.[col] ?? null);
        if (!name) continue;
        const first = seen.get(normalize(name));
        if (first !== undefined)
          notes.push(`${sheet.name} 第${origin + i}行：单位"${name}"与第${first}行重复，只算一个`);
        else {
          seen.set(normalize(name), origin + i);
          units.push(name);
        }
      }
      return { units, notes };
    }
  }
  return { error: `找不到"单位名称"列：请在第一行写表头"单位名称"，每行一个单位` };
}
