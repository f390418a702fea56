// The seal panel in the task pane: the built pane in headless Chromium with the fake Excel behind
// it and without fetch (Trident's XMLHttpRequest and FormData, as in Excel 2016), served by a
// real `twelve serve`. Given the sample's 2026Q3 upward mail (.eml) or summary (.xlsx), it shows
// for each edited ledger exactly the lines `twelve verify` prints; where no server reads the
// report, it says so in Chinese.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../reports/cards/browser.js';
import { seedSheets } from '../fake-excel/seed.js';
import { loadWorkbook } from '../helpers/exceljs-workbook.js';
import { buildPane, fakeOfficeScript, openPane, scorePane, staticServer } from '../helpers/pane.js';
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

const AS_OF = '2026-12-04';

let launched: LaunchedBrowser;
let browser: Browser;
let outDir: string;
let fakeOffice: string;
let server: TestServer;
let dir: string;
let mailFile: string;
let reportFile: string;

beforeAll(async () => {
  dir = tempDir('seal-pane-');
  mailFile = path.join(dir, '2026年第三季度记分汇总.eml');
  writeFileSync(mailFile, await sampleReportMail('2026Q3'));
  reportFile = path.join(dir, '2026Q3.xlsx');
  writeFileSync(reportFile, await sampleReport('2026Q3'));
  outDir = await buildPane('seal-pane-');
  fakeOffice = await fakeOfficeScript();
  server = await startTestServer({
    ttlMs: 3_600_000,
    maxQueued: 8,
    concurrency: 1,
    addinDir: outDir,
    webDir: path.join(outDir, 'no-web-page'),
  });
  launched = await launchBrowser();
  browser = launched.browser;
}, 240_000);

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

/** The pane on `origin` over the ledger `file`, scored; Trident's engine: no fetch. */
async function scoredPane(origin: string, file: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors, blocked } = await openPane(
    browser,
    origin,
    fakeOffice,
    'taskpane.html',
    seedSheets(await loadWorkbook(file)),
    { globals: { __fakeOptions: {}, __fakeHost: {} }, noFetch: true },
  );
  await scorePane(page, AS_OF);
  await page.waitForSelector('#seal:not([hidden])');
  expect(blocked).toEqual([]);
  return { page, errors };
}

async function choose(page: Page, file: string): Promise<string> {
  await page.$eval('#seal .seal-summary', (el) => (el.textContent = ''));
  const input = (await page.$('#seal-report')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.waitForFunction(
    () => {
      const t = document.querySelector('#seal .seal-summary')?.textContent ?? '';
      return t !== '' && !t.startsWith('正在读取');
    },
    { timeout: 60_000 },
  );
  return page.$eval('#seal .seal-summary', (el) => el.textContent ?? '');
}

const lines = (page: Page) =>
  page.$$eval('#seal .seal-lines li', (li) => li.map((l) => l.textContent ?? ''));

describe('the seal panel in the pane', () => {
  it('shows the lines verify shows for the last upward mail, for each kind of edit', async () => {
    for (const edit of SEAL_EDITS) {
      const file = await editedSample(edit, dir);
      const { page, errors } = await scoredPane(server.url, file);
      try {
        expect(await page.$eval('#seal-report', (el) => el.getAttribute('accept'))).toBe(
          '.eml,.xlsx',
        );
        const summary = await choose(page, mailFile);
        const printed = await verifyPrints(file, mailFile);
        const shown = await lines(page);
        expect(shown, edit.name).toEqual(printed.lines);
        expect(summary, edit.name).toBe(printed.summary);
        expect(kindCounts(shown), edit.name).toEqual(edit.expect);
        if (edit.name === 'points') {
          // The summary workbook itself gives the same.
          expect(await choose(page, reportFile)).toBe(
            (await verifyPrints(file, reportFile)).summary,
          );
          expect(await lines(page)).toEqual(printed.lines);
        }
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 900_000);

  it('names the reports it cannot use, as verify does', async () => {
    const other = path.join(dir, '其他.eml');
    const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
    writeFileSync(
      other,
      await new MailComposer({
        from: 'a@example.cn',
        to: 'b@example.cn',
        subject: '无附件',
        text: '没有汇总表',
      })
        .compile()
        .build(),
    );
    const file = await editedSample(SEAL_EDITS[0], dir);
    const { page } = await scoredPane(server.url, file);
    try {
      expect(await choose(page, other)).toContain(
        '所给的文件中没有本单位"示例经开区党工委"可核对的季度汇总表',
      );
      expect(
        await page.$$eval('#seal .seal-skipped li', (li) => li.map((l) => l.textContent)),
      ).toEqual(['[跳过] 其他.eml：邮件中没有 .xlsx 汇总表附件，未计入']);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('says the report needs twelve serve where the pane is served without it', async () => {
    const plain = await staticServer(outDir);
    try {
      const { page } = await scoredPane(plain.origin, await editedSample(SEAL_EDITS[0], dir));
      expect(await choose(page, mailFile)).toContain('要由报表服务（twelve serve）来读');
      await page.close();
    } finally {
      await plain.close();
    }
  }, 180_000);
});
