// 打印与报送 and the ribbon command's failures, in the built pane in headless Chromium with the
// fake Office/Excel behind it (office.js's CDN URL answered with the fake, every other outside
// request refused), as test/addin-e2e.test.ts does.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_SERVED } from '../addin/print-section.js';
import { launchBrowser, type LaunchedBrowser } from '../reports/cards/browser.js';
import { loadWorkbook } from '../reports/read-workbook.js';
import { buildAddin, OFFICE_CDN } from '../scripts/build-addin.js';
import type { FakeHost } from './fake-excel/browser-office.js';
import type { FakeOptions, Scalar } from './fake-excel/fake-excel.js';
import { seedSheets, type SeedSheet } from './fake-excel/seed.js';
import { tempDir } from './helpers/workbook.js';

const AS_OF = '2026-11-25';
const SAMPLE = path.resolve('samples', '示例台账.xlsx');

let browser: Browser;
let launched: LaunchedBrowser | undefined;
let outDir: string;
let fakeOffice: string;
let seed: SeedSheet[];

beforeAll(async () => {
  outDir = await buildAddin({ outDir: path.join(tempDir('addin-print-'), 'dist') });
  const bundle = await build({
    entryPoints: [path.resolve('test/fake-excel/browser-office.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: ['es2017', 'edge18'],
  });
  fakeOffice = bundle.outputFiles[0].text;
  seed = seedSheets(await loadWorkbook(SAMPLE));
  launched = await launchBrowser();
  browser = launched.browser;
});

afterAll(async () => {
  await launched?.close();
});

/** The built add-in and nothing else, as the dev server or any plain web server gives it. */
async function staticServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = path.join(outDir, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (!file.startsWith(outDir) || !existsSync(file) || !path.extname(file)) {
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

interface Opened {
  page: Page;
  blocked: string[];
}

/** Opens a built page of `origin` with the fake office.js answering the CDN URL. */
async function open(
  origin: string,
  file: string,
  sheets: SeedSheet[],
  setup: { options?: FakeOptions; host?: FakeHost; noFetch?: boolean } = {},
): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 380, height: 900 });
  const blocked: string[] = [];
  if (setup.noFetch)
    // Trident (IE11) has no fetch: the pane must get by with XMLHttpRequest.
    await page.evaluateOnNewDocument(() => {
      delete (window as { fetch?: unknown }).fetch;
    });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === OFFICE_CDN) {
      const script =
        `window.__fakeSeed = ${JSON.stringify(sheets)};\n` +
        `window.__fakeOptions = ${JSON.stringify(setup.options ?? {})};\n` +
        `window.__fakeHost = ${JSON.stringify(setup.host ?? {})};\n${fakeOffice}`;
      void request.respond({ status: 200, contentType: 'text/javascript', body: script });
    } else if (url.startsWith(origin) || url.startsWith('data:')) {
      void request.continue();
    } else {
      blocked.push(url);
      void request.abort();
    }
  });
  await page.goto(`${origin}/${file}`, { waitUntil: 'load' });
  return { page, blocked };
}

const table = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (window as never as { __fakeState: { table(n: string): Scalar[][] } }).__fakeState.table(n),
    name,
  );

async function scoreIn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(document.querySelector('#score') as HTMLButtonElement).disabled,
  );
  await page.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), AS_OF);
  await page.click('#score');
  await page.waitForFunction(() =>
    document.querySelector('#status')!.textContent!.includes('已完成'),
  );
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).innerText);

describe('打印与报送 where the pane is not served by twelve serve', () => {
  it('says in one Chinese sentence how to get it, and scoring still works', async () => {
    const server = await staticServer();
    try {
      const { page, blocked } = await open(server.origin, 'taskpane.html', seed);
      await page.waitForFunction(
        (s) => document.querySelector('#print .print-note')?.textContent === s,
        {},
        NOT_SERVED,
      );
      expect(NOT_SERVED.match(/[。！？]/g) ?? []).toHaveLength(1);
      expect(NOT_SERVED).toContain('twelve serve');
      expect(await page.$eval('#print .print-forms', (el) => (el as HTMLElement).hidden)).toBe(
        true,
      );
      await scoreIn(page);
      expect(await text(page, '#summary')).toContain('在册党员');
      expect((await table(page, '积分汇总')).length).toBeGreaterThan(1);
      // Scoring does not bring the section back to life on a server without the API.
      expect(await text(page, '#print .print-note')).toBe(NOT_SERVED);
      expect(blocked).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
});

describe('the ribbon’s 检查并评分 when it fails', () => {
  /** Runs the command and returns once it has opened its dialog (the clerk has not closed it). */
  async function runCommand(page: Page) {
    await page.waitForFunction(() =>
      (window as never as { __fakeActions: Map<string, unknown> }).__fakeActions.has(
        'scoreWorkbook',
      ),
    );
    await page.evaluate(() => {
      const w = window as never as {
        __completed: boolean;
        __fakeActions: Map<string, (e: { completed: () => void }) => void>;
      };
      w.__completed = false;
      w.__fakeActions.get('scoreWorkbook')!({ completed: () => (w.__completed = true) });
    });
    await page.waitForFunction(
      () => (window as never as { __fakeDialogs: unknown[] }).__fakeDialogs.length > 0,
    );
    return page.evaluate(() => {
      const w = window as never as {
        __completed: boolean;
        __fakeDialogs: { url: string; options: unknown }[];
      };
      return { url: w.__fakeDialogs[0].url, completed: w.__completed };
    });
  }

  it('shows why in a dialog and in 校验结果, and completes when the clerk closes it', async () => {
    const server = await staticServer();
    try {
      // Excel on the web refuses every read of this workbook (a limit no block fits under),
      // while one row of 校验结果 still fits.
      const { page } = await open(server.origin, 'commands.html', seed, {
        options: { platform: 'web', payloadLimit: 6000 },
      });
      const dialog = await runCommand(page);
      expect(dialog.url.startsWith(`${server.origin}/notice.html?message=`)).toBe(true);
      const message = decodeURIComponent(dialog.url.split('message=')[1]);
      expect(message).toBe('检查并评分未能完成：工作表内容过大，Excel 网页版无法分批读取');
      // Still open: the command waits for the clerk.
      expect(dialog.completed).toBe(false);

      const problems = await table(page, '校验结果');
      expect(problems[1][0]).toBe('错误');
      expect(problems[1]).toContain(message);
      expect(
        await page.evaluate(
          () =>
            (window as never as { __fakeState: { activeSheet: string } }).__fakeState.activeSheet,
        ),
      ).toBe('校验结果');

      // The dialog page shows the message as text and tells the command when 确定 is clicked.
      const { page: notice } = await open(
        server.origin,
        dialog.url.slice(server.origin.length + 1),
        [],
      );
      await notice.waitForFunction(() => document.querySelector('#message')!.textContent !== '');
      expect(await text(notice, '#message')).toBe(message);
      await notice.click('#ok');
      expect(
        await notice.evaluate(
          () => (window as never as { __fakeParentMessages: string[] }).__fakeParentMessages,
        ),
      ).toEqual(['closed']);
      await notice.close();

      // Office hands that message to the command's dialog handler: the command completes.
      await page.evaluate(() =>
        (
          window as never as { __fakeDialogs: { message(t: string): void }[] }
        ).__fakeDialogs[0].message('closed'),
      );
      await page.waitForFunction(() => (window as never as { __completed: boolean }).__completed);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('still says why in a dialog where Excel refuses to write 校验结果 as well', async () => {
    const server = await staticServer();
    try {
      const { page } = await open(server.origin, 'commands.html', seed, {
        options: { platform: 'web', payloadLimit: 200 },
      });
      const dialog = await runCommand(page);
      // Excel's own English error, said in Chinese with what the clerk can do.
      expect(decodeURIComponent(dialog.url.split('message=')[1])).toBe(
        '台账太大，Excel 网页版一次处理不了：请在“记分面板”中评分，或改用桌面版 Excel。',
      );
      expect(
        await page.evaluate(() =>
          (window as never as { __fakeState: { sheet(n: string): unknown } }).__fakeState.sheet(
            '校验结果',
          ),
        ),
      ).toBeUndefined();
      // The clerk closes the dialog with its own close button.
      await page.evaluate(() =>
        (
          window as never as { __fakeDialogs: { closeByUser(): void }[] }
        ).__fakeDialogs[0].closeByUser(),
      );
      await page.waitForFunction(() => (window as never as { __completed: boolean }).__completed);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
