// Every card prints its entry's 校验码 beside the member's signature: the 记分告知卡, the
// 奖励分告知卡 and the card that tells a review's 撤销. Printed by the CLI with real Chromium,
// read back from the PDF.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeCards, parseWorkbook, score, sealCode } from '../../core/index.js';
import { main } from '../../reports/cli.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { captureIo } from '../helpers/io.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/workbook.js';

describe('the 校验码 on the cards', () => {
  it('is printed next to 党员签收 on demerit, reward and review cards', async () => {
    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    const result = score(parsed, '2026-12-04');
    const cards = noticeCards(result, { since: '2026-07-01', until: '2026-07-31' });
    const byKey = new Map(result.entries.map((e) => [e.key, e]));
    const kinds = new Set(
      cards.map((c) => (c.view.withdrawn ? 'review' : c.view.reward ? 'reward' : 'demerit')),
    );
    expect([...kinds].sort()).toEqual(['demerit', 'review', 'reward']);
    for (const card of cards)
      expect(card.view.sealCode).toBe(
        sealCode(parsed.settings.unitName, byKey.get(card.entryKey)!),
      );

    const out = tempDir('seal-cards-');
    const io = captureIo();
    const code = await main(
      [
        'notices',
        SAMPLE_WORKBOOK,
        '--since',
        '2026-07-01',
        '--until',
        '2026-07-31',
        '--as-of',
        '2026-12-04',
        '--out',
        out,
      ],
      io.out,
      io.err,
    );
    expect(code).toBeLessThan(2);
    const merged = io.stdout().match(/合并打印：(.+\.pdf)/)![1];
    const pages = (await pdfPages(readFileSync(path.resolve(merged)))).map(squash);
    expect(pages).toHaveLength(cards.length);
    cards.forEach((card, i) => {
      // The code stands right above the signature line, so the signed copy names it.
      expect(pages[i]).toContain(squash(`校验码：${card.view.sealCode}党员签收：`));
    });
  });
});
