// The benchmark workbook: a unit of 5,000 members, 100,000 ledger rows, 2,000 meetings in
// 会议签到 and 5,000 talks in 处置记录, made once per run.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateUnit } from '../scripts/generate-unit.js';
import { writeUnitXlsx } from '../scripts/write-unit.js';

export const BIG_MEMBERS = 5_000;
export const BIG_ROWS = 100_000;
export const BIG_MEETINGS = 2_000;
export const BIG_RECORDS = 5_000;
/** The bench's as-of date: the generated year, less its last weeks. */
export const BIG_AS_OF = '2026-11-24';

/** Writes the workbook to the temp folder (reused within a day: it is deterministic). */
export async function bigUnitFile(): Promise<string> {
  const file = path.join(
    tmpdir(),
    `twelve-bench-${BIG_MEMBERS}-${BIG_ROWS}-${BIG_MEETINGS}-${BIG_RECORDS}.xlsx`,
  );
  if (!existsSync(file)) {
    const unit = generateUnit({
      members: BIG_MEMBERS,
      ledgerRows: BIG_ROWS,
      seed: 7,
      year: 2026,
      withMistakes: true,
      followThrough: { meetings: BIG_MEETINGS, records: BIG_RECORDS, asOf: BIG_AS_OF },
    });
    await writeUnitXlsx(unit.sheets, file);
  }
  return file;
}
