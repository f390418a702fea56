// The web page 工作台 in headless Chromium against the real server: upload the sample, see the
// pane's results, preview a card, print the notice cards and write the quarterly mail; no
// script error and no CSP violation on the way. The screenshot goes to a temp folder, or to
// docs/server-workbench.png with UPDATE_DOCS_PICTURES=1 (a test run never rewrites the docs).
import path from 'node:path';
import type { Page } from 'puppeteer';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCards, problemLine, scoreWorkbook } from '../../core/index.js';
import { launchBrowser, type LaunchedBrowser } from '../../reports/cards/browser.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { buildWeb } from '../../scripts/build-web.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import { startTestServer, type TestServer } from '../helpers/serve.js';
import { tempDir } from '../helpers/workbook.js';
import { talksDue } from '../../ui/result-lists.js';

const AS_OF = '2026-11-24';
const SCREENSHOT =
  process.env.UPDATE_DOCS_PICTURES === '1'
    ? path.resolve('docs', 'server-workbench.png')
    : path.join(tempDir('twelve-page-'), 'server-workbench.png');

let server: TestServer;
let launched: LaunchedBrowser;
let page: Page;
const complaints: string[] = [];

beforeAll(async () => {
  const webDir = await buildWeb(path.join(tempDir(), 'web'));
  server = await startTestServer({ webDir });
  launched = await launchBrowser();
  page = await launched.browser.newPage();
  page.on('pageerror', (error) => complaints.push(`pageerror: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') complaints.push(`console: ${message.text()}`);
  });
  await page.setViewport({ width: 1100, height: 900 });
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

describe('工作台', () => {
  it('shows the same results as the pane for an uploaded workbook', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('#score')!.disabled,
    );
    await page.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), AS_OF);
    const input = await page.$('input#file[type="file"]');
    await input!.uploadFile(SAMPLE_WORKBOOK);
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });

    const result = scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), AS_OF);
    const overview = await text('#summary dl');
    expect(overview).toContain(`在册党员${result.members.length} 名`);
    expect(overview).toContain(`需要约谈${talksDue(result).length} 名`);
    const talks = await page.$$eval('#talks li', (li) => li.map((l) => l.textContent ?? ''));
    expect(talks).toHaveLength(talksDue(result).length);
    expect(talks[0]).toContain(talksDue(result)[0].member.name);
    const problems = await page.$$eval('#problems li', (li) => li.map((l) => l.textContent ?? ''));
    expect(problems).toHaveLength(result.problems.length);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(problems).toContain(problemLine(errors[0]));
    expect(await text('#status')).toContain(`${errors.length} 处错误`);
  }, 120_000);

  it("previews a member's latest notice card in a sandboxed frame", async () => {
    const name = talksDue(scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), AS_OF))[0].member.name;
    await page.click('#talks li a.preview-link');
    await page.waitForSelector('#preview .card-box:not([hidden])');
    const frame = await page.$eval('#preview iframe', (f) => ({
      sandbox: f.getAttribute('sandbox'),
      srcdoc: (f as HTMLIFrameElement).srcdoc,
    }));
    expect(frame.sandbox).toBe('');
    expect(frame.srcdoc).toContain('记分告知卡');
    expect(frame.srcdoc).toContain(name);
  });

  it('prints the notice cards of a period: the merged PDF is linked and reads back', async () => {
    const since = '2026-10-01';
    const form = 'form[data-kind="notices"]';
    await page.$eval(
      `${form} [name="since"]`,
      (el, d) => ((el as HTMLInputElement).value = d),
      since,
    );
    await page.$eval(
      `${form} [name="until"]`,
      (el, d) => ((el as HTMLInputElement).value = d),
      AS_OF,
    );
    await page.click(`${form} button`);
    await page.waitForSelector(`${form} .job-result a`, { timeout: 120_000 });
    const links = await page.$$eval(`${form} .job-result a`, (as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })),
    );
    expect(links[0].text).toContain(`记分告知卡-合并打印-${since}至${AS_OF}.pdf`);
    const pdf = await server.request('GET', links[0].href);
    const cards = noticeCards(scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), AS_OF), {
      since,
      until: AS_OF,
    });
    const pages = await pdfPages(pdf.body);
    expect(pages).toHaveLength(cards.length);
    expect(squash(pages[0])).toContain(cards[0].memberName);
  }, 150_000);

  it('writes the quarterly mail as an .eml for the chosen quarter', async () => {
    const form = 'form[data-kind="mail"]';
    await page.select(`${form} select`, '2026Q3');
    expect(
      await page.$eval(`${form} [name="send"]`, (el) => (el as HTMLInputElement).disabled),
    ).toBe(true);
    await page.click(`${form} button`);
    await page.waitForSelector(`${form} .job-result a`, { timeout: 120_000 });
    expect(await text(`${form} .job-result`)).toContain('未发送');
    const href = await page.$eval(`${form} .job-result a`, (a) => (a as HTMLAnchorElement).href);
    const mail = await simpleParser((await server.request('GET', href)).body);
    expect(mail.subject).toContain('2026年第三季度');

    await page.$eval('#preview', (el) => el.scrollIntoView());
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(complaints).toEqual([]);
  }, 150_000);
});
