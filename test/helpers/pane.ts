// Test helper: the built task pane in headless Chromium with the fake Office/Excel behind it.
// The pane is built into a temp folder; office.js (the local copy the build serves) is answered
// with the fake, seeded with the given sheets; every request outside the pane's origin is
// refused and listed. Shared by test/addin-e2e.test.ts and test/addin-print-e2e.test.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer';
import { buildAddin, LOCAL_OFFICE_JS } from '../../scripts/build-addin.js';
import type { Scalar } from '../fake-excel/fake-excel.js';
import type { SeedSheet } from '../fake-excel/seed.js';
import { tempDir } from './workbook.js';

/** Builds the pane into a temp folder; returns the folder. */
export function buildPane(prefix: string): Promise<string> {
  return buildAddin({ outDir: path.join(tempDir(prefix), 'dist') });
}

/** The fake office.js (test/fake-excel/browser-office.ts) as one script. */
export async function fakeOfficeScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [path.resolve('test/fake-excel/browser-office.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: ['es2017', 'edge18'],
  });
  return bundle.outputFiles[0].text;
}

/** The built pane and nothing else, as the dev server or any plain web server gives it. */
export async function staticServer(
  outDir: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = path.join(outDir, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
      return;
    }
    const type = file.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : file.endsWith('.css')
        ? 'text/css'
        : file.endsWith('.png')
          ? 'image/png'
          : 'text/javascript';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // Chromium keeps its connections alive
      }),
  };
}

export interface OpenOptions {
  /** Set on window before the fake office.js runs (__fakeOptions, __fakeHost, …). */
  globals?: Record<string, unknown>;
  /** office.js answers 404, as where the CDN is blocked and there is no local copy. */
  noOfficeJs?: boolean;
  /** The origin's `/` is the web page of `twelve serve`. */
  webPage?: boolean;
  /** The real office.js (the local copy from @microsoft/office-js), not the fake. */
  realOfficeJs?: boolean;
  /** Trident (IE11) has no fetch: the page is opened without it. */
  noFetch?: boolean;
  /** Runs on the new tab before it loads the page. */
  before?: (tab: Page) => Promise<unknown>;
  /** Default 380 × 820, a task pane's size. */
  viewport?: { width: number; height: number };
}

export interface OpenedPane {
  page: Page;
  /** Outside requests refused. */
  blocked: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/** Opens `file` of the pane served at `origin`, office.js answered by `fakeOffice`. */
export async function openPane(
  browser: Browser,
  origin: string,
  fakeOffice: string,
  file: string,
  sheets: SeedSheet[],
  options: OpenOptions = {},
): Promise<OpenedPane> {
  const page = await browser.newPage();
  await options.before?.(page);
  await page.setViewport(options.viewport ?? { width: 380, height: 820 });
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  if (options.noFetch)
    await page.evaluateOnNewDocument(() => {
      delete (window as { fetch?: unknown }).fetch;
    });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === `${origin}/${LOCAL_OFFICE_JS}` && !options.realOfficeJs) {
      const globals = Object.entries({ __fakeSeed: sheets, ...options.globals })
        .map(([k, v]) => `window.${k} = ${JSON.stringify(v)};`)
        .join('\n');
      if (options.noOfficeJs) void request.respond({ status: 404, body: '' });
      else
        void request.respond({
          status: 200,
          contentType: 'text/javascript',
          body: `${globals}\n${fakeOffice}`,
        });
    } else if (url === `${origin}/` && options.webPage) {
      void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>十二分制记分 · 工作台</title>',
      });
    } else if (url.startsWith(origin) || url.startsWith('data:')) {
      void request.continue();
    } else {
      blocked.push(url);
      void request.abort();
    }
  });
  await page.goto(`${origin}/${file}`, { waitUntil: 'load' });
  return { page, blocked, errors };
}

/** The fake workbook's sheet as written. */
export const fakeTable = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (window as never as { __fakeState: { table(n: string): Scalar[][] } }).__fakeState.table(n),
    name,
  );

/** Clicks 检查并评分 as of `asOf` and waits until the pane says it is done. */
export async function scorePane(page: Page, asOf: string): Promise<void> {
  await page.waitForFunction(
    () => !(document.querySelector('#score') as HTMLButtonElement).disabled,
  );
  await page.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), asOf);
  await page.click('#score');
  await page.waitForFunction(() =>
    document.querySelector('#status')!.textContent!.includes('已完成'),
  );
}
