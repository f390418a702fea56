// `npm run sample:make` rewrites the committed sample: the same content must give the same
// bytes, or git shows the sample modified after every run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { sampleUnit } from '../scripts/sample-unit.js';
import { writeUnitXlsx } from '../scripts/write-unit.js';
import { tempDir } from './helpers/workbook.js';

it('writes the sample byte for byte the same, a second later too', async () => {
  const created = new Date(Date.UTC(2026, 10, 24));
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  const first = path.join(tempDir(), 'a.xlsx');
  const second = path.join(tempDir(), 'b.xlsx');
  await writeUnitXlsx(sampleUnit().sheets, first, { created });
  await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have 2 s steps
  await writeUnitXlsx(sampleUnit().sheets, second, { created });
  expect(sha(second)).toBe(sha(first));
});
