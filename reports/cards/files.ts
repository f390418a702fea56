// File names built from what clerks typed, and writes that never leave a half-written file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileAccessError } from '../file-errors.js';

/**
 * Keeps letters, digits (any script) and - _ . ( ) ·; anything else (path separators, quotes,
 * <>, =, emoji, control characters) becomes _. Runs of _ collapse, and the part is cut to
 * `max` characters so a long name still leaves a usable file name.
 */
export function safePart(text: string, max = 40): string {
  const cleaned = Array.from(text.normalize('NFC'))
    .map((ch) => (/^[\p{L}\p{N}\-_()·]$/u.test(ch) ? ch : '_'))
    .join('')
    .replace(/_+/g, '_')
    .replace(/^[_.]+|[_.]+$/g, '');
  return Array.from(cleaned).slice(0, max).join('') || '_';
}

export function noticeFileName(card: {
  memberId: string;
  memberName: string;
  date: string;
  row: string;
}): string {
  const parts = ['记分告知卡', card.memberId, card.memberName, card.date, card.row];
  return (
    parts
      .filter((p) => p !== '')
      .map((p) => safePart(p))
      .join('-') + '.pdf'
  );
}

/** Writes beside the target, then renames over it: a reader never sees half a file. */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new FileAccessError(error, path.dirname(file), 'write');
  }
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    // Named by the file the clerk asked for, not the temporary one beside it.
    throw new FileAccessError(error, file, 'write');
  }
}
