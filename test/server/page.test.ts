// The web page 工作台 in headless Chromium against the real server: upload the sample once, see
// the pane's results, 问题 first, 需要约谈和处置 and 待办 from the core's obligations, preview a
// card, print every notice card of a period and write the quarterly mail; then a second unit
// (two 张伟, a 不合格处置 already done, no 上级党组织邮箱). No script error and no CSP violation
// on the way. The page's picture goes to a temp folder: docs/server-workbench.png is made by
// `npm run screenshot:web`, never by a test.
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  noticeCards,
  problemLine,
  scoreWorkbook,
  todayIso,
  todoItems,
  todoLine,
  unfinishedQuarterLine,
  type ScoreResult,
} from '../../core/index.js';
import { launchBrowser, type LaunchedBrowser } from '../../reports/cards/browser.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { buildWeb } from '../../scripts/build-web.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import { SECOND_UNIT_AS_OF, secondUnitSheets } from '../helpers/second-unit.js';
import { startTestServer, type TestServer } from '../helpers/serve.js';
import { tempDir, writeXlsx } from '../helpers/workbook.js';

const AS_OF = '2026-11-24';

let server: TestServer;
let launched: LaunchedBrowser;
let page: Page;
let sample: ScoreResult;
const complaints: string[] = [];
const posts: { url: string; type: string; body: string }[] = [];

beforeAll(async () => {
  // The page takes its defaults from the browser's clock; the server (its day is TWELVE_TODAY,
  // reports/today.ts) must see the same day, as on a clerk's one PC.
  vi.stubEnv('TWELVE_TODAY', todayIso());
  const webDir = await buildWeb(path.join(tempDir(), 'web'));
  server = await startTestServer({ webDir });
  sample = scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), AS_OF);
  launched = await launchBrowser();
  page = await launched.browser.newPage();
  page.on('pageerror', (error) => complaints.push(`pageerror: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') complaints.push(`console: ${message.text()}`);
  });
  page.on('request', (request: HTTPRequest) => {
    if (request.method() === 'POST')
      posts.push({
        url: new URL(request.url()).pathname,
        type: request.headers()['content-type'] ?? '',
        body: request.postData() ?? '',
      });
  });
  await page.setViewport({ width: 1100, height: 900 });
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const texts = (selector: string) =>
  page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const setValue = (selector: string, value: string) =>
  page.$eval(selector, (el, v) => ((el as HTMLInputElement).value = v), value);

/** Members the core says are owed a talk or handling today: open or overdue obligations. */
const owed = (result: ScoreResult) =>
  new Set(
    result.obligations
      .filter((o) => o.state === 'open' || o.state === 'overdue')
      .map((o) => o.member),
  );

async function upload(file: string, asOf: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#score')!.disabled);
  await setValue('#as-of', asOf);
  await (await page.$('input#file[type="file"]'))!.uploadFile(file);
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  await page.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('#print .print-notices')?.disabled,
  );
}

/** Clicks a job's button in 打印与报送 and waits for it to end; what the section then says. */
async function runJob(button: string) {
  await page.click(`#print ${button}`);
  await page.waitForFunction(
    () =>
      /已完成|未完成/.test(
        document.querySelector('#print .print-result .print-status')?.textContent ?? '',
      ),
    { timeout: 150_000 },
  );
  return page.$eval('#print .print-result', (el) => ({
    status: el.querySelector('.print-status')!.textContent!,
    message: el.querySelector('.print-message')?.textContent ?? '',
    warning: el.querySelector('.print-warning')?.textContent ?? '',
    files: Array.from(el.querySelectorAll('.print-files a')).map((a) => ({
      name: a.textContent!,
      href: (a as HTMLAnchorElement).href,
    })),
  }));
}

describe('工作台 with the sample', () => {
  it('shows 问题 first, and the talks and 待办 the core computed', async () => {
    await upload(SAMPLE_WORKBOOK, AS_OF);
    const overview = await text('#summary dl');
    expect(overview).toContain(`在册党员${sample.members.length} 名`);
    expect(overview).toContain(`需要约谈${owed(sample).size} 名`);

    const problems = await texts('#problems li');
    expect(problems).toHaveLength(sample.problems.length);
    const errors = sample.problems.filter((p) => p.severity === 'error');
    expect(problems).toContain(problemLine(errors[0]));
    expect(await text('#status')).toContain(`${errors.length} 处错误`);
    // Rows that do not count until fixed come before what is to be done and printed.
    const order = await page.evaluate(() =>
      ['#problems', '#talks', '#todo', '#preview', '#print'].map((s) =>
        Array.from(document.querySelectorAll('section')).indexOf(document.querySelector(s)!),
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // 需要约谈和处置: exactly the members with an open or overdue obligation, as 待办.
    const talks = await texts('#talks li');
    expect(talks).toHaveLength(owed(sample).size);
    for (const member of owed(sample))
      expect(talks.some((t) => t.startsWith(member.name))).toBe(true);
    // Members above 正常 whose talks are all done are not "needed".
    const settled = sample.members.filter(
      (m) => m.level !== 'normal' && !owed(sample).has(m.member),
    );
    expect(settled.length).toBeGreaterThan(0);
    for (const m of settled) expect(talks.join('\n')).not.toContain(m.member.name);

    // 待办, the pane's list, line for line.
    expect(await texts('#todo li')).toEqual(todoItems(sample).map(todoLine));
  }, 120_000);

  it('offers quarters as the cards name them', async () => {
    const quarters = await page.$$eval('#print .print-quarter option', (os) =>
      os.map((o) => o.textContent),
    );
    expect(quarters[0]).toBe('2026年第四季度');
    expect(quarters).toContain('2026年第三季度');
  });

  it('prints every notice card of a period, each reachable, sending the workbook once', async () => {
    const since = '2026-01-01';
    await setValue('#print .print-since', since);
    await setValue('#print .print-until', AS_OF);
    const done = await runJob('.print-notices');
    expect(done.status).toContain('已完成');
    const cards = noticeCards(sample, { since, until: AS_OF });
    expect(cards.length).toBeGreaterThan(12);
    // The merged file first, then every single card.
    expect(done.files).toHaveLength(cards.length + 1);
    expect(done.files[0].name).toBe(`记分告知卡-合并打印-${since}至${AS_OF}.pdf`);
    const pages = await pdfPages((await server.request('GET', done.files[0].href)).body);
    expect(pages).toHaveLength(cards.length);
    expect(squash(pages[0])).toContain(cards[0].memberName);
    const last = done.files[done.files.length - 1];
    expect((await server.request('GET', last.href)).status).toBe(200);

    // One upload of the .xlsx; the job names it by its id and carries no sheets.
    const uploads = posts.filter((p) => p.type.startsWith('multipart/'));
    expect(uploads.map((p) => p.url)).toEqual(['/api/workbooks']);
    const job = posts.filter((p) => p.url === '/api/jobs');
    expect(job).toHaveLength(1);
    const body = JSON.parse(job[0].body) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'notices', since, until: AS_OF, asOf: AS_OF });
    expect(body.workbook).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).not.toHaveProperty('sheets');
  }, 200_000);

  it('writes the quarterly mail as an .eml for the chosen quarter', async () => {
    // The sample's 设置 names the upward address: no recipient field.
    expect(await page.$eval('#print .print-to-row', (el) => (el as HTMLElement).hidden)).toBe(true);
    await page.select('#print .print-quarter', '2026Q3');
    expect(await page.$eval('#print .print-send', (el) => (el as HTMLElement).hidden)).toBe(true);
    const done = await runJob('.print-eml');
    expect(done.message).toContain('未发送');
    expect(done.warning).toBe('');
    const mail = await simpleParser((await server.request('GET', done.files[0].href)).body);
    expect(mail.subject).toContain('2026年第三季度');
    expect(complaints).toEqual([]);
  }, 150_000);
});

describe('工作台 with a second unit', () => {
  let result: ScoreResult;

  beforeAll(async () => {
    const file = await writeXlsx(secondUnitSheets(), path.join(tempDir(), '第二单位.xlsx'));
    result = scoreWorkbook(await readWorkbook(file), SECOND_UNIT_AS_OF);
    await upload(file, SECOND_UNIT_AS_OF);
  }, 120_000);

  it('does not list a 不合格处置 done on 2026-09-10, and lists the talk still owed', async () => {
    const talks = await texts('#talks li');
    expect(talks.join('\n')).not.toContain('李四');
    expect(talks).toHaveLength(1);
    expect(talks[0]).toContain('王五');
    expect(talks[0]).toContain('约谈提醒');
    expect(talks[0]).toContain('逾期');
    expect(await texts('#todo li')).toEqual(todoItems(result).map(todoLine));
  });

  it('names two members of one name with their 编号', async () => {
    const options = await page.$$eval('#preview select option', (os) =>
      os.map((o) => o.textContent ?? ''),
    );
    expect(options.filter((o) => o.includes('张伟'))).toEqual([
      expect.stringContaining('张伟（编号 B01）'),
      expect.stringContaining('张伟（编号 B02）'),
    ]);
  });

  it('previews the card of the entry that caused a talk, not the member’s latest reward card', async () => {
    const cause = result.obligations.find((o) => o.member.name === '王五')!.entryKey;
    const cards = noticeCards(result).filter((c) => c.memberName === '王五');
    const caused = cards.find((c) => c.entryKey === cause)!;
    // The latest card is the reward: the talk must not show it.
    expect(cards[cards.length - 1].entryKey).not.toBe(cause);
    await page.click('#talks li a.preview-link');
    await page.waitForSelector('#preview .card-box:not([hidden])');
    const frame = await page.$eval('#preview iframe', (f) => (f as HTMLIFrameElement).srcdoc);
    expect(frame).toContain(caused.view.number);
    expect(frame).not.toContain(cards[cards.length - 1].view.number);
    expect(frame).not.toContain('奖励');
  });

  it('defaults to the last ranking taken and the last quarter ended', async () => {
    // 2026-12-04: November's ranking was taken on the 25th; December's is not yet.
    expect(await page.$eval('#print .print-month', (el) => (el as HTMLInputElement).value)).toBe(
      '2026-11',
    );
    expect(await page.$eval('#print .print-quarter', (el) => (el as HTMLSelectElement).value)).toBe(
      '2026Q3',
    );
  });

  it('asks for the recipient where 设置 has none, and warns of a quarter not ended', async () => {
    expect(await page.$eval('#print .print-to-row', (el) => (el as HTMLElement).hidden)).toBe(
      false,
    );
    await page.select('#print .print-quarter', '2026Q4');
    await page.click('#print .print-eml');
    expect(await text('#print .print-result')).toContain('请在“收件人”中填写');
    await page.type('#print .print-to', 'shangji@example.cn');
    const done = await runJob('.print-eml');
    expect(done.status).toContain('已完成');
    expect(done.message).toContain('shangji@example.cn');
    expect(done.warning).toBe(unfinishedQuarterLine('2026Q4', todayIso()));
    const mail = await simpleParser((await server.request('GET', done.files[0].href)).body);
    expect(mail.subject).toContain('2026年第四季度');
    expect((mail.to as { text: string }).text).toContain('shangji@example.cn');
    expect(complaints).toEqual([]);
    await page.screenshot({
      path: path.join(tempDir('page-shot-'), 'workbench.png'),
      fullPage: true,
    });
  }, 150_000);

  it('names the request field and the page field when the server has no recipient', async () => {
    const reply = await server.request('POST', '/api/jobs', {
      json: {
        kind: 'mail',
        quarter: '2026Q3',
        asOf: SECOND_UNIT_AS_OF,
        sheets: JSON.parse(JSON.stringify(secondUnitSheets())),
      },
    });
    expect(reply.status).toBe(400);
    const error = String(reply.json().error);
    expect(error).toContain('请求字段 to（页面上的“收件人”）');
    expect(error).not.toMatch(/用 to 指定/);
  });
});
