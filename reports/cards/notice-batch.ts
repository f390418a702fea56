// Renders many notice cards: a batch of cards per document and per page.pdf() call (one call
// costs ~125 ms whatever its size), then splits each batch into one PDF per card.
import type { NoticeCard } from '../../core/index.js';
import type { CardTemplates } from '../../render/card-html.js';
import type { PdfRenderer } from './renderer.js';
import { PDFDocument } from 'pdf-lib';
import { SAVE, splitPdf, SplitMismatchError } from './split.js';

export interface RenderedNotice {
  card: NoticeCard;
  pdf: Buffer;
}

export interface NoticeBatchOptions {
  /** Cards per page.pdf() call; measured in bench/cards.bench.ts. */
  batchSize?: number;
  /** The cards' HTML, where the caller made it already (to check it before the browser started). */
  fragments?: string[];
  /** Called after each batch with the number of cards done so far. */
  onProgress?: (done: number) => void;
}

export const DEFAULT_BATCH_SIZE = 200;

export async function renderNotices(
  cards: NoticeCard[],
  templates: CardTemplates,
  renderer: PdfRenderer,
  options: NoticeBatchOptions = {},
): Promise<{ cards: RenderedNotice[]; merged: Buffer | null }> {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  // Every fragment first: a template error stops the run before any PDF is made.
  const fragments = options.fragments ?? cards.map((c) => templates.card('notice', c.view));
  // What a PDF viewer shows: the document's name, and the member's for a single card.
  const titles = cards.map((c) => `${c.view.title}（${c.memberName}）`);
  const rendered: (Buffer | null)[] = [];
  let firstPdf: Buffer | null = null;
  // The merged PDF: the one batch as rendered, or the batches joined as they are split.
  const merged = cards.length > size ? await PDFDocument.create({ updateMetadata: false }) : null;
  if (merged && cards.length) merged.setTitle(cards[0].view.title);
  const unsplit: number[] = [];
  let done = 0;
  // Splitting batch i (Node) overlaps with rendering batch i+1 (the browser). A card is one
  // page unless its facts run long; measuring every card costs more than re-doing the rare
  // batch where the page count says one ran over.
  let splitting: Promise<void> = Promise.resolve();
  for (let start = 0; start < cards.length; start += size) {
    const count = Math.min(size, cards.length - start);
    const pdf = await renderer.render(
      templates.document(fragments.slice(start, start + count), cards[start].view.title),
    );
    firstPdf ??= pdf;
    await splitting;
    const batchTitles = titles.slice(start, start + count);
    splitting = splitOrNull(pdf, Array<number>(count).fill(1), merged, batchTitles).then(
      (parts) => {
        if (parts) parts.forEach((part, i) => (rendered[start + i] = part));
        else unsplit.push(start);
        done += count;
        options.onProgress?.(done);
      },
    );
    // Awaited before the next batch; until then a failure must not count as unhandled.
    splitting.catch(() => undefined);
  }
  await splitting;
  for (const start of unsplit) {
    const batch = fragments.slice(start, start + size);
    await renderer.load(templates.document(batch, cards[start].view.title));
    const parts = await splitOrNull(
      await renderer.pdf(),
      await renderer.sheetPages(),
      null,
      titles.slice(start, start + size),
    );
    // Still no match (an unusual template): one document per card, slower but always right.
    for (let i = 0; i < batch.length; i++)
      rendered[start + i] =
        parts?.[i] ?? (await renderer.render(templates.document([batch[i]], titles[start + i])));
  }
  return {
    cards: cards.map((card, i) => ({ card, pdf: rendered[i]! })),
    merged: merged ? Buffer.from(await merged.save(SAVE)) : firstPdf,
  };
}

async function splitOrNull(
  pdf: Buffer,
  pages: number[],
  mergeInto: PDFDocument | null,
  titles: string[],
): Promise<Buffer[] | null> {
  try {
    return await splitPdf(pdf, pages, mergeInto ?? undefined, titles);
  } catch (error) {
    if (error instanceof SplitMismatchError) return null;
    throw error;
  }
}
