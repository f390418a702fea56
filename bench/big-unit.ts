// The benchmark workbook: a unit of 5,000 members and 100,000 ledger rows, made once per run.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateUnit } from '../scripts/generate-unit.js';
import { writeUnitXlsx } from '../scripts/write-unit.js';

export const BIG_MEMBERS = 5_000;
export const BIG_ROWS = 100_000;

/** Writes the workbook to the temp folder (reused within a day: it is deterministic). */
export async function bigUnitFile(): Promise<string> {
  const file = path.join(tmpdir(), `twelve-bench-${BIG_MEMBERS}-${BIG_ROWS}.xlsx`);
  if (!existsSync(file)) {
    const unit = generateUnit({
      members: BIG_MEMBERS,
      ledgerRows: BIG_ROWS,
      seed: 7,
      year: 2026,
      withMistakes: true,
    });
    await writeUnitXlsx(unit.sheets, file);
  }
  return file;
}
