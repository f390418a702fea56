// Writes the rendered notice cards: one file per card, named so a re-run replaces it, and the
// merged file for printing.
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
  const files = rendered.map(({ card, pdf }) => {
    const file = path.join(dir, noticeFileName(card));
    writeFileAtomic(file, pdf);
    return file;
  });
  let mergedFile: string | null = null;
  if (merged) {
    mergedFile = path.join(outDir, mergedName);
    writeFileAtomic(mergedFile, merged);
  }
  return { files, merged: mergedFile };
}
