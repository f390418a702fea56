// Writes the rendered notice cards: one file per card, named so a re-run replaces it, and the
// merged file for printing.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { noticeFileName, writeFileAtomic } from './files.js';
import type { RenderedNotice } from './notice-batch.js';

export const NOTICE_DIR = '记分告知卡';

export function mergedNoticeName(since: string | null, until: string): string {
  return `记分告知卡-合并打印-${since ?? '起始'}至${until}.pdf`;
}

export function writeNotices(
  outDir: string,
  rendered: RenderedNotice[],
  merged: Buffer | null,
  mergedName: string,
): { files: string[]; merged: string | null } {
  const dir = path.join(outDir, NOTICE_DIR);
  const existing = existsSync(dir) ? readdirSync(dir) : [];
  const files = rendered.map(({ card, pdf }) => {
    const name = noticeFileName(card);
    const file = path.join(dir, name);
    writeFileAtomic(file, pdf);
    // A card is its ledger row: after the clerk corrects a name or a date on that row, the
    // card printed before under the old name is stale, and would otherwise stay beside it.
    const row = `-${card.row}.pdf`;
    for (const old of existing)
      if (old !== name && old.startsWith('记分告知卡-') && old.endsWith(row))
        rmSync(path.join(dir, old), { force: true });
    return file;
  });
  let mergedFile: string | null = null;
  if (merged) {
    mergedFile = path.join(outDir, mergedName);
    writeFileAtomic(mergedFile, merged);
  }
  return { files, merged: mergedFile };
}
