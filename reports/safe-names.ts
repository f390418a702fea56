// What clerks typed (a unit's or a member's name) on its way into a mail header or a file
// name: the one place that decides what may pass. A right-to-left override (U+202E) makes
// "记分卡\u202Efdp.exe" read as "记分卡exe.pdf"; a line break in a header starts another
// header; controls and zero-width characters are unseen, so nobody can check them.
import sanitize from 'sanitize-filename';

const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// C0 and C1 controls, bidi marks, embeddings, overrides and isolates, zero-width characters,
// the BOM. Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** One line of what is seen: line breaks become spaces, unseen characters go. */
export function headerText(text: string): string {
  return text.normalize('NFC').replace(BREAKS, ' ').replace(UNSEEN, '').replace(/\s+/g, ' ').trim();
}

/**
 * A file name safe on Windows, macOS and Linux: headerText, then sanitize-filename drops
 * separators, reserved characters and names. A name made only of replaced characters says
 * nothing: the fallback is used instead.
 */
export function safeFileName(name: string, fallback = '未命名'): string {
  const cleaned = sanitize(headerText(name), { replacement: '_' });
  return cleaned.replace(/[_.\s]/g, '') ? cleaned : fallback;
}

/**
 * A part of a file name (a member's name in a card's file name): headerText, then only
 * letters, digits (any script) and - _ ( ) ·; anything else (path separators, quotes, <>, =,
 * emoji) becomes _. Runs of _ collapse, and the part is cut to `max` characters so a long
 * name still leaves a usable file name.
 */
export function safePart(text: string, max = 40): string {
  const cleaned = Array.from(headerText(text))
    .map((ch) => (/^[\p{L}\p{N}\-_()·]$/u.test(ch) ? ch : '_'))
    .join('')
    .replace(/_+/g, '_')
    .replace(/^[_.]+|[_.]+$/g, '');
  return Array.from(cleaned).slice(0, max).join('') || '_';
}
