// What a command pays for at start: `twelve score` reads the workbook with our own reader and
// must not load exceljs (it doubled the time of a score run); help loads no library at all.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../reports/paths.js';

function loaded(args: string[]): { code: number; packages: string[] } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'test/helpers/loaded-modules.ts'), ...args],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe('modules a command loads', () => {
  it('twelve score reads the sample without exceljs', () => {
    const run = loaded(['score']);
    expect(run.code).toBeLessThan(2);
    expect(run.packages).not.toContain('exceljs');
  }, 60_000);

  it('twelve score --help loads neither exceljs nor the browser driver', () => {
    const run = loaded(['score', '--help']);
    expect(run.code).toBe(0);
    expect(run.packages).not.toContain('exceljs');
    expect(run.packages).not.toContain('puppeteer-core');
  }, 60_000);
});
