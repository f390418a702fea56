// Reads a PDF back as lines of text with their pages, from the positions pdfjs reports: what
// a person sees on each printed line. Text on one baseline is one line, left to right.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** Every line of the page, whitespace removed, top to bottom. */
  lines: string[];
  /** The page's text in reading order, whitespace removed. */
  text: string;
}

export async function pdfLayout(data: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const items: { x: number; y: number; str: string }[] = [];
    for (const item of content.items)
      if ('str' in item && item.str.trim())
        items.push({ x: item.transform[4], y: item.transform[5], str: item.str });
    const rows: { y: number; parts: { x: number; str: string }[] }[] = [];
    for (const item of items) {
      const row = rows.find((r) => Math.abs(r.y - item.y) < 2);
      if (row) row.parts.push(item);
      else rows.push({ y: item.y, parts: [item] });
    }
    rows.sort((a, b) => b.y - a.y);
    pages.push({
      lines: rows.map((r) =>
        squash(
          r.parts
            .sort((a, b) => a.x - b.x)
            .map((p) => p.str)
            .join(''),
        ),
      ),
      text: squash(items.map((it) => it.str).join('')),
    });
  }
  await doc.destroy();
  return pages;
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
export const squash = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');

/**
 * Terms that a page shows but never whole on one line: each was wrapped inside itself (a
 * name, a branch, a header, "单位主要负责人"). Running prose (`prose`: paragraphs, facts)
 * wraps between any two characters as Chinese text does, and is left out.
 */
export function wrappedTerms(
  page: PdfPage,
  terms: Iterable<string>,
  prose: Iterable<string> = [],
): string[] {
  const paragraphs = [...prose].map(squash).filter(Boolean);
  let text = page.text;
  for (const p of paragraphs) text = text.split(p).join('|');
  // A line of prose is long; a short line ("警示") is a cell's, even where prose has it too.
  const lines = page.lines.filter(
    (line) => line.length < 8 || !paragraphs.some((p) => p.includes(line)),
  );
  const wrapped: string[] = [];
  for (const term of new Set(terms)) {
    const t = squash(term);
    if (!t) continue;
    const onLines = lines.reduce((n, line) => n + count(line, t), 0);
    if (count(text, t) > onLines) wrapped.push(term);
  }
  return wrapped;
}
