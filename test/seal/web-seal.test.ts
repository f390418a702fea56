// The web page 工作台 in headless Chromium against the real server: the seal panel, given the
// sample's 2026Q3 report as the saved upward mail (.eml) or its summary (.xlsx), shows for each
// edited ledger exactly the lines `twelve verify` prints; its 核验 box answers for a code from a
// card, and for one the ledger no longer holds.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkbook, sealCode } from '../../core/index.js';
import { launchBrowser, type LaunchedBrowser } from '../../reports/cards/browser.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { buildWeb } from '../../scripts/build-web.js';
import {
  editedSample,
  sampleReport,
  sampleReportMail,
  SEAL_EDITS,
  kindCounts,
  verifyPrints,
} from '../helpers/seal-edits.js';
import { startTestServer, type TestServer } from '../helpers/serve.js';
import { tempDir } from '../helpers/workbook.js';

let server: TestServer;
let launched: LaunchedBrowser;
let page: Page;
let dir: string;
let reportFile: string;
let mailFile: string;
const complaints: string[] = [];

beforeAll(async () => {
  dir = tempDir('seal-web-');
  reportFile = path.join(dir, '2026Q3.xlsx');
  writeFileSync(reportFile, await sampleReport('2026Q3'));
  mailFile = path.join(dir, '2026年第三季度记分汇总.eml');
  writeFileSync(mailFile, await sampleReportMail('2026Q3'));
  const webDir = await buildWeb(path.join(dir, 'web'));
  server = await startTestServer({ webDir });
  launched = await launchBrowser();
  page = await launched.browser.newPage();
  page.on('pageerror', (error) => complaints.push(`pageerror: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') complaints.push(`console: ${message.text()}`);
  });
}, 180_000);
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

async function upload(selector: string, file: string): Promise<void> {
  const ledger = selector === 'input#file';
  await page.$eval(ledger ? '#status' : '#seal .seal-summary', (el) => (el.textContent = ''));
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  // Until it has an answer: the ledger scored (its name shown), or the report read ("正在读取…"
  // is said while the server reads it).
  await page.waitForFunction(
    (ledger, name) => {
      if (ledger)
        return (
          (document.querySelector('#status')?.textContent ?? '').startsWith('已完成') &&
          (document.querySelector('#file-name')?.textContent ?? '').startsWith(name)
        );
      const said = document.querySelector('#seal .seal-summary')?.textContent ?? '';
      return said !== '' && !said.startsWith('正在读取');
    },
    { timeout: 60_000 },
    ledger,
    path.basename(file),
  );
}

const lines = () => page.$$eval('#seal .seal-lines li', (li) => li.map((l) => l.textContent ?? ''));

describe('the seal panel on the web page', () => {
  it('shows the lines verify shows, for each kind of edit', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('#score')!.disabled,
    );
    await page.$eval('#as-of', (el) => ((el as HTMLInputElement).value = '2026-12-04'));
    await page.$eval('#results', (el) => el.removeAttribute('hidden'));
    await page.$eval('#seal', (el) => el.removeAttribute('hidden'));
    // Not the loop's first ledger: choosing the same file again is no change to the input.
    await upload('input#file', await editedSample(SEAL_EDITS[SEAL_EDITS.length - 1], dir));
    await page.waitForSelector('#seal:not([hidden])');
    expect(await page.$eval('#seal .seal-summary', (el) => el.textContent)).toContain(
      '选择上次报送的邮件或汇总表',
    );
    expect(await page.$eval('#seal-report', (el) => el.getAttribute('accept'))).toContain('.eml');
    await upload('#seal-report', mailFile);

    for (const edit of SEAL_EDITS) {
      const file = await editedSample(edit, dir);
      await upload('input#file', file);
      const printed = await verifyPrints(file, mailFile);
      const shown = await lines();
      expect(shown, edit.name).toEqual(printed.lines);
      expect(kindCounts(shown), edit.name).toEqual(edit.expect);
      expect(await page.$eval('#seal .seal-summary', (el) => el.textContent), edit.name).toBe(
        printed.summary,
      );
    }

    // The summary itself (.xlsx), as before: the same lines.
    const date = await editedSample(
      SEAL_EDITS.find((e) => e.name === 'date')!,
      dir,
    );
    await upload('input#file', date);
    await upload('#seal-report', reportFile);
    const printed = await verifyPrints(date, reportFile);
    expect(await lines()).toEqual(printed.lines);
    expect(printed.lines).toHaveLength(1);
  }, 600_000);

  it('answers the 核验 box for a card’s code, kept or changed', async () => {
    const points = SEAL_EDITS.find((e) => e.name === 'points')!;
    const file = await editedSample(points, dir);
    await upload('input#file', file);
    const original = parseWorkbook(await readWorkbook(await editedSample(SEAL_EDITS[0], dir)));
    const unit = original.settings.unitName;
    const kept = original.entries.find((e) => e.key === '记分台账!48')!;
    const changed = original.entries.find((e) => e.key === '记分台账!42')!;
    const ask = async (code: string) => {
      await page.$eval('#seal-code', (el, c) => ((el as HTMLInputElement).value = c), code);
      await page.click('#seal-check');
      return page.$eval('#seal .seal-answer', (el) => el.textContent ?? '');
    };
    expect(await ask(sealCode(unit, kept).toLowerCase().replace(/-/g, ' '))).toMatch(
      /^台账中仍有这条记录，内容未改动：记分台账 第48行 钟宁颖 2026-09-08/,
    );
    expect(await ask(sealCode(unit, changed))).toContain('台账中没有校验码为');
    expect(await ask('12345')).toContain('校验码应为 12 位字母和数字');
    expect(complaints.join('\n')).toBe('');
  }, 120_000);
});
