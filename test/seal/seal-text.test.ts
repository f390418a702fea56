// The 校验码 is a hash of sealText: built by hand for speed (issue 19's 100,000-entry verify), it
// must stay byte for byte the JSON.stringify formula the codes on paper cards were made with.
import { describe, expect, it } from 'vitest';
import { parseWorkbook, sealCode, sealRows, type Entry } from '../../core/index.js';
import { sealText } from '../../core/seal.js';
import { normalize } from '../../core/text.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';

/** The formula as first written (core/seal.ts before the hand-built text). */
function formula(unit: string, entry: Entry): string {
  const facts = (t: string) => t.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return JSON.stringify([
    'twelve-seal-1',
    normalize(unit),
    normalize(entry.member.id ?? entry.member.name),
    entry.date,
    normalize(entry.rule.code),
    normalize(entry.variantText || entry.rule.variant || ''),
    entry.points,
    entry.verification,
    facts(entry.note),
  ]);
}

describe('the text a 校验码 is taken of', () => {
  it('is the JSON.stringify formula for every entry of the sample and for text JSON escapes', async () => {
    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    const unit = parsed.settings.unitName;
    for (const e of parsed.entries) expect(sealText(unit, e)).toBe(formula(unit, e));

    const e = parsed.entries[0];
    const odd = [
      '引号"与\\反斜杠',
      '控制\u0001字符\u001f',
      '孤立代理\ud800项',
      '𠮷野家 😀',
      '全角ＡＢＣ１２３　空格\n换行\t制表',
      '',
      'ascii only',
      '\u2028\u2029',
    ];
    const variants: Entry[] = [];
    for (const text of odd) {
      variants.push({ ...e, note: text });
      variants.push({ ...e, variantText: text });
      variants.push({ ...e, member: { ...e.member, id: text || null, name: `张${text}` } });
      variants.push({ ...e, rule: { ...e.rule, code: text || 'A1' } });
    }
    for (const points of [0, -0, 1.5, -12, 1e21, 1e-7, NaN, Infinity])
      variants.push({ ...e, points });
    for (const v of variants) {
      expect(sealText(`单位"${odd[1]}`, v)).toBe(formula(`单位"${odd[1]}`, v));
      expect(sealText(unit, v)).toBe(formula(unit, v));
    }
    // Many entries sealed in one call share their memos; each gives what it gives alone.
    const rows = sealRows(unit, [...variants, ...parsed.entries]);
    rows.forEach((row, i) =>
      expect(row.code).toBe(sealCode(unit, [...variants, ...parsed.entries][i])),
    );
  });
});
