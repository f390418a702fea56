// Splits one rendered document into one PDF per card, by page counts, and joins PDFs.
import { ParseSpeeds, PDFDocument, type SaveOptions } from 'pdf-lib';

// pdf-lib yields to the event loop (a setTimeout, >= 1 ms in Node) every 50-100 objects while
// parsing and saving; for our many small documents those waits cost more than the work itself
// (measured: split 3.1 -> 0.9 ms/card). Nothing else runs in Node meanwhile that needs the turn.
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
export const SAVE: SaveOptions = { useObjectStreams: false, objectsPerTick: Infinity };

export class SplitMismatchError extends Error {}

/**
 * `pages[i]` pages for card i, in order; their sum must be the document's page count. With
 * `mergeInto`, the document's pages are also appended there, reusing the parse. `titles[i]`
 * names card i's PDF in a viewer.
 */
export async function splitPdf(
  pdf: Uint8Array,
  pages: number[],
  mergeInto?: PDFDocument,
  titles?: string[],
): Promise<Buffer[]> {
  const source = await PDFDocument.load(pdf, LOAD);
  // Merged first: the batch's pages are right even where the per-card counts are not.
  if (mergeInto)
    for (const page of await mergeInto.copyPages(source, source.getPageIndices()))
      mergeInto.addPage(page);
  const total = source.getPageCount();
  const wanted = pages.reduce((a, b) => a + b, 0);
  if (wanted !== total) throw new SplitMismatchError(`expected ${wanted} pages, got ${total}`);
  const out: Buffer[] = [];
  let first = 0;
  for (const [i, count] of pages.entries()) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    if (titles?.[i]) doc.setTitle(titles[i]);
    const indices = Array.from({ length: count }, (_, i) => first + i);
    for (const page of await doc.copyPages(source, indices)) doc.addPage(page);
    out.push(Buffer.from(await doc.save(SAVE)));
    first += count;
  }
  return out;
}

/** One PDF with all pages of the given PDFs, in order (a single PDF is returned as it is). */
export async function joinPdfs(pdfs: Uint8Array[]): Promise<Buffer> {
  if (pdfs.length === 1) return Buffer.from(pdfs[0]);
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const pdf of pdfs) {
    const source = await PDFDocument.load(pdf, LOAD);
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
  }
  return Buffer.from(await doc.save(SAVE));
}
