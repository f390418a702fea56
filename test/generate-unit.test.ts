// The unit generator the benchmarks use: deterministic, and what it writes reads back as planned.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { generateUnit } from '../scripts/generate-unit.js';
import { writeUnitXlsx } from '../scripts/write-unit.js';
import { tempDir } from './helpers/workbook.js';

const options = { members: 200, ledgerRows: 1500, seed: 42, year: 2026 };

describe('generateUnit', () => {
  it('gives the same unit for the same seed, and another for another seed', () => {
    const a = generateUnit(options);
    expect(generateUnit(options)).toEqual(a);
    expect(generateUnit({ ...options, seed: 43 }).sheets).not.toEqual(a.sheets);
  });

  it('makes members with unique ids, fictional names and example.cn e-mails', () => {
    const { members } = generateUnit(options);
    expect(members).toHaveLength(200);
    expect(new Set(members.map((m) => m.id)).size).toBe(200);
    expect(new Set(members.map((m) => m.email)).size).toBe(200);
    for (const m of members) {
      expect(m.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(m.email).toMatch(/^[a-z]+\d*@example\.cn$/);
    }
  });

  for (const streaming of [false, true]) {
    it(`writes a workbook the reader scores with exactly the planted mistakes (${streaming ? 'streaming' : 'in memory'})`, async () => {
      const unit = generateUnit({ ...options, withMistakes: true });
      const file = path.join(tempDir('twelve-gen-'), 'unit.xlsx');
      await writeUnitXlsx(unit.sheets, file, { streaming });

      const result = scoreWorkbook(await readWorkbook(file), '2026-12-31');
      const errors = result.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.sheet}!${p.row} ${p.column}`);
      expect(unit.mistakes.length).toBeGreaterThanOrEqual(4);
      expect(new Set(unit.mistakes.map((m) => m.kind)).size).toBe(4);
      expect(errors).toEqual(unit.mistakes.map((m) => `${m.sheet}!${m.row} ${m.column}`));
      expect(result.members.length).toBe(unit.members.filter((m) => m.status === '在册').length);
      // Every ledger row but the spoiled ones is valid; wishes add one entry per shortfall.
      const ledgerRows = unit.sheets[1].rows.length - unit.sheets[1].headerRow;
      const ledgerEntries = result.entries.filter((e) => !e.wishes).length;
      expect(ledgerEntries).toBe(ledgerRows - unit.mistakes.length);

      // Excel fidelity: real date cells with a date format, a frozen header, widths.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const ledger = book.getWorksheet('记分台账')!;
      expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ledger.getRow(3).getCell(1).font?.bold).toBe(true);
      expect(ledger.getColumn(8).width).toBeGreaterThan(30);
      const dated = [4, 5, 6, 7, 8].map((r) => ledger.getRow(r).getCell(1));
      const real = dated.filter((c) => c.value instanceof Date);
      expect(real.length).toBeGreaterThanOrEqual(3);
      for (const c of real) expect(c.numFmt).toBe('yyyy-mm-dd');
    });
  }

  it('with no mistakes asked for, gives a workbook with no errors at all', async () => {
    const unit = generateUnit(options);
    const file = path.join(tempDir('twelve-gen-'), 'clean.xlsx');
    await writeUnitXlsx(unit.sheets, file);
    const result = scoreWorkbook(await readWorkbook(file), '2026-12-31');
    expect(unit.mistakes).toEqual([]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // All four levels occur in a unit this size.
    expect(new Set(result.members.map((m) => m.level)).size).toBe(4);
  });
});
