// The same unit written by each program clerks' workbooks come from (exceljs, openpyxl/pandas,
// xlsxwriter, SheetJS with date and with serial cells, LibreOffice) and re-zipped with its
// parts in other orders: every file scores to the one golden JSON, every time it is read.
// Fixtures: scripts/make-writer-fixtures.ts (committed; CI needs none of those programs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { scoreJson } from '../reports/print/score-json.js';

const DIR = path.join(import.meta.dirname, 'fixtures/writers');
const GOLDEN = path.join(DIR, 'unit.score.json');
const AS_OF = '2026-12-31';
const files = readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));

const scored = async (file: string) =>
  JSON.stringify(
    scoreJson(scoreWorkbook(await readWorkbook(path.join(DIR, file)), AS_OF)),
    null,
    2,
  );

describe('one unit, every writer, every part order', () => {
  const golden = readFileSync(GOLDEN, 'utf8').trimEnd();

  it('covers each writer and part order the issue names', () => {
    for (const f of [
      'exceljs.xlsx',
      'openpyxl.xlsx',
      'xlsxwriter.xlsx',
      'sheetjs-dates.xlsx',
      'sheetjs-serials.xlsx',
      'libreoffice.xlsx',
      'exceljs-reverse.xlsx',
      'exceljs-sheets-first.xlsx',
      'exceljs-strings-last.xlsx',
      'openpyxl-reverse.xlsx',
    ])
      expect(files).toContain(f);
  });

  it('the golden result is the unit as a clerk means it', () => {
    const result = JSON.parse(golden) as ReturnType<typeof scoreJson>;
    const balance = (name: string) => result.members.find((m) => m.name === name)?.balance;
    // 张三: P1 6 + P2 1 + a 2025 wish not completed 3; 李四: W1 通报 6 − J1 2; 孙七: J2 cancels nothing.
    expect([balance('张三'), balance('李四'), balance('王五'), balance('孙七')]).toEqual([
      10, 4, 6, 0,
    ]);
    const messages = result.problems.map((p) => `${p.sheet}|${p.cell ?? ''}|${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^记分台账\|B8\|名册中没有编号"A09"/));
    // The near-miss sheet is named, not dropped without a word.
    expect(messages).toContainEqual(expect.stringMatching(/^设置 \(2\)\|\|/));
  });

  for (const file of files) {
    it(`${file}: the golden JSON, 10 reads out of 10`, async () => {
      for (let run = 0; run < 10; run++) expect(await scored(file)).toBe(golden);
    });
  }
});
