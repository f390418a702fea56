// File names built from what clerks typed, and writes that never leave a half-written file.
import { writeFileAtomic as writeAtomic, type AtomicOptions } from '../atomic-write.js';
import { FileAccessError } from '../file-errors.js';
import { safePart } from '../safe-names.js';

// One rule for every name the tools write (safe-names.ts).
export { safePart };

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
