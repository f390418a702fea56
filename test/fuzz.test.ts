// Bounded fuzzing: cell-level mutations of a valid unit through the core (what either reader
// may hand it), and byte-level mutations of a real .xlsx through the report tool's reader. No
// exception escapes but the two "cannot use this workbook" errors, nothing hangs past 5 s, no
// number is non-finite, every problem names its sheet, and the input file is never changed.
// CI runs FUZZ_RUNS=2600 mutations (2,000 cell-level, 600 byte-level) and a slice of 50 nesting
// and size mutations of XML parts; `npm run fuzz` ten times as many.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  scoreWorkbook,
  UnusableWorkbookError,
  type CellValue,
  type ScoreResult,
  type SheetData,
} from '../core/index.js';
import { readWorkbook, WorkbookFileError } from '../reports/read-workbook.js';
import {
  bookEntries,
  LEDGER,
  ROSTER,
  sheetXml,
  zip,
  type ZipEntry,
} from '../scripts/malformed-corpus.js';
import { tempDir } from './helpers/workbook.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2600);
const CELL_RUNS = Math.round((RUNS * 2000) / 2600);
const BYTE_RUNS = RUNS - CELL_RUNS;
const SHAPE_RUNS = Math.round(RUNS / 52);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const AS_OF = '2026-11-24';
const FIXTURE = path.join(import.meta.dirname, 'fixtures/writers/exceljs.xlsx');

/** mulberry32: the same seed, the same mutations, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: CellValue[] = [
  null,
  '',
  ' ',
  0,
  -1,
  3.5,
  1e10,
  -1e308,
  1e308,
  Number.MAX_SAFE_INTEGER,
  20260305,
  46086.75,
  2958466,
  true,
  false,
  new Date(Number.NaN),
  new Date(Date.UTC(57372, 2, 5)),
  new Date(Date.UTC(1899, 11, 30)),
  new Date(Date.UTC(2026, 2, 5)),
  '#N/A',
  '#REF!',
  '#DIV/0!',
  '张\u200d三',
  '\ufeffA01',
  '李\u00ad四',
  '王五\u202c',
  '2026-13-45',
  '2026年2月30日',
  '0000-01-01',
  '9999-12-31',
  '6分',
  '－２',
  '1e999',
  'NaN',
  'Infinity',
  '已认定',
  '待核实',
  'P1',
  'J2',
  'R2',
  '三会一课',
  '无故缺席',
  '请假',
  '在册',
  '转出',
  '每年',
  '是',
  '记分台账',
  '姓名',
  '日期',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  '=1+1',
];

function unit(): SheetData[] {
  return [
    { name: '党员名册', rows: ROSTER.map((r) => [...r]) },
    {
      name: '记分台账',
      rows: LEDGER.map((r, i) => (i === 0 ? [...r, '告知日期'] : [...r, null])),
    },
    {
      name: '微心愿',
      rows: [
        ['年度', '编号', '姓名', '认领数', '完成数'],
        [2025, 'A01', '张三', 2, 1],
      ],
    },
    {
      name: '记分规则',
      rows: [
        ['代码', '类别', '规范', '情形', '分值', '一次性记满', '需认定', '警示'],
        ['P1', '严肃党内政治生活', '三会一课', '无故缺席', 6, '否', '否', '否'],
        ['J2', '奖励', '招商引资', '', '', '否', '是', '否'],
        ['S1', '服务群众', '微心愿', '', 3, '否', '否', '否'],
      ],
    },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['提醒分值', 6],
        ['每年应认领微心愿数', 2],
        ['清零方式', '每年'],
      ],
    },
  ];
}

/** The result as --json would print it: finite numbers, problems on named sheets. */
function check(result: ScoreResult): void {
  for (const m of result.members) {
    if (!Number.isSafeInteger(m.balance)) throw new Error(`balance ${m.balance}`);
    for (const e of m.entries)
      if (!Number.isFinite(e.points)) throw new Error(`points ${e.points}`);
  }
  const numbers: number[] = [];
  JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && numbers.push(v), v));
  if (numbers.some((n) => !Number.isFinite(n))) throw new Error('a non-finite number');
  for (const p of result.problems) {
    if (!p.sheet || typeof p.message !== 'string' || !p.message) throw new Error('a bare problem');
    if (p.row !== null && !Number.isInteger(p.row)) throw new Error(`row ${p.row}`);
  }
}

describe('fuzz', () => {
  it(
    `${CELL_RUNS} cell-level mutations through the core`,
    () => {
      const next = random(SEED);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
      const failures: string[] = [];
      for (let run = 0; run < CELL_RUNS; run++) {
        const sheets = unit();
        const edits = 1 + Math.floor(next() * 6);
        for (let k = 0; k < edits; k++) {
          const sheet = pick(sheets);
          const r = Math.floor(next() * (sheet.rows.length + 2));
          const c = Math.floor(next() * 10);
          (sheet.rows[r] ??= [])[c] = pick(NASTY);
        }
        if (next() < 0.05)
          sheets.push({ name: pick(['台账', '记分规则表', '设置 (2)', 'Sheet1']), rows: [] });
        if (next() < 0.05)
          sheets[1].merges = [{ top: 2, left: 1, bottom: 1_048_576, right: 16_384 }];
        try {
          check(scoreWorkbook(sheets, AS_OF));
        } catch (error) {
          if (!(error instanceof UnusableWorkbookError))
            failures.push(`run ${run} (seed ${SEED}): ${(error as Error).stack}`);
        }
      }
      expect(failures).toEqual([]);
    },
    60_000 + CELL_RUNS * 20,
  );

  it(
    `${BYTE_RUNS} byte-level mutations through the reader`,
    async () => {
      const next = random(SEED + 1);
      const dir = tempDir('twelve-fuzz-');
      const deflated = readFileSync(FIXTURE);
      const parts = bookEntries({
        sheets: [
          { name: '党员名册', xml: sheetXml(ROSTER) },
          { name: '记分台账', xml: sheetXml(LEDGER, { dateColumn: true, merges: ['C2:C3'] }) },
        ],
      });
      const stored = zip(parts.map((e) => ({ ...e, store: true })));
      const failures: string[] = [];
      for (let run = 0; run < BYTE_RUNS; run++) {
        const mode = run % 3;
        const bytes =
          mode === 0
            ? mutate(deflated, next)
            : mode === 1
              ? mutate(stored, next)
              : mutateParts(parts, next);
        const file = path.join(dir, `m${run % 8}.xlsx`);
        writeFileSync(file, bytes);
        const before = createHash('sha256').update(bytes).digest('hex');
        const outcome = await within(5000, async () =>
          check(scoreWorkbook(await readWorkbook(file), AS_OF)),
        );
        if (
          outcome instanceof Error &&
          !(outcome instanceof WorkbookFileError || outcome instanceof UnusableWorkbookError)
        )
          failures.push(`run ${run} mode ${mode} (seed ${SEED + 1}): ${outcome.stack}`);
        if (outcome instanceof WorkbookFileError && !/^"m\d\.xlsx"/.test(outcome.message))
          failures.push(`run ${run}: message without the file: ${outcome.message}`);
        if (createHash('sha256').update(readFileSync(file)).digest('hex') !== before)
          failures.push(`run ${run}: the input changed`);
      }
      expect(failures).toEqual([]);
    },
    60_000 + BYTE_RUNS * 100,
  );
});

describe('fuzz: the shape of XML (nesting and size)', () => {
  it(
    `${SHAPE_RUNS} nesting and size mutations of XML parts through the reader`,
    async () => {
      const next = random(SEED + 2);
      const dir = tempDir('twelve-fuzz-');
      const parts = bookEntries({
        sheets: [
          { name: '党员名册', xml: sheetXml(ROSTER) },
          { name: '记分台账', xml: sheetXml(LEDGER, { dateColumn: true }) },
        ],
      });
      // [Content_Types].xml is not read: every other part is, and must refuse a deep nesting.
      const read = parts.map((_, i) => i).filter((i) => parts[i].name !== '[Content_Types].xml');
      const failures: string[] = [];
      for (let run = 0; run < SHAPE_RUNS; run++) {
        const i = read[Math.floor(next() * read.length)];
        const { xml, nested } = reshape(parts[i].data as string, next);
        const file = path.join(dir, `s${run % 8}.xlsx`);
        writeFileSync(file, zip(parts.map((e, k) => (k === i ? { ...e, data: xml } : e))));
        const outcome = await within(5000, async () =>
          check(scoreWorkbook(await readWorkbook(file), AS_OF)),
        );
        const where = `run ${run} (seed ${SEED + 2}, ${parts[i].name}, ${nested ?? 'size'})`;
        if (
          outcome instanceof Error &&
          !(outcome instanceof WorkbookFileError || outcome instanceof UnusableWorkbookError)
        )
          failures.push(`${where}: ${outcome.stack}`);
        // Nested past the limit inside the root: refused for its depth, naming file and part.
        if (
          nested !== null &&
          nested > 64 &&
          !(
            outcome instanceof WorkbookFileError &&
            outcome.message.startsWith(`"s${run % 8}.xlsx"`) &&
            outcome.message.includes(`部件 ${parts[i].name} 的 XML 嵌套超过`)
          )
        )
          failures.push(`${where}: not refused for its depth: ${String(outcome)}`);
      }
      expect(failures).toEqual([]);
    },
    60_000 + SHAPE_RUNS * 500,
  );
});

const DEPTHS = [2, 10, 63, 65, 100, 10_000, 1_000_000];

/**
 * One change of shape inside a part's root element: elements nested N deep, a long text, a
 * long attribute, a long name, many attributes or many siblings. `nested` is N, or null.
 */
function reshape(xml: string, next: () => number): { xml: string; nested: number | null } {
  const at = xml.lastIndexOf('</');
  const into = (inner: string) => xml.slice(0, at) + inner + xml.slice(at);
  const kind = Math.floor(next() * 6);
  const n = (max: number) => 1 + Math.floor(next() * max);
  switch (kind) {
    case 0: {
      const depth = DEPTHS[Math.floor(next() * DEPTHS.length)];
      const name = next() < 0.5 ? 'x' : 'c';
      return { xml: into(`<${name}>`.repeat(depth) + `</${name}>`.repeat(depth)), nested: depth };
    }
    case 1:
      return { xml: into(`<x>${'字'.repeat(n(4_000_000))}</x>`), nested: null };
    case 2:
      return { xml: into(`<x a="${'a'.repeat(n(4_000_000))}"/>`), nested: null };
    case 3:
      return { xml: into(`<${'x'.repeat(n(1_000_000))}/>`), nested: null };
    case 4: {
      const count = n(50_000);
      let attrs = '';
      for (let k = 0; k < count; k++) attrs += ` a${k}="${k}"`;
      return { xml: into(`<x${attrs}/>`), nested: null };
    }
    default:
      return { xml: into('<x/>'.repeat(n(1_000_000))), nested: null };
  }
}

/** 1–8 byte flips, insertions, deletions or a truncation. */
function mutate(source: Buffer, next: () => number): Buffer {
  let bytes = Buffer.from(source);
  const edits = 1 + Math.floor(next() * 8);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * bytes.length);
    const kind = next();
    if (kind < 0.6) bytes[at] = Math.floor(next() * 256);
    else if (kind < 0.75)
      bytes = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([Math.floor(next() * 256)]),
        bytes.subarray(at),
      ]);
    else if (kind < 0.9) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
    else bytes = bytes.subarray(0, at);
  }
  return bytes;
}

/** Byte mutations inside one XML part, re-zipped with a correct CRC: the parser sees them. */
function mutateParts(parts: ZipEntry[], next: () => number): Buffer {
  const i = Math.floor(next() * parts.length);
  const data = Buffer.from(parts[i].data as string, 'utf8');
  return zip(parts.map((e, k) => (k === i ? { ...e, data: mutate(data, next) } : e)));
}

/** The promise's outcome (undefined, or what it threw), or a failure once `ms` have passed. */
async function within(ms: number, run: () => Promise<void>): Promise<Error | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Error>(
    (resolve) => (timer = setTimeout(() => resolve(new Error(`hang over ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([
      run().then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
