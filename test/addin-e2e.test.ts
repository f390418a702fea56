// The built task pane in headless Chromium. office.js (the local copy the build serves by
// default) is answered with the fake Office/Excel (backed by the strict fake workbook, seeded
// from a real .xlsx); every outside request is refused. Clicks 检查并评分, a problem, 准备台账, and the ribbon command.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  noticeCards,
  scoreWorkbook,
  summaryRows,
  problemRows,
  todoItems,
  todoRows,
  parseWorkbook,
  sealCode,
} from '../core/index.js';
import { launchBrowser, type LaunchedBrowser } from '../reports/cards/browser.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { loadWorkbook } from './helpers/exceljs-workbook.js';
import { loadForSeed, seedSheets, type SeedSheet } from './fake-excel/seed.js';
import { removeBuiltinsScript } from './helpers/old-engines.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { messySheets } from './fake-excel/messy.js';
import { basicSheets, writeXlsx } from './helpers/workbook.js';
import {
  buildPane,
  fakeOfficeScript,
  fakeTable,
  openPane,
  scorePane,
  staticServer,
  type OpenOptions,
} from './helpers/pane.js';

const AS_OF = '2026-11-25';
const SCREENSHOT = path.resolve('docs', 'addin-taskpane.png');
const PREVIEW_SCREENSHOT = path.resolve('docs', 'addin-preview.png');

let browser: Browser;
let launched: LaunchedBrowser | undefined;
let server: { origin: string; close: () => Promise<void> };
let origin: string;
let fakeOffice: string;
let xlsx: string;
let seed: SeedSheet[];

beforeAll(async () => {
  server = await staticServer(await buildPane('addin-e2e-'));
  origin = server.origin;
  fakeOffice = await fakeOfficeScript();
  xlsx = await writeXlsx(messySheets());
  seed = seedSheets(await loadWorkbook(xlsx));
  launched = await launchBrowser();
  browser = launched.browser;
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

/** Opens a built page with the fake office.js answering its URL. */
const open = (
  page: string,
  sheets: SeedSheet[],
  before?: (tab: Page) => Promise<unknown>,
  options: OpenOptions = {},
) => openPane(browser, origin, fakeOffice, page, sheets, { ...options, before });

const table = fakeTable;
const scoreIn = (page: Page) => scorePane(page, AS_OF);

/** The preview iframe's frame, once its srcdoc has loaded a card. */
async function previewFrame(page: Page) {
  await page.waitForFunction(() => {
    const box = document.querySelector('#preview .card-box') as HTMLElement;
    return !box.hidden && document.querySelector('#preview iframe')!.hasAttribute('srcdoc');
  });
  const handle = await page.$('#preview iframe');
  const frame = (await handle!.contentFrame())!;
  await frame.waitForSelector('section.notice');
  return frame;
}

/** Chromium's innerText of CJK text is plain; NFKC only guards against look-alike radicals. */
const normalizeText = (text: string) => text.normalize('NFKC');

/** Trims trailing blanks, and turns the core's null cells into Excel's '', as the fake keeps them. */
const asWritten = (rows: unknown[][]) =>
  rows.map((r) => {
    const out = r.map((v) => (v === null || v === undefined ? '' : v));
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  });

describe('the task pane in Chromium', () => {
  it('检查并评分 shows the summary, talks, 待办 and problems, and writes the three sheets', async () => {
    const { page, blocked } = await open('taskpane.html', seed);
    await page.waitForFunction(
      () => !(document.querySelector('#score') as HTMLButtonElement).disabled,
    );
    await page.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), AS_OF);
    await page.click('#score');
    await page.waitForFunction(() =>
      document.querySelector('#status')!.textContent!.includes('已完成'),
    );

    const expected = scoreWorkbook(await readWorkbook(xlsx), AS_OF);
    const summaryText = await page.$eval('#summary', (el) => (el as HTMLElement).innerText);
    expect(summaryText).toContain(`${expected.members.length} 名`);
    expect(summaryText).toContain(AS_OF);
    const errors = expected.problems.filter((p) => p.severity === 'error').length;
    expect(summaryText).toContain(`错误 ${errors} 条`);

    const talks = await page.$$eval('#talks li', (els) =>
      els.map((e) => (e as HTMLElement).innerText),
    );
    // 需要约谈和处置: the members 待办 lists a talk or handling for, and no one else.
    const owed = new Set(
      expected.obligations
        .filter((o) => o.state === 'open' || o.state === 'overdue')
        .map((o) => o.member),
    );
    expect(
      new Set(
        todoItems(expected)
          .filter((t) => t.kind === 'obligation')
          .map((t) => t.member),
      ),
    ).toEqual(owed);
    expect(owed.size).toBeGreaterThan(0);
    expect(talks).toHaveLength(owed.size);
    for (const m of owed) expect(talks.join('\n')).toContain(m.name);
    const settled = expected.members.filter((m) => m.level !== 'normal' && !owed.has(m.member));
    for (const m of settled) expect(talks.join('\n')).not.toContain(m.member.name);

    // 问题 (rows that do not count until fixed) above 待办 and 打印与报送.
    const order = await page.evaluate(() =>
      ['#problems', '#talks', '#todo', '#print'].map((s) =>
        Array.from(document.querySelectorAll('main > section')).indexOf(document.querySelector(s)!),
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const problems = await page.$$eval('#problems li a', (els) => els.map((e) => e.textContent));
    expect(problems).toHaveLength(expected.problems.length);
    expect(problems.join('\n')).toContain('2026-13-01');

    // 待办: overdue first, each line as the core words it, the same items as the sheet 待办事项.
    const todo = todoItems(expected);
    expect(todo.length).toBeGreaterThan(0);
    const todoLines = await page.$$eval('#todo li', (els) =>
      els.map((e) => [e.className, (e as HTMLElement).innerText]),
    );
    expect(todoLines.map(([cls]) => cls)).toEqual(
      todo.map((t) => (t.overdue ? 'overdue' : 'open')),
    );
    expect(todoLines.map(([, text]) => text.slice(0, 4))).toEqual(
      todo.map((t) => (t.overdue ? '[逾期]' : '[待办]').slice(0, 4)),
    );
    expect(await table(page, '待办事项')).toEqual(asWritten(todoRows(expected)));

    expect(await table(page, '积分汇总')).toEqual(asWritten(summaryRows(expected)));
    expect(await table(page, '校验结果')).toEqual(asWritten(problemRows(expected.problems)));
    expect(await table(page, '记分台账')).toEqual(asWritten(seed[1].values));
    expect(blocked).toEqual([]);

    // The README's picture: rewritten when missing or asked for (UPDATE_SCREENSHOTS=1), so
    // a test run does not leave the working copy dirty over a changed elapsed time.
    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    if (!existsSync(SCREENSHOT) || process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      writeFileSync(SCREENSHOT, png);
    }

    // A click on a problem selects its cell.
    const index = expected.problems.findIndex((p) => p.cell === 'B6');
    const links = await page.$$('#problems li a');
    await links[index].click();
    await page.waitForFunction(
      () =>
        (window as never as { __fakeState: { selection: unknown } }).__fakeState.selection !== null,
    );
    const selection = await page.evaluate(
      () => (window as never as { __fakeState: { selection: unknown } }).__fakeState.selection,
    );
    expect(selection).toEqual({ sheet: '记分台账', address: 'B6' });

    // A click on a 待办 item selects the cell where the clerk acts on it.
    const target = todo[todo.length - 1].where;
    const todoLinks = await page.$$('#todo li a');
    await todoLinks[todo.length - 1].click();
    await page.waitForFunction(
      (cell) =>
        (window as never as { __fakeState: { selection: { address: string } | null } }).__fakeState
          .selection?.address === cell,
      {},
      target.cell,
    );
    const picked = await page.evaluate(
      () => (window as never as { __fakeState: { selection: unknown } }).__fakeState.selection,
    );
    expect(picked).toEqual({ sheet: target.sheet, address: target.cell });
    await page.close();
  });

  it('the 核验 box answers for a card’s 校验码, from the workbook as it stands', async () => {
    const sample = await loadForSeed(SAMPLE_WORKBOOK);
    const { page } = await open('taskpane.html', seedSheets(sample));
    await page.waitForFunction(
      () => !(document.querySelector('#score') as HTMLButtonElement).disabled,
    );
    await page.click('#score');
    await page.waitForSelector('#seal:not([hidden])', { timeout: 60_000 });
    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    const entry = parsed.entries.find((e) => e.key === '记分台账!48')!;
    const ask = async (code: string) => {
      await page.$eval('#seal-code', (el, c) => ((el as HTMLInputElement).value = c), code);
      await page.click('#seal-check');
      return page.$eval('#seal .seal-answer', (el) => el.textContent ?? '');
    };
    expect(await ask(sealCode(parsed.settings.unitName, entry))).toMatch(
      /^台账中仍有这条记录，内容未改动：记分台账 第48行 钟宁颖 2026-09-08/,
    );
    expect(await ask('K7Q2-9MX4-TR3A')).toContain('台账中没有校验码为 K7Q2-9MX4-TR3A 的记录');
    await page.close();
  });

  it('previews a member’s latest notice card in a sandboxed iframe, from the PDF template', async () => {
    const { page, blocked } = await open('taskpane.html', seed);
    await scoreIn(page);
    const expected = scoreWorkbook(await readWorkbook(xlsx), AS_OF);
    const cards = noticeCards(expected);
    // 张三 (A01) has two counted entries: the preview must show the later one.
    const mine = cards.filter((c) => c.memberId === 'A01');
    expect(mine.length).toBeGreaterThan(1);
    const latest = mine[mine.length - 1];

    expect(await page.$eval('#preview h2', (el) => el.textContent)).toBe('预览：记分告知卡');
    const options = await page.$$eval('#preview option', (els) =>
      els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent! })),
    );
    const withCards = new Set(cards.map((c) => c.memberId));
    expect(options.length - 1).toBe(withCards.size);
    const option = options.find((o) => o.text.startsWith(latest.memberName))!;
    await page.select('#preview select', option.value);
    const frame = await previewFrame(page);
    const text = normalizeText(await frame.$eval('body', (b) => (b as HTMLElement).innerText));
    expect(text).toContain(latest.memberName);
    expect(text).toContain(latest.view.number);
    expect(text).toContain(`${latest.view.points} 分`);
    expect(text).toContain(`${latest.view.before} 分 → ${latest.view.after} 分`);
    expect(text).toContain(latest.view.title);
    for (const older of mine.slice(0, -1)) expect(text).not.toContain(older.view.number);
    expect(await page.$eval('#preview iframe', (el) => el.getAttribute('sandbox'))).toBe('');

    // Scaled to the pane: the card is no wider than the pane's content.
    const widths = await page.evaluate(() => ({
      pane: document.querySelector('main')!.clientWidth,
      card: document.querySelector('#preview iframe')!.getBoundingClientRect().width,
    }));
    expect(widths.card).toBeGreaterThan(200);
    expect(widths.card).toBeLessThanOrEqual(widths.pane);

    // A click on a name in the talk list shows the card of the entry that caused the talk.
    const talk = expected.obligations.find(
      (o) => (o.state === 'open' || o.state === 'overdue') && o.entryKey !== null,
    )!;
    const other = expected.members.find((m) => m.member === talk.member)!;
    const caused = cards.find((c) => c.entryKey === talk.entryKey)!;
    const talkLinks = await page.$$('#talks a.preview-link');
    const names = await Promise.all(talkLinks.map((l) => l.evaluate((e) => e.textContent!)));
    await talkLinks[names.findIndex((n) => n.startsWith(other.member.name))].click();
    await page.waitForFunction(
      (n) => document.querySelector('#preview .preview-note')!.textContent!.includes(n),
      {},
      caused.view.number,
    );
    const otherText = normalizeText(
      await (await previewFrame(page)).$eval('body', (b) => (b as HTMLElement).innerText),
    );
    expect(otherText).toContain(other.member.name);
    expect(otherText).toContain(caused.view.number);

    if (!existsSync(PREVIEW_SCREENSHOT) || process.env.UPDATE_SCREENSHOTS)
      writeFileSync(PREVIEW_SCREENSHOT, await (await page.$('#preview'))!.screenshot());

    // Scoring again (say, after fixing a row) keeps the same member's card on show.
    await page.$eval('#preview iframe', (el) => el.removeAttribute('srcdoc'));
    await page.click('#score');
    const again = normalizeText(
      await (await previewFrame(page)).$eval('body', (b) => (b as HTMLElement).innerText),
    );
    const otherCards = cards.filter((c) => c.memberId === other.member.id);
    expect(again).toContain(otherCards[otherCards.length - 1].view.number);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('says in Chinese that the preview is unavailable where iframes have no srcdoc', async () => {
    // EdgeHTML 18 (Office 2019 on Windows) has no srcdoc: stand in for it by removing it.
    const { page } = await open('taskpane.html', seed, (tab) =>
      tab.evaluateOnNewDocument(() => {
        delete (HTMLIFrameElement.prototype as { srcdoc?: string }).srcdoc;
      }),
    );
    await scoreIn(page);
    const value = await page.$$eval(
      '#preview option',
      (els) => (els[1] as HTMLOptionElement).value,
    );
    await page.select('#preview select', value);
    expect(await page.$eval('#preview .preview-note', (el) => el.textContent)).toContain(
      '不能显示告知卡预览',
    );
    expect(await page.$eval('#preview .card-box', (el) => (el as HTMLElement).hidden)).toBe(true);
    await page.close();
  });

  it('shows markup in a member’s name as text in the preview, and runs none of it', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const sheets = basicSheets([['2026-03-05', 'A01', evil, 'P1', '无故缺席', '', '已认定', evil]]);
    sheets[0].rows[1][1] = evil;
    const evilSeed = seedSheets(await loadWorkbook(await writeXlsx(sheets)));
    const { page, blocked } = await open('taskpane.html', evilSeed);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await scoreIn(page);
    const value = await page.$$eval(
      '#preview option',
      (els) => (els as HTMLOptionElement[]).find((e) => e.textContent!.includes('<img'))!.value,
    );
    await page.select('#preview select', value);
    const frame = await previewFrame(page);
    expect(await frame.$eval('body', (b) => (b as HTMLElement).innerText)).toContain(evil);
    expect(await frame.$$('img')).toHaveLength(0);
    expect(await page.$$('img')).toHaveLength(0);
    expect(dialogs).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('准备台账 adds the missing sheets, header cells and dropdowns without touching data', async () => {
    // A roster without 状态 and 邮箱 columns, and no ledger yet.
    const roster: SeedSheet = {
      name: '党员名册',
      values: [
        ['编号', '姓名', '支部'],
        ['A01', '张三', '第一支部'],
      ],
      formats: [
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
      ],
    };
    const { page } = await open('taskpane.html', [roster]);
    await page.waitForFunction(
      () => !(document.querySelector('#prepare') as HTMLButtonElement).disabled,
    );
    await page.click('#prepare');
    await page.waitForFunction(() =>
      document.querySelector('#status')!.textContent!.includes('台账已'),
    );
    const status = await page.$eval('#status', (el) => el.textContent!);
    expect(status).toContain('记分台账');
    expect(status).toContain('状态');

    const names = await page.evaluate(() =>
      (window as never as { __fakeState: { sheets: { name: string }[] } }).__fakeState.sheets.map(
        (s) => s.name,
      ),
    );
    expect(names).toEqual([
      '党员名册',
      '记分台账',
      '会议签到',
      '处置记录',
      '微心愿',
      '记分规则',
      '设置',
    ]);
    expect((await table(page, '会议签到'))[0]).toEqual([
      '日期',
      '会议',
      '支部',
      '请假',
      '缺席',
      '说明',
      '告知日期',
    ]);
    expect((await table(page, '处置记录'))[0]).toEqual([
      '日期',
      '编号',
      '姓名',
      '处置',
      '承办人',
      '结果',
    ]);
    const rosterAfter = await table(page, '党员名册');
    expect(rosterAfter[0]).toEqual(['编号', '姓名', '支部', '职务', '邮箱', '状态']);
    expect(rosterAfter[1]).toEqual(['A01', '张三', '第一支部']);
    expect((await table(page, '记分台账'))[0]).toContain('日期');
    expect((await table(page, '记分规则')).length).toBeGreaterThan(10);

    const validations = await page.evaluate(() =>
      (
        window as never as {
          __fakeState: {
            sheet(n: string): { validations: { col: number; row: number; rule: unknown }[] };
          };
        }
      ).__fakeState
        .sheet('党员名册')
        .validations.map((v) => ({ col: v.col, row: v.row, rule: v.rule })),
    );
    expect(validations).toEqual([
      { col: 5, row: 1, rule: { list: { inCellDropDown: true, source: '在册,转出,停止党籍' } } },
    ]);
    const ledgerNames = await page.evaluate(
      () =>
        (
          window as never as {
            __fakeState: { sheet(n: string): { validations: { col: number; rule: unknown }[] } };
          }
        ).__fakeState
          .sheet('记分台账')
          .validations.find((v) => v.col === 2)?.rule,
    );
    expect(ledgerNames).toEqual({
      list: { inCellDropDown: true, source: "='党员名册'!$B$2:$B$1048576" },
    });

    // A second run finds everything in place and changes nothing.
    await page.click('#prepare');
    await page.waitForFunction(() =>
      document.querySelector('#status')!.textContent!.includes('无需改动'),
    );
    await page.close();
  });

  it('says in Chinese why a workbook without a ledger cannot be scored', async () => {
    const { page } = await open('taskpane.html', [
      { name: '党员名册', values: [['姓名'], ['张三']], formats: [['General'], ['General']] },
    ]);
    await page.waitForFunction(
      () => !(document.querySelector('#score') as HTMLButtonElement).disabled,
    );
    await page.click('#score');
    await page.waitForFunction(() =>
      document.querySelector('#status')!.classList.contains('error'),
    );
    expect(await page.$eval('#status', (el) => el.textContent)).toMatch(/记分台账/);
    expect(await page.$eval('#summary', (el) => (el as HTMLElement).hidden)).toBe(true);
    await page.close();
  });

  it('the ribbon command scores without the pane and shows 积分汇总', async () => {
    const { page } = await open('commands.html', seed);
    await page.waitForFunction(() =>
      (window as never as { __fakeActions: Map<string, unknown> }).__fakeActions.has(
        'scoreWorkbook',
      ),
    );
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const w = window as never as {
            __fakeActions: Map<string, (e: { completed: () => void }) => void>;
          };
          w.__fakeActions.get('scoreWorkbook')!({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    const active = await page.evaluate(
      () => (window as never as { __fakeState: { activeSheet: string } }).__fakeState.activeSheet,
    );
    expect(active).toBe('积分汇总');
    expect((await table(page, '积分汇总')).length).toBe(4);
    await page.close();
  });

  it('the ribbon command explains in 校验结果 why a workbook cannot be scored', async () => {
    const { page } = await open('commands.html', [
      { name: '党员名册', values: [['姓名'], ['张三']], formats: [['General'], ['General']] },
    ]);
    await page.waitForFunction(() =>
      (window as never as { __fakeActions: Map<string, unknown> }).__fakeActions.has(
        'scoreWorkbook',
      ),
    );
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (
            window as never as {
              __fakeActions: Map<string, (e: { completed: () => void }) => void>;
            }
          ).__fakeActions.get('scoreWorkbook')!({ completed: resolve }),
        ),
    );
    const problems = await table(page, '校验结果');
    expect(problems[1][0]).toBe('错误');
    expect(String(problems[1][5])).toContain('记分台账');
    expect(await table(page, '党员名册')).toEqual([['姓名'], ['张三']]);
    await page.close();
  });
});

describe('the task pane where it cannot work', () => {
  it('outside Excel (office.js reports no host) says in Chinese to open it from Excel', async () => {
    const { page, errors } = await open('taskpane.html', seed, undefined, {
      globals: { __fakeHost: null },
    });
    await page.waitForFunction(() =>
      document.querySelector('#status')!.classList.contains('error'),
    );
    expect(await page.$eval('#status', (el) => el.textContent)).toContain('需要在 Excel 中打开');
    expect(await page.$eval('#score', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$('#web-page')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with the real office.js opened in a browser, says so within seconds, not “正在连接” for ever', async () => {
    const { page } = await open('taskpane.html', seed, undefined, { realOfficeJs: true });
    await page.waitForFunction(
      () => document.querySelector('#status')!.classList.contains('error'),
      { timeout: 8000 },
    );
    expect(await page.$eval('#status', (el) => el.textContent)).toContain('需要在 Excel 中打开');
    await page.close();
  });

  it('without office.js, served by `twelve serve`, points to the web page 工作台', async () => {
    const { page, errors } = await open('taskpane.html', seed, undefined, {
      noOfficeJs: true,
      webPage: true,
    });
    await page.waitForSelector('#web-page');
    expect(await page.$eval('#status', (el) => el.textContent)).toContain('需要在 Excel 中打开');
    expect(await page.$eval('#web-page', (el) => el.getAttribute('href'))).toBe('/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the ribbon command page outside Excel loads without errors and registers nothing', async () => {
    const { page, errors } = await open('commands.html', seed, undefined, {
      globals: { __fakeHost: null },
    });
    await new Promise((r) => setTimeout(r, 300));
    const actions = await page.evaluate(
      () => (window as never as { __fakeActions: Map<string, unknown> }).__fakeActions.size,
    );
    expect(actions).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the task pane with the built-ins IE11 and EdgeHTML 18 lack removed', () => {
  it('scores the sample at ExcelApi 1.7 (volume-licensed Office 2019) and says the preview is unavailable', async () => {
    const sample = seedSheets(await loadForSeed(SAMPLE_WORKBOOK));
    const { page, errors } = await open(
      'taskpane.html',
      sample,
      (tab) => tab.evaluateOnNewDocument(removeBuiltinsScript()),
      { globals: { __fakeOptions: { apiLevel: '1.7' } } },
    );
    // The callbacks here avoid the removed built-ins too (indexOf, not includes).
    expect(
      await page.evaluate(() => typeof (window as never as Record<string, unknown>).TextEncoder),
    ).toBe('undefined');
    await page.waitForFunction(
      () => !(document.querySelector('#score') as HTMLButtonElement).disabled,
    );
    await page.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), AS_OF);
    await page.click('#score');
    await page.waitForFunction(
      () => document.querySelector('#status')!.textContent!.indexOf('已完成') >= 0,
    );
    const expected = scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), AS_OF);
    expect(await table(page, '积分汇总')).toEqual(asWritten(summaryRows(expected)));
    expect(await table(page, '校验结果')).toEqual(asWritten(problemRows(expected.problems)));
    const summaryText = await page.$eval('#summary', (el) => (el as HTMLElement).innerText);
    expect(summaryText).toContain(`${expected.members.length} 名`);

    const value = await page.$$eval(
      '#preview option',
      (els) => (els[1] as HTMLOptionElement).value,
    );
    await page.select('#preview select', value);
    expect(await page.$eval('#preview .preview-note', (el) => el.textContent)).toContain(
      '不能显示告知卡预览',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
