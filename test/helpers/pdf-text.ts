// Reads a PDF back as text, one string per page, the way a person would copy it out. Chromium
// embeds some CJK fonts with look-alike radicals in their text maps: NFKC folds them back.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    pages.push(text.normalize('NFKC').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}

/** What a card's text looks like once whitespace is gone: compare needles the same way. */
export const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
