// File names built from what clerks typed (unit and member names) must be safe on Windows,
// macOS and Linux: sanitize-filename drops separators, reserved characters and names.
import sanitize from 'sanitize-filename';

export function safeFileName(name: string, fallback = '未命名'): string {
  const cleaned = sanitize(name.normalize('NFC').replace(/\s+/g, ' ').trim(), { replacement: '_' });
  // A name made only of replaced characters says nothing: use the fallback instead.
  return cleaned.replace(/[_.\s]/g, '') ? cleaned : fallback;
}
