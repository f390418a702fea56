// Golden test: the sample workbook scored as of 2026-11-24 against the reviewed expected result
// kept beside it (samples/示例台账.score.json). After a reviewed change to the rules or the sample,
// regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts and read the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../core/index.js';
import { scoreJson } from '../reports/print/score-json.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { readWorkbook } from '../reports/read-workbook.js';

const GOLDEN = SAMPLE_WORKBOOK.replace(/\.xlsx$/, '.score.json');

describe('the sample workbook', () => {
  it('scores exactly as the reviewed expected file says', async () => {
    const actual = scoreJson(scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), '2026-11-24'));
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
