// Turns card documents into PDF in one browser page that runs no script and reaches no network.
import type { Browser, Page } from 'puppeteer';

const MM = 96 / 25.4;
/** A4 less the @page margins of cards.css (18 mm top, 16 mm bottom): one printed page. */
export const PAGE_BODY_PX = (297 - 18 - 16) * MM;

export interface PdfOptions {
  /** 第 N 页 共 M 页 at the foot of each page (lists that run over pages). */
  pageNumbers?: boolean;
}

/**
 * Printing lays the document out again at the paper size, so a layout on screen is wasted
 * work when nothing is measured (measured: 2.0 -> 0.6 ms/card for the load). Such documents
 * are loaded as screen media with their body hidden there; printing still sees all of it.
 */
const HIDDEN_ON_SCREEN = '<style media="screen">body{display:none}</style></head>';

export class PdfRenderer {
  private media: 'print' | null = 'print';
  private constructor(private readonly page: Page) {}

  static async open(browser: Browser): Promise<PdfRenderer> {
    const page = await browser.newPage();
    // Data never runs: no JavaScript in the page (our own measuring goes through DevTools).
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') void request.continue();
      else void request.abort('blockedbyclient');
    });
    await page.setViewport({ width: Math.round(210 * MM), height: Math.round(297 * MM) });
    await page.emulateMediaType('print');
    return new PdfRenderer(page);
  }

  /** Loads a document laid out as printed, to be measured (`sheetPages`) and then printed. */
  async load(html: string): Promise<void> {
    await this.emulate('print');
    await this.page.setContent(html, { waitUntil: 'load' });
  }

  private async emulate(media: 'print' | null): Promise<void> {
    if (this.media === media) return;
    // Else the document still loaded would be laid out again for the new media, for nothing.
    await this.page.setContent('<!DOCTYPE html><html></html>');
    await this.page.emulateMediaType(media ?? undefined);
    this.media = media;
  }

  /** How many printed pages each `.sheet` of the loaded document takes (normally 1). */
  async sheetPages(): Promise<number[]> {
    const heights = await this.page.$$eval('.sheet', (els) =>
      els.map((el) => el.getBoundingClientRect().height),
    );
    return heights.map((h) => Math.max(1, Math.ceil(h / PAGE_BODY_PX - 0.001)));
  }

  async pdf(options: PdfOptions = {}): Promise<Buffer> {
    const data = await this.page.pdf({
      format: 'A4',
      printBackground: true,
      // An untagged PDF is a fifth of the size and splits faster; cards are printed, not read aloud.
      tagged: false,
      preferCSSPageSize: true,
      displayHeaderFooter: !!options.pageNumbers,
      headerTemplate: '<span></span>',
      footerTemplate: options.pageNumbers
        ? '<div style="width:100%;text-align:center;font-size:9pt;font-family:serif">' +
          '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>'
        : '<span></span>',
    });
    return Buffer.from(data);
  }

  /** One document straight to PDF, with nothing measured on the way. */
  async render(html: string, options: PdfOptions = {}): Promise<Buffer> {
    // No emulation (not 'screen': printing would then use screen styles too).
    await this.emulate(null);
    await this.page.setContent(html.replace('</head>', HIDDEN_ON_SCREEN), { waitUntil: 'load' });
    return this.pdf(options);
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
