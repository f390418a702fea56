// Renders many notice cards: a batch of cards per document and per page.pdf() call (one call
// costs ~125 ms whatever its size), then splits each batch into one PDF per card.
import type { NoticeCard } from '../../core/index.js';
import type { CardTemplates } from './html.js';
import type { PdfRenderer } from './renderer.js';
import { joinPdfs, splitPdf, SplitMismatchError } from './split.js';

export interface RenderedNotice {
  card: NoticeCard;
  pdf: Buffer;
}

export interface NoticeBatchOptions {
  /** Cards per page.pdf() call; measured in bench/cards.bench.ts. */
  batchSize?: number;
  /** Called after each batch with the number of cards done so far. */
  onProgress?: (done: number) => void;
}

export const DEFAULT_BATCH_SIZE = 100;

export async function renderNotices(
  cards: NoticeCard[],
  templates: CardTemplates,
  renderer: PdfRenderer,
  options: NoticeBatchOptions = {},
): Promise<{ cards: RenderedNotice[]; merged: Buffer | null }> {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  // Every fragment first: a template error stops the run before any PDF is made.
  const fragments = cards.map((c) => templates.card('notice', c.view));
  const rendered: (Buffer | null)[] = [];
  const batchPdfs: Buffer[] = [];
  let done = 0;
  // Splitting batch i (Node) overlaps with rendering batch i+1 (the browser).
  let splitting: Promise<void> = Promise.resolve();
  for (let start = 0; start < cards.length; start += size) {
    const batchFragments = fragments.slice(start, start + size);
    await renderer.load(templates.document(batchFragments));
    const pages = await renderer.sheetPages();
    const pdf = await renderer.pdf();
    batchPdfs.push(pdf);
    await splitting;
    splitting = splitOrNull(pdf, pages).then((parts) => {
      for (let i = 0; i < batchFragments.length; i++) rendered[start + i] = parts?.[i] ?? null;
      done += batchFragments.length;
      options.onProgress?.(done);
    });
  }
  await splitting;
  // Where the measured page counts did not match what was printed (an unusual card layout),
  // fall back to one document per card: slower, always right.
  for (let i = 0; i < cards.length; i++)
    rendered[i] ??= await renderer.render(templates.document([fragments[i]]));
  return {
    cards: cards.map((card, i) => ({ card, pdf: rendered[i]! })),
    merged: batchPdfs.length ? await joinPdfs(batchPdfs) : null,
  };
}

async function splitOrNull(pdf: Buffer, pages: number[]): Promise<Buffer[] | null> {
  try {
    return await splitPdf(pdf, pages);
  } catch (error) {
    if (error instanceof SplitMismatchError) return null;
    throw error;
  }
}
