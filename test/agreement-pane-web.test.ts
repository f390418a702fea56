// issue 18, "Done when", the views test/agreement.test.ts does not reach: the add-in's task pane
// (built, in headless Chromium, the fake Excel behind it) and the web page 工作台 (built, served
// by our own server), for the sample and the 街道 of test/helpers/agreement.ts. Each is scored
// as of the quarter's end and as of the ranking day, and must say what `twelve score` says on
// that day, figure by figure and list by list: the sheets 积分汇总, 待办事项 and 校验结果 the
// pane writes, and on both screens the overview, 需要约谈和处置, 待办, 问题 and each member's
// card in the preview; the page's 榜单, 汇总公示卡 and .eml (text and 单位数据), made through its
// 打印与报送, state the figures the CLI's are held to. The expectations come from `score --json` and its text,
// worked out once in test/helpers/agreement.ts.
// One Chromium: the server's own shared browser, which also prints the page's jobs.
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../reports/cards/browser.js';
import { readSummaryXlsx } from '../reports/county/read-summary.js';
import { buildWeb } from '../scripts/build-web.js';
import { seedSheets } from './fake-excel/seed.js';
import {
  UNITS,
  mailFigures,
  mailLines,
  overviewPairs,
  problemsExpected,
  quarterCardLines,
  rankingOwed,
  scoreAt,
  summaryExpected,
  talkLines,
  textSection,
  todoHeading,
  todoKeys,
  type ScoreJson,
  type Unit,
} from './helpers/agreement.js';
import { loadWorkbook } from './helpers/exceljs-workbook.js';
import { buildPane, fakeOfficeScript, fakeTable, openPane, scorePane } from './helpers/pane.js';
import { pdfPages, squash } from './helpers/pdf-text.js';
import { startTestServer, type TestServer } from './helpers/serve.js';
import { tempDir } from './helpers/workbook.js';

/** Printing on a shared 2-core machine: minutes, not seconds. */
const PRINTING = 180_000;

let server: TestServer;
let browser: Browser;
let fakeOffice: string;
let web: Page;

beforeAll(async () => {
  const dir = tempDir('agree-views-');
  const [addinDir, webDir] = await Promise.all([
    buildPane('agree-pane-'),
    buildWeb(path.join(dir, 'web')),
  ]);
  fakeOffice = await fakeOfficeScript();
  // The upload is kept for the whole file: the page prints from it after both days' checks.
  server = await startTestServer({ addinDir, webDir, ttlMs: 30 * 60_000 });
  // The server's browser is started on first use; the test opens its pages on it too.
  const shared = server.browser as unknown as {
    browser(): Promise<{ launched: LaunchedBrowser }>;
  };
  browser = (await shared.browser()).launched.browser;
  web = await browser.newPage();
  await web.setViewport({ width: 1100, height: 900 });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/** What the pane or the page shows after a scoring run, as text. */
interface Screen {
  overview: Record<string, string>;
  talks: { cls: string; text: string }[];
  todo: string[];
  problems: string[];
  /** Each member of the preview chooser: the option, the note under it, the card's numbers. */
  preview: { option: string; note: string; numbers: string[] }[];
}

function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const all = (s: string) => Array.from(document.querySelectorAll(s));
    const text = (e: Element) => (e.textContent ?? '').trim();
    const dts = all('#summary dl dt').map(text);
    const dds = all('#summary dl dd').map(text);
    const chooser = document.querySelector('#preview select') as HTMLSelectElement;
    const note = document.querySelector('#preview .preview-note')!;
    const frame = document.querySelector('#preview iframe') as HTMLIFrameElement;
    const preview = Array.from(chooser.options)
      .slice(1)
      .map((option) => {
        chooser.value = option.value;
        chooser.dispatchEvent(new Event('change'));
        return {
          option: text(option),
          note: text(note),
          numbers: frame.srcdoc.match(/〔\d{4}〕\d{4}号/g) ?? [],
        };
      });
    chooser.value = '';
    chooser.dispatchEvent(new Event('change'));
    return {
      overview: Object.fromEntries(dts.map((k, i) => [k, dds[i]])),
      talks: all('#talks li').map((li) => ({ cls: li.className, text: text(li) })),
      todo: all('#todo li').map(text),
      problems: all('#problems li').map(text),
      preview,
    };
  });
}

/** A sheet the pane wrote, as one record per row by its header. */
async function sheetRecords(page: Page, name: string) {
  const [header, ...rows] = await fakeTable(page, name);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
}

/** Uploads a workbook to the page once, scored as of `asOf`. */
async function upload(file: string, asOf: string): Promise<void> {
  // Headless Chromium runs no animation frames in a tab behind another: waits would hang.
  await web.bringToFront();
  await web.goto(`${server.url}/`);
  await web.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#score')!.disabled);
  await web.$eval('#as-of', (el, d) => ((el as HTMLInputElement).value = d), asOf);
  await (await web.$('input#file[type="file"]'))!.uploadFile(file);
  await web.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  await web.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('#print .print-notices')?.disabled,
  );
}

/** A new 计算日期 on the page: it scores the uploaded workbook again, nothing is sent. */
async function rescoreWeb(asOf: string): Promise<void> {
  await web.bringToFront();
  await web.$eval(
    '#as-of',
    (el, d) => {
      (el as HTMLInputElement).value = d;
      el.dispatchEvent(new Event('change'));
    },
    asOf,
  );
  await web.waitForFunction(
    (d) =>
      document.querySelector('#status')!.textContent!.startsWith('已完成') &&
      Array.from(document.querySelectorAll('#summary dd')).some((dd) => dd.textContent === d),
    {},
    asOf,
  );
}

/** Clicks a job's button in the page's 打印与报送; the PDFs it made, as text, by file name. */
async function printFromPage(button: string): Promise<Map<string, Buffer>> {
  await web.bringToFront();
  await web.click(`#print ${button}`);
  // Done, failed, or refused before it was sent (a field the section did not accept).
  await web.waitForFunction(
    () => {
      const status = document.querySelector('#print .print-result .print-status');
      return (
        /已完成|未完成/.test(status?.textContent ?? '') || !!status?.classList.contains('error')
      );
    },
    // By the clock: the job's own tab on the shared browser is in front while it prints.
    { timeout: PRINTING, polling: 250 },
  );
  const status = await web.$eval('#print .print-result', (el) => el.textContent ?? '');
  expect(status).toContain('已完成');
  const links = await web.$$eval('#print .print-files a', (as) =>
    as.map((a) => ({ name: a.textContent!, href: (a as HTMLAnchorElement).href })),
  );
  const out = new Map<string, Buffer>();
  for (const { name, href } of links) {
    const reply = await server.request('GET', href);
    expect(reply.status).toBe(200);
    out.set(name, reply.body);
  }
  return out;
}

const pdfText = async (pdf: Buffer) => (await pdfPages(pdf)).join('');

/** Both screens against score on the day: the same figures and lists, in the same order. */
function expectScreenAgrees(screen: Screen, json: ScoreJson, text: string): void {
  expect(screen.overview).toEqual(overviewPairs(json));

  // 需要约谈和处置: who is owed a talk, with the balance, level, kinds and deadlines score has.
  const talks = talkLines(json);
  expect(screen.talks.map((t) => t.cls)).toEqual(
    talks.map((t) => (t.overdue ? 'overdue' : 'open')),
  );
  talks.forEach((t, i) => {
    const shown = screen.talks[i].text;
    expect(shown.startsWith(`${t.name}（`), `${shown} ≠ ${t.name}`).toBe(true);
    expect(shown).toContain(`${t.balance} 分`);
    expect(shown).toContain(t.level);
    for (const [k, kind] of t.talks.entries()) {
      expect(shown).toContain(`${kind}（`);
      expect(shown).toContain(`期限 ${t.deadlines[k]}`);
    }
  });

  // 待办 and 问题: score's own lines, one for one.
  const todo = textSection(text, '待办');
  expect(todo).toHaveLength(todoKeys(json).length);
  expect(screen.todo).toEqual(todo);
  const problems = textSection(text, '问题');
  expect(problems).toHaveLength(json.problems.length);
  expect(screen.problems).toEqual(problems);

  // The preview: everyone with a counted entry, their balance, and their latest card's number.
  const owners = json.members.filter((m) =>
    json.notices.some((n) => n.memberId === (m.id ?? m.name)),
  );
  expect(screen.preview.map((p) => p.option)).toEqual(
    owners.map((m) => expect.stringContaining(`${m.name}`)),
  );
  owners.forEach((m, i) => {
    const shown = screen.preview[i];
    const latest = json.notices.filter((n) => n.memberId === (m.id ?? m.name)).pop()!;
    expect(shown.option.endsWith(`${m.balance} 分`), shown.option).toBe(true);
    const [y, mo, d] = latest.date.split('-').map(Number);
    expect(shown.note).toContain(`${y}年${mo}月${d}日的记分`);
    expect(shown.note.endsWith(`编号 ${latest.number}`), shown.note).toBe(true);
    expect(shown.numbers).toContain(latest.number);
  });
}

describe.each(UNITS.map((make, i) => ({ make, i })))(
  'the pane and the web page agree with score: unit $i',
  ({ make }) => {
    let unit: Unit;
    let pane: Page;

    beforeAll(async () => {
      unit = await make();
      const seed = seedSheets(await loadWorkbook(unit.file));
      ({ page: pane } = await openPane(browser, server.url, fakeOffice, 'taskpane.html', seed, {
        viewport: { width: 380, height: 900 },
      }));
      await upload(unit.file, unit.end);
    }, 120_000);
    afterAll(async () => {
      await pane?.close();
    });

    describe.each(['end', 'rankingDay'] as const)('as of the %s', (day) => {
      let json: ScoreJson;
      let text: string;
      let paneScreen: Screen;
      let webScreen: Screen;

      beforeAll(async () => {
        const asOf = unit[day];
        ({ json, text } = await scoreAt(unit.file, asOf));
        await pane.bringToFront();
        await scorePane(pane, asOf);
        paneScreen = await readScreen(pane);
        if (day !== 'end') await rescoreWeb(asOf);
        webScreen = await readScreen(web);
      }, 120_000);

      it('积分汇总: each member’s balance, level, points, rank, listing and talks as score has them', async () => {
        const written = await sheetRecords(pane, '积分汇总');
        // 应办处置 without who acts: "2026-03-01 约谈提醒 已办 2026-03-05".
        const owedCell = (cell: unknown) =>
          String(cell)
            .split('\n')
            .map((l) => l.replace(/（[^）]*）：/, ' ').replace(/^(\S+ \S+ 已办 \S+) .*$/, '$1'))
            .join('\n');
        expect(written.map((r) => ({ ...r, 应办处置: owedCell(r['应办处置']) }))).toEqual(
          summaryExpected(json),
        );
      });

      it('待办事项: score’s 待办, item for item', async () => {
        const written = await sheetRecords(pane, '待办事项');
        const lines = written.map(
          (r) =>
            `[${r['状态']}] ${r['姓名']} ${r['事项']}：${r['内容']}${r['期限'] ? `（期限 ${r['期限']}）` : ''} — ${r['位置']}`,
        );
        expect(lines).toEqual(textSection(text, '待办'));
        const overdue = written.filter((r) => r['状态'] === '逾期').length;
        expect(todoHeading(text)).toBe(
          written.length === 0 ? '无' : `${written.length} 项，其中逾期 ${overdue} 项`,
        );
        const keys = written.map(
          (r) =>
            `${r['事项'] === '待核实' ? '?' : r['状态']} ${r['事项']} ${r['编号'] || r['姓名']}`,
        );
        expect(keys.sort()).toEqual(todoKeys(json));
        expect(new Set(written.map((r) => r['计算日期']))).toEqual(
          new Set(written.length ? [json.asOf] : []),
        );
      });

      it('校验结果: score’s problems, row for row', async () => {
        const written = await sheetRecords(pane, '校验结果');
        expect(
          written.map((r) => `${r['级别']}|${r['工作表']}|${r['行']}|${r['列']}|${r['问题']}`),
        ).toEqual(problemsExpected(json));
      });

      it('the 街道 reaches the pane and the page with its 会议签到, reviews and superseded talks', async () => {
        if (unit.heading === '机关') return; // the sample is what it is
        const summary = await sheetRecords(pane, '积分汇总');
        expect(summary.some((r) => String(r['应办处置']).includes('已被取代'))).toBe(true);
        const todo = await sheetRecords(pane, '待办事项');
        expect(todo.some((r) => r['事项'] === '复核未办结')).toBe(true);
        for (const screen of [paneScreen, webScreen])
          expect(screen.preview.some((p) => p.note.includes('（会议签到 第'))).toBe(true);
      });

      it('the pane’s overview, talks, 待办, 问题 and card preview', () => {
        expectScreenAgrees(paneScreen, json, text);
      });

      it('the web page’s overview, talks, 待办, 问题 and card preview', () => {
        expectScreenAgrees(webScreen, json, text);
      });
    });

    describe('printed from the web page', () => {
      it(
        'the quarter’s cards state the quarter’s levels and points score gives at its end',
        async () => {
          const atEnd = (await scoreAt(unit.file, unit.end)).json;
          await web.select('#print .print-quarter', unit.quarter);
          const pdfs = await printFromPage('.print-quarterly');
          expect([...pdfs.keys()]).toEqual([
            `记分汇总公示卡-${unit.quarter}-内部公示.pdf`,
            `记分汇总公示卡-${unit.quarter}-报上级.pdf`,
          ]);
          for (const pdf of pdfs.values()) {
            const text = await pdfText(pdf);
            for (const line of quarterCardLines(atEnd, unit)) expect(text).toContain(squash(line));
          }
        },
        PRINTING,
      );

      it(
        'the .eml: its text and its 单位数据 say the quarter’s figures score gives at its end',
        async () => {
          const atEnd = (await scoreAt(unit.file, unit.end)).json;
          await web.select('#print .print-quarter', unit.quarter);
          const [eml] = [...(await printFromPage('.print-eml')).values()];
          const mail = await simpleParser(eml);
          for (const line of mailLines(atEnd, unit)) expect(mail.text).toContain(line);
          const xlsx = mail.attachments.find((a) => a.filename?.endsWith('.xlsx'))!;
          const read = await readSummaryXlsx(xlsx.content);
          if (!read.ok) throw new Error(read.message);
          const expected = mailFigures(atEnd, unit);
          const figures = read.submission.figures as Record<string, number | null>;
          expect(Object.fromEntries(Object.keys(expected).map((k) => [k, figures[k]]))).toEqual(
            expected,
          );
        },
        PRINTING,
      );

      it(
        'the month’s 榜单 lists the talks score owes on the ranking day',
        async () => {
          const atRanking = (await scoreAt(unit.file, unit.rankingDay)).json;
          await web.$eval(
            '#print .print-month',
            (el, m) => ((el as HTMLInputElement).value = m),
            unit.month,
          );
          const pdf = await pdfText(
            (await printFromPage('.print-ranking')).get(`积分榜单-${unit.month}.pdf`)!,
          );
          const owed = rankingOwed(atRanking);
          for (const name of owed.names) expect(pdf).toContain(squash(name));
          expect(pdf.split('逾期未办').length - 1).toBe(owed.overdue);
          expect(pdf).toContain(squash(`${unit.heading}党员“十二分制”`));
        },
        PRINTING,
      );
    });
  },
);
