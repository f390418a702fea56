// File names built from what clerks typed, and writes that never leave a half-written file.
import { writeFileAtomic as writeAtomic, type AtomicOptions } from '../atomic-write.js';
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
export function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options?: AtomicOptions,
): void {
  try {
    writeAtomic(file, data, options);
  } catch (error) {
    // Told by the file the clerk asked for (not the temporary one beside it), in Chinese.
    throw new FileAccessError(error, file, 'write');
  }
}
