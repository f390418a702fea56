// 打印与报送 and the ribbon command's failures, in the built pane in headless Chromium with the
// fake Office/Excel behind it (office.js's CDN URL answered with the fake, every other outside
// request refused), as test/addin-e2e.test.ts does.
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_SERVED } from '../ui/print-section.js';
import {
  monthlyRanking,
  noticeCards,
  parseWorkbook,
  quarterlySummary,
  scoreWorkbook,
} from '../core/index.js';
import { launchBrowser, type LaunchedBrowser } from '../reports/cards/browser.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { loadWorkbook } from './helpers/exceljs-workbook.js';
import { startServer, type RunningServer } from '../reports/server/start.js';
import type { FakeHost } from './fake-excel/browser-office.js';
import type { FakeOptions } from './fake-excel/fake-excel.js';
import { seedSheets, type SeedSheet } from './fake-excel/seed.js';
import {
  buildPane,
  fakeOfficeScript,
  fakeTable,
  openPane,
  scorePane,
  staticServer as servePaneFiles,
} from './helpers/pane.js';
import { pdfPages, squash } from './helpers/pdf-text.js';
import { PASSWORD, startSmtp, USER, type TestServer } from './helpers/smtp.js';
import { tempDir } from './helpers/workbook.js';

const AS_OF = '2026-11-25';
const SCREENSHOT = path.resolve('docs', 'addin-print.png');
/** Server-backed tests print real PDFs on a shared 2-core machine: minutes, not seconds. */
const PRINTING = { timeout: 180_000 };
const SAMPLE = path.resolve('samples', '示例台账.xlsx');

let browser: Browser;
let launched: LaunchedBrowser | undefined;
let outDir: string;
let fakeOffice: string;
let seed: SeedSheet[];

beforeAll(async () => {
  outDir = await buildPane('addin-print-');
  fakeOffice = await fakeOfficeScript();
  seed = seedSheets(await loadWorkbook(SAMPLE));
  launched = await launchBrowser();
  browser = launched.browser;
});

afterAll(async () => {
  await launched?.close();
});

/** The built add-in and nothing else, as the dev server or any plain web server gives it. */
const staticServer = () => servePaneFiles(outDir);

/** Opens a built page of `origin` with the fake office.js answering its URL. */
const open = (
  origin: string,
  file: string,
  sheets: SeedSheet[],
  setup: { options?: FakeOptions; host?: FakeHost; noFetch?: boolean } = {},
) =>
  openPane(browser, origin, fakeOffice, file, sheets, {
    globals: { __fakeOptions: setup.options ?? {}, __fakeHost: setup.host ?? {} },
    noFetch: setup.noFetch,
    viewport: { width: 380, height: 900 },
  });

const table = fakeTable;
const scoreIn = (page: Page) => scorePane(page, AS_OF);

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
      expect(message).toBe(
        '检查并评分未能完成：工作表内容过大，Excel 无法分批读取：请删去工作表中大片的空白格式后再试',
      );
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

/** A real `twelve serve` on 127.0.0.1 (plain HTTP, as on one clerk's PC) serving the built pane. */
async function serve(port: number, smtpConfigFile?: string): Promise<RunningServer> {
  return startServer({ ...serveOptions(port), smtpConfigFile });
}

function serveOptions(port: number) {
  return {
    port,
    host: '127.0.0.1',
    http: true,
    token: null,
    units: null,
    ttlMs: 3_600_000,
    bodyLimit: 50 * 1024 * 1024,
    deadlineMs: 120_000,
    maxQueued: 8,
    concurrency: 1,
    stateDir: tempDir('addin-print-state-'),
    addinDir: outDir,
    webDir: path.join(outDir, 'no-web-page'),
    log: () => undefined,
  };
}

const portOf = (server: RunningServer) => Number(new URL(server.url).port);

/** As when the server's process ends: kept-alive connections go too. */
async function stop(server: RunningServer): Promise<void> {
  const closing = server.close();
  server.fastify.server.closeAllConnections();
  await closing;
}

/** Waits until the section can run jobs (the server answered /api/capabilities, the pane scored). */
async function printReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(document.querySelector('#print .print-notices') as HTMLButtonElement).disabled,
  );
}

interface Finished {
  status: string;
  message: string;
  files: { name: string; url: string }[];
  kept: string;
  hint: string;
}

/** Clicks a job's button and waits for the job to finish; returns what the section shows. */
async function runJob(page: Page, button: string): Promise<Finished> {
  await page.click(`#print ${button}`);
  await page.waitForFunction(() => {
    const status = document.querySelector('#print .print-result .print-status');
    return status && /已完成|未完成/.test(status.textContent!);
  });
  return page.$eval('#print .print-result', (el) => ({
    status: el.querySelector('.print-status')!.textContent!,
    message: el.querySelector('.print-message')?.textContent ?? '',
    files: Array.from(el.querySelectorAll('.print-files a')).map((a) => ({
      name: a.textContent!,
      url: (a as HTMLAnchorElement).href,
    })),
    kept: el.querySelector('.print-kept')?.textContent ?? '',
    hint: el.querySelector('.print-hint')?.textContent ?? '',
  }));
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('打印与报送 against a real twelve serve', () => {
  let smtp: TestServer;
  let server: RunningServer;

  beforeAll(async () => {
    smtp = await startSmtp();
    const config = path.join(tempDir('addin-print-smtp-'), 'twelve-smtp.json');
    writeFileSync(
      config,
      JSON.stringify({
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: USER,
        password: PASSWORD,
        from: 'clerk@example.cn',
      }),
    );
    server = await serve(0, config);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it(
    'prints notices, ranking and quarterly cards, writes the .eml and sends it once',
    PRINTING,
    async () => {
      const { page, blocked } = await open(server.url, 'taskpane.html', seed);
      await page.waitForFunction(
        () => !(document.querySelector('#print .print-forms') as HTMLElement).hidden,
      );
      expect(await text(page, '#print .print-note')).toContain('请先点击“检查并评分”');
      // This server has SMTP settings: 报上级 can send, not only write the .eml.
      expect(await page.$eval('#print .print-send', (el) => (el as HTMLElement).hidden)).toBe(
        false,
      );
      await scoreIn(page);
      await printReady(page);

      const sheets = await readWorkbook(SAMPLE);
      const expected = scoreWorkbook(sheets, AS_OF);
      const parsed = parseWorkbook(sheets);

      // 告知卡: the month so far by default; the merged PDF holds every card of the period.
      expect(await page.$eval('#print .print-since', (el) => (el as HTMLInputElement).value)).toBe(
        '2026-11-01',
      );
      expect(await page.$eval('#print .print-until', (el) => (el as HTMLInputElement).value)).toBe(
        AS_OF,
      );
      const cards = noticeCards(expected, { since: '2026-11-01', until: AS_OF });
      expect(cards.length).toBeGreaterThan(0);
      const notices = await runJob(page, '.print-notices');
      expect(notices.status).toContain('已完成');
      expect(notices.message).toContain(`已生成 ${cards.length} 张记分告知卡`);
      expect(notices.files).toHaveLength(cards.length + 1);
      const merged = notices.files[0];
      expect(merged.name).toBe('记分告知卡-合并打印-2026-11-01至2026-11-25.pdf');
      expect(merged.url.startsWith(`${server.url}/api/jobs/`)).toBe(true);
      const pages = await pdfPages(await download(merged.url));
      expect(pages).toHaveLength(cards.length);
      cards.forEach((card, i) => {
        expect(pages[i]).toContain(squash(card.memberName));
        expect(pages[i]).toContain(squash(card.view.number));
      });
      // Each file by its Chinese name, and until when the server keeps it: never the
      // server's temp path, which means nothing to the clerk.
      for (const f of notices.files) expect(f.name).toMatch(/^记分告知卡-/);
      expect(notices.kept).toMatch(/保留到 \d{2}:\d{2}，之后自动删除/);
      const shown = await text(page, '#print .print-result');
      expect(shown).not.toContain(server.queue.folder);
      expect(shown).not.toContain(tmpdir());
      // docs/addin.md's picture: rewritten when missing or asked for (UPDATE_SCREENSHOTS=1).
      if (!existsSync(SCREENSHOT) || process.env.UPDATE_SCREENSHOTS)
        writeFileSync(SCREENSHOT, await (await page.$('#print'))!.screenshot());

      // Desktop Excel with OpenBrowserWindowApi 1.1: a click opens the system browser.
      expect(notices.hint).toContain('在浏览器中打开');
      await page.click('#print .print-files a');
      expect(
        await page.evaluate(() => (window as never as { __fakeOpened: string[] }).__fakeOpened),
      ).toEqual([merged.url]);

      // 月度榜单: the month whose ranking day (25) has come.
      expect(await page.$eval('#print .print-month', (el) => (el as HTMLInputElement).value)).toBe(
        '2026-11',
      );
      const ranking = await runJob(page, '.print-ranking');
      expect(ranking.files.map((f) => f.name)).toEqual(['积分榜单-2026-11.pdf']);
      const rankingText = (await pdfPages(await download(ranking.files[0].url))).join('');
      expect(rankingText).toContain(squash('2026年11月'));
      const rows = monthlyRanking(parsed, 2026, 11).rows;
      for (const row of rows.slice(0, 5)) expect(rankingText).toContain(squash(row.member.name));

      // 季度汇总公示卡: in November the quarter to publish is still 2026Q3.
      expect(
        await page.$eval('#print .print-quarter', (el) => (el as HTMLSelectElement).value),
      ).toBe('2026Q3');
      const quarterly = await runJob(page, '.print-quarterly');
      expect(quarterly.files.map((f) => f.name)).toEqual([
        '记分汇总公示卡-2026Q3-内部公示.pdf',
        '记分汇总公示卡-2026Q3-报上级.pdf',
      ]);
      const summary = quarterlySummary(parsed, '2026Q3');
      const internal = (await pdfPages(await download(quarterly.files[0].url))).join('');
      for (const row of summary.rows) expect(internal).toContain(squash(row.member.name));

      // 报上级, .eml: written, not sent, to the workbook's 上级党组织邮箱.
      const eml = await runJob(page, '.print-eml');
      expect(eml.message).toContain('未发送');
      expect(eml.files).toHaveLength(1);
      expect(eml.files[0].name).toMatch(/\.eml$/);
      const mail = await simpleParser(await download(eml.files[0].url));
      expect(mail.subject).toContain('2026');
      expect((mail.to as { text: string }).text).toContain(expected.settings.upwardEmail!);
      expect(mail.attachments.map((a) => a.filename)).toContain('记分汇总公示卡-2026Q3-报上级.pdf');
      expect(smtp.received).toHaveLength(0);

      // Rows in error do not hold the report back (domain.md): it goes out, once, and says
      // how many rows it left out.
      expect(expected.problems.some((p) => p.severity === 'error')).toBe(true);
      expect(summary.reconciliation.leftOutRows).toBeGreaterThan(0);
      await page.click('#print .print-send');
      expect(await text(page, '#print .print-send')).toContain('再点一次');
      const sent = await runJob(page, '.print-send');
      expect(sent.status).toContain('已完成');
      expect(sent.message).toContain(`已发送`);
      expect(sent.message).toContain(expected.settings.upwardEmail!);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual([expected.settings.upwardEmail]);
      const sentMail = await simpleParser(smtp.received[0].raw);
      expect(sentMail.subject).toBe(mail.subject);
      expect(sentMail.text).toContain(
        `台账中 ${summary.reconciliation.leftOutRows} 行有错误，未计入本汇总`,
      );

      // Asked to send the same quarter again, the server does not send it twice.
      await page.click('#print .print-send');
      const again = await runJob(page, '.print-send');
      expect(again.message).toContain('未重复发送');
      expect(smtp.received).toHaveLength(1);
      expect(blocked).toEqual([]);
      await page.close();
    },
  );
});

describe('打印与报送 when twelve serve stops mid-way', () => {
  it(
    'says so in Chinese and 重试 works once the server is back on its port',
    PRINTING,
    async () => {
      let server = await serve(0);
      const port = portOf(server);
      // Trident has no fetch: this run goes through XMLHttpRequest.
      const { page, blocked } = await open(server.url, 'taskpane.html', seed, {
        noFetch: true,
        // And, as in volume-licensed Office 2016/2019, no OpenBrowserWindowApi.
        host: { platform: 'PC', openBrowserWindow: false },
      });
      try {
        expect(await page.evaluate(() => typeof window.fetch)).toBe('undefined');
        await scoreIn(page);
        await printReady(page);
        // The server stops while the clerk is working (its process ends, and every connection
        // with it): the print finds nobody there.
        await stop(server);
        await page.click('#print .print-notices');
        await page.waitForSelector('#print .print-retry');
        const failed = await text(page, '#print .print-status');
        expect(failed).toBe(
          '记分告知卡未完成：与报表服务的连接中断（无法连接报表服务（twelve serve），它可能已停止运行）。请确认 twelve serve 仍在运行，再点“重试”。',
        );
        expect(await page.$eval('#print .print-status', (el) => el.className)).toContain('error');
        // Everything else in the pane still works.
        await page.click('#score');
        await page.waitForFunction(() =>
          document.querySelector('#status')!.textContent!.includes('已完成'),
        );

        server = await serve(port);
        await page.click('#print .print-retry');
        await page.waitForFunction(() =>
          /已完成/.test(document.querySelector('#print .print-status')!.textContent!),
        );
        const url = await page.$eval('#print .print-files a', (a) => (a as HTMLAnchorElement).href);
        expect(url.startsWith(`http://127.0.0.1:${port}/api/jobs/`)).toBe(true);
        // This Excel cannot open it: the address is there to copy into a browser.
        expect(
          await page.$eval(
            '#print .print-files .print-address',
            (el) => (el as HTMLInputElement).value,
          ),
        ).toBe(url);
        expect(await text(page, '#print .print-hint')).toContain('复制');
        expect((await pdfPages(await download(url))).length).toBeGreaterThan(0);
        expect(blocked).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    },
  );
});

describe('打印与报送 on a server that asks for a token', () => {
  it(
    'asks for the unit’s token, says when it is wrong, and prints with the right one',
    PRINTING,
    async () => {
      const token = 'pane-test-token-0123456789';
      const server = await startServer({
        ...serveOptions(0),
        token,
      });
      // Excel on the web: no OpenBrowserWindowApi, the pane is in the clerk's own browser.
      const { page } = await open(server.url, 'taskpane.html', seed, {
        host: { platform: 'OfficeOnline' },
      });
      try {
        await page.waitForFunction(
          () => !(document.querySelector('#print .print-login') as HTMLElement).hidden,
        );
        expect(await text(page, '#print .print-note')).toContain('需要令牌');
        await page.type('#print .print-token', 'not-the-token-0000000');
        await page.click('#print .print-token-save');
        await page.waitForFunction(() =>
          document.querySelector('#print .print-note')!.textContent!.includes('令牌不正确'),
        );
        await page.type('#print .print-token', token);
        await page.click('#print .print-token-save');
        await page.waitForFunction(
          () => !(document.querySelector('#print .print-forms') as HTMLElement).hidden,
        );
        expect(await page.evaluate(() => localStorage.getItem('twelve-points:token'))).toBe(token);
        await scoreIn(page);
        await printReady(page);
        const ranking = await runJob(page, '.print-ranking');
        expect(ranking.files.map((f) => f.name)).toEqual(['积分榜单-2026-11.pdf']);
        expect(ranking.hint).toContain('新标签页');
        expect(
          await page.$eval('#print .print-files a', (a) => (a as HTMLAnchorElement).target),
        ).toBe('_blank');
        const response = await fetch(ranking.files[0].url, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        expect((await pdfPages(Buffer.from(await response.arrayBuffer()))).join('')).toContain(
          squash('2026年11月'),
        );
      } finally {
        await page.close();
        // The browser still holds idle keep-alive sockets: stopping must not wait them out
        // (it did, 72 s and more, until Fastify was told to close idle ones).
        const stopping = Date.now();
        await server.close();
        expect(Date.now() - stopping).toBeLessThan(10_000);
      }
    },
  );
});
