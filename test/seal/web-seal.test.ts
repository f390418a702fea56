// The web page 工作台 in headless Chromium against the real server: the seal panel, given the
// sample's 2026Q3 report, shows for each edited ledger exactly the lines `twelve verify` prints;
// its 核验 box answers for a code from a card, and for one the ledger no longer holds.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseWorkbook,
  readSubmission,
  sealCode,
  verificationLines,
  verifySeal,
} from '../../core/index.js';
import { launchBrowser, type LaunchedBrowser } from '../../reports/cards/browser.js';
import { sha256Hex } from '../../reports/mail/summary-xlsx.js';
import { readWorkbook, readWorkbookBytes } from '../../reports/read-workbook.js';
import { buildWeb } from '../../scripts/build-web.js';
import { editedSample, sampleReport, SEAL_EDITS } from '../helpers/seal-edits.js';
import { startTestServer, type TestServer } from '../helpers/serve.js';
import { tempDir } from '../helpers/workbook.js';

let server: TestServer;
let launched: LaunchedBrowser;
let page: Page;
let dir: string;
let reportFile: string;
const complaints: string[] = [];

beforeAll(async () => {
  dir = tempDir('seal-web-');
  reportFile = path.join(dir, '2026Q3.xlsx');
  writeFileSync(reportFile, await sampleReport('2026Q3'));
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
  await page.$eval('#seal .seal-summary', (el) => (el.textContent = ''));
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.waitForFunction(
    () => (document.querySelector('#seal .seal-summary')?.textContent ?? '') !== '',
    { timeout: 60_000 },
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
    await upload('input#file', await editedSample(SEAL_EDITS[0], dir));
    await page.waitForSelector('#seal:not([hidden])');
    expect(await page.$eval('#seal .seal-summary', (el) => el.textContent)).toContain(
      '选择上次报送的汇总表',
    );
    await upload('#seal-report', reportFile);
    const report = readSubmission(
      await readWorkbookBytes(await import('node:fs').then((f) => f.readFileSync(reportFile)), 'r'),
      sha256Hex,
    );
    if (!report.ok) throw new Error(report.message);
    const s = report.submission;
    const sealed = [
      {
        source: 'r',
        unit: s.unit,
        quarter: s.quarter,
        end: s.end,
        generated: s.generated,
        rows: s.seal!.rows,
      },
    ];

    for (const edit of SEAL_EDITS) {
      const file = await editedSample(edit, dir);
      await upload('input#file', file);
      const parsed = parseWorkbook(await readWorkbook(file));
      const expected = verificationLines(
        verifySeal(parsed.settings.unitName, parsed.entries, sealed),
      );
      const shown = await lines();
      expect(shown, edit.name).toEqual(expected);
      const count = (label: string) => shown.filter((l) => l.startsWith(`[${label}]`)).length;
      expect(
        {
          changed: count('已改动'),
          deleted: count('已删除'),
          added: count('补录'),
          corrected: count('更正'),
        },
        edit.name,
      ).toEqual(edit.expect);
      expect(await page.$eval('#seal .seal-summary', (el) => el.textContent)).toContain(
        '与 1 份报送（2026Q3）核对',
      );
    }
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
