// Every file of the malformed corpus (scripts/malformed-corpus.ts) ends, within seconds, in a
// result or in one Chinese line with exit 2: never a hang, a stack trace, an English fragment,
// a non-finite number, a problem without its sheet, or a changed input file.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { malformedCorpus } from '../scripts/malformed-corpus.js';
import { tempDir } from './helpers/workbook.js';

/** Words a library's message would bring; none of ours has them. */
export const ENGLISH =
  /\b(error|invalid|unexpected|cannot|failed|undefined|null|stack|ENOENT|stream|crc|entry|at \S+ \()/i;

export async function runScore(file: string, limitMs = 5000) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({ write: (chunk, _enc, cb) => (f(String(chunk)), cb()) });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>(
    (resolve) => (timer = setTimeout(() => resolve('hang'), limitMs)),
  );
  const started = performance.now();
  const code = await Promise.race([
    main(
      ['score', file, '--json', '--as-of', '2026-11-24'],
      sink((s) => (out += s)),
      sink((s) => (err += s)),
    ),
    hang,
  ]);
  clearTimeout(timer);
  return { code, out, err, ms: performance.now() - started };
}

/** Checks a --json result: finite numbers only, every problem placed on a sheet (and a cell). */
export function checkResult(json: string): void {
  const result = JSON.parse(json) as {
    members: { balance: number }[];
    problems: { sheet: string; row: number | null; column: string | null; message: string }[];
  };
  const numbers: number[] = [];
  JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && numbers.push(v), v));
  for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
  for (const m of result.members) expect(Number.isSafeInteger(m.balance)).toBe(true);
  for (const p of result.problems) {
    expect(p.sheet).toBeTruthy();
    if (p.row !== null) {
      expect(Number.isInteger(p.row)).toBe(true);
      expect(p.column === null || typeof p.column === 'string').toBe(true);
    }
    expect(p.message).not.toMatch(ENGLISH);
  }
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the malformed corpus', () => {
  const corpus = malformedCorpus();
  const dir = tempDir('twelve-malformed-');

  it('has at least 30 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  for (const entry of corpus) {
    it(`${entry.name}: ${entry.expect === 'refused' ? 'one Chinese line, exit 2' : 'a result'}`, async () => {
      const file = path.join(dir, entry.name);
      writeFileSync(file, entry.bytes);
      const before = hash(file);
      const limit = entry.limitMs ?? 5000;
      const { code, out, err, ms } = await runScore(file, limit);
      expect(code).not.toBe('hang');
      expect(ms).toBeLessThan(limit);
      if (entry.expect === 'refused') {
        expect(code).toBe(2);
        expect(out).toBe('');
        expect(err.trimEnd().split('\n')).toHaveLength(1);
        expect(err).toMatch(/^错误：/);
        expect(err).toContain(entry.name);
        expect(err.replaceAll(entry.name, '')).not.toMatch(ENGLISH);
        if (entry.says) expect(err).toMatch(entry.says);
      } else {
        expect([0, 1]).toContain(code);
        checkResult(out);
        if (entry.says) expect(out).toMatch(entry.says);
      }
      expect(hash(file)).toBe(before);
    }, 40_000);
  }
});
