// `npm run screenshot:web`: docs/server-workbench.png, the web page 工作台 with the sample
// scored, taken in headless Chromium against a real `twelve serve` on 127.0.0.1. Tests never
// write the picture: it changes only when someone runs this.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../reports/cards/browser.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { startServer } from '../reports/server/start.js';
import { buildWeb } from './build-web.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Uploads `workbook` on the page at `url`, scores it as of `asOf` and saves the page. */
export async function screenshotWebPage(
  url: string,
  workbook: string,
  asOf: string,
  file: string,
): Promise<void> {
  const launched = await launchBrowser();
  try {
    const page = await launched.browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(url);
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('#score')!.disabled,
    );
    await page.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), asOf);
    await (await page.$('input#file[type="file"]'))!.uploadFile(workbook);
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    await page.waitForSelector('#print .print-forms:not([hidden])');
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    await launched.close();
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'twelve-screenshot-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    http: true,
    token: null,
    units: null,
    ttlMs: 60_000,
    bodyLimit: 50 * 1024 * 1024,
    deadlineMs: 120_000,
    maxQueued: 4,
    stateDir: path.join(scratch, 'state'),
    webDir: await buildWeb(path.join(scratch, 'web')),
    log: () => undefined,
  });
  try {
    const out = process.argv[2] ?? path.join(ROOT, 'docs', 'server-workbench.png');
    await screenshotWebPage(`${server.url}/`, SAMPLE_WORKBOOK, '2026-11-24', out);
    process.stdout.write(`已保存：${out}\n`);
  } finally {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
