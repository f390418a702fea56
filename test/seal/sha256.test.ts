// The Node adapters hash the seal with node:crypto (reports/sha256.ts) while the pane and the web
// page keep js-sha256: a 校验码 printed on a paper card must be the same whichever computed it.
import { sha256 } from 'js-sha256';
import { describe, expect, it } from 'vitest';
import { parseWorkbook, sealCode, sealRow, verifySeal } from '../../core/index.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { nodeSha256 } from '../../reports/sha256.js';

describe('the seal hashed by node:crypto', () => {
  it('gives the digest js-sha256 gives, for ASCII, Chinese, astral and empty text', () => {
    const texts = [
      '',
      'abc',
      '张三 A1 违反规定',
      '𠮷野家 😀 \u200d',
      'x'.repeat(1000),
      '\u0000\n\t',
    ];
    for (const t of texts) expect(nodeSha256(t)).toBe(sha256(t));
  });

  it('gives every entry of the sample the 校验码 js-sha256 gives, and the same verification', async () => {
    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    const unit = parsed.settings.unitName;
    expect(parsed.entries.length).toBeGreaterThan(10);
    for (const e of parsed.entries) expect(sealCode(unit, e, nodeSha256)).toBe(sealCode(unit, e));
    const report = {
      source: 'test',
      unit,
      quarter: '2026Q4',
      end: '2026-12-31',
      generated: '2026-12-31T00:00:00Z',
      rows: parsed.entries.map((e) => sealRow(unit, e)),
    };
    const v = verifySeal(unit, parsed.entries, [report], nodeSha256);
    expect(v.unchanged).toBe(parsed.entries.length);
    expect(v.changed.length + v.deleted.length + v.added.length).toBe(0);
  });
});
