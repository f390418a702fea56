// `npm run bench cards`: 1,000 notice cards from a workbook to one PDF per card plus the merged
// PDF, batched (several cards per page.pdf(), split with pdf-lib) against a baseline measured
// in the same run: one page.pdf() per card on a pool of pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { noticeCards, parseWorkbook, score, type NoticeCard } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { launchBrowser } from '../reports/cards/browser.js';
import { loadTemplates } from '../reports/cards/template-folder.js';
import { PdfRenderer } from '../reports/cards/renderer.js';
import { DEFAULT_BATCH_SIZE, renderNotices } from '../reports/cards/notice-batch.js';
import { joinPdfs, splitPdf } from '../reports/cards/split.js';
import { mergedNoticeName, writeNotices } from '../reports/cards/write-notices.js';
import type { CardTemplates } from '../render/card-html.js';

const CARDS = 1000;
const BASELINE_CARDS = 40; // one page.pdf() per card is slow: a sample gives its rate
const POOL = 4;
const BATCH_SIZES = [50, 100, DEFAULT_BATCH_SIZE, 500];

export default async function bench(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'twelve-bench-'));
  const book = await writeBenchWorkbook(path.join(work, 'bench.xlsx'));
  const templates = loadTemplates();
  const launchStart = performance.now();
  const launched = await launchBrowser();
  const launchMs = performance.now() - launchStart;
  const memory = new MemorySampler(launched.browser.process()?.pid ?? null);
  try {
    const renderer = await PdfRenderer.open(launched.browser);
    // Warm-up: fonts and the print path are loaded once per browser.
    await notices(book, templates, renderer, 20, work, 20);

    const baseline = await runBaseline(book, templates, launched.browser, work, memory);
    console.log(
      `browser start ${launchMs.toFixed(0)} ms (once per run, not counted below)\n` +
        `baseline: one page.pdf() per card, pool of ${POOL} pages, ${BASELINE_CARDS} cards: ` +
        `${rate(baseline.ms, BASELINE_CARDS)}, CPU ${(baseline.cpu / BASELINE_CARDS).toFixed(1)} ms/card, ` +
        `merged by pdf-lib; peak memory ${mb(baseline.peak)}`,
    );

    for (const size of BATCH_SIZES) {
      memory.reset();
      const cpuStart = cpuMs(memory.browserPid);
      const t = await notices(book, templates, renderer, size, work, CARDS);
      const cpu = (cpuMs(memory.browserPid) - cpuStart) / CARDS;
      const peak = memory.peak();
      const perCard = t.total / CARDS;
      console.log(
        `batch ${String(size).padStart(4)}: ${rate(t.total, CARDS)} end to end ` +
          `(render ${(t.render / CARDS).toFixed(2)} ms/card incl. split, write ${(t.write / CARDS).toFixed(2)} ms/card), ` +
          `CPU ${cpu.toFixed(1)} ms/card; ${(baseline.ms / BASELINE_CARDS / perCard).toFixed(1)}× baseline ` +
          `(CPU ${(baseline.cpu / BASELINE_CARDS / cpu).toFixed(1)}×), ` +
          `card ${kb(t.cardBytes)}, merged ${mb(t.mergedBytes)}, peak memory ${mb(peak)}`,
      );
    }

    const { ms: merged, cpu: mergedCpu } = await mergedOnly(
      book,
      templates,
      renderer,
      memory.browserPid,
    );
    console.log(
      `merged printing only (${CARDS} cards, batches of ${DEFAULT_BATCH_SIZE} joined by pdf-lib): ${(merged / CARDS).toFixed(2)} ms/card ` +
        `wall, CPU ${(mergedCpu / CARDS).toFixed(2)} ms/card (goal ≤ 4)`,
    );
    await phases(book, templates, renderer);
    await compareSplitters(book, templates, renderer);
  } finally {
    memory.stop();
    await launched.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function cardsOf(book: string, count: number): Promise<NoticeCard[]> {
  const result = score(parseWorkbook(await readWorkbook(book)), '2026-12-31');
  return noticeCards(result).slice(0, count);
}

/** Workbook → per-card files + merged file, as `twelve notices` does it. */
async function notices(
  book: string,
  templates: CardTemplates,
  renderer: PdfRenderer,
  batchSize: number,
  work: string,
  count: number,
) {
  const start = performance.now();
  const cards = await cardsOf(book, count);
  const rendered = await renderNotices(cards, templates, renderer, { batchSize });
  const rendering = performance.now();
  const out = path.join(work, `out-${batchSize}`);
  writeNotices(out, rendered.cards, rendered.merged, mergedNoticeName(null, '2026-12-31'));
  const end = performance.now();
  rmSync(out, { recursive: true, force: true });
  return {
    total: end - start,
    render: rendering - start,
    write: end - rendering,
    cardBytes: rendered.cards.reduce((a, c) => a + c.pdf.length, 0) / rendered.cards.length,
    mergedBytes: rendered.merged?.length ?? 0,
  };
}

async function runBaseline(
  book: string,
  templates: CardTemplates,
  browser: Parameters<typeof PdfRenderer.open>[0],
  work: string,
  memory: MemorySampler,
) {
  const pool = await Promise.all(Array.from({ length: POOL }, () => PdfRenderer.open(browser)));
  memory.reset();
  const cpuStart = cpuMs(memory.browserPid);
  const start = performance.now();
  const cards = await cardsOf(book, BASELINE_CARDS);
  const pdfs: Buffer[] = new Array(cards.length);
  let next = 0;
  await Promise.all(
    pool.map(async (renderer) => {
      while (next < cards.length) {
        const i = next++;
        pdfs[i] = await renderer.render(
          templates.document([templates.card('notice', cards[i].view)]),
        );
      }
    }),
  );
  const merged = await joinPdfs(pdfs);
  writeNotices(
    path.join(work, 'out-baseline'),
    cards.map((card, i) => ({ card, pdf: pdfs[i] })),
    merged,
    'merged.pdf',
  );
  const ms = performance.now() - start;
  const cpu = cpuMs(memory.browserPid) - cpuStart;
  const peak = memory.peak();
  await Promise.all(pool.map((r) => r.close()));
  return { ms, cpu, peak };
}

async function mergedOnly(
  book: string,
  templates: CardTemplates,
  renderer: PdfRenderer,
  browserPid: number | null,
) {
  const cards = await cardsOf(book, CARDS);
  const cpuStart = cpuMs(browserPid);
  const start = performance.now();
  const batches: Buffer[] = [];
  for (let i = 0; i < cards.length; i += DEFAULT_BATCH_SIZE) {
    const batch = cards.slice(i, i + DEFAULT_BATCH_SIZE);
    batches.push(
      await renderer.render(templates.document(batch.map((c) => templates.card('notice', c.view)))),
    );
  }
  await joinPdfs(batches);
  return { ms: performance.now() - start, cpu: cpuMs(browserPid) - cpuStart };
}

/**
 * Where one batch's time goes: loading with and without a screen layout, page.pdf(), split.
 * Each phase's best of three runs, as other programs on the machine add noise.
 */
async function phases(book: string, templates: CardTemplates, renderer: PdfRenderer) {
  const cards = await cardsOf(book, DEFAULT_BATCH_SIZE);
  const html = templates.document(cards.map((c) => templates.card('notice', c.view)));
  const best = { laidOut: Infinity, printed: Infinity, rendered: Infinity, split: Infinity };
  const time = async <T>(phase: keyof typeof best, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    best[phase] = Math.min(best[phase], (performance.now() - start) / cards.length);
    return result;
  };
  for (let i = 0; i < 3; i++) {
    await time('laidOut', () => renderer.load(html));
    const pdf = await time('printed', () => renderer.pdf());
    await time('rendered', () => renderer.render(html));
    await time('split', () => splitPdf(pdf, Array<number>(cards.length).fill(1)));
  }
  const f = (ms: number) => ms.toFixed(2);
  console.log(
    `one batch of ${cards.length}, ms/card: load with screen layout ${f(best.laidOut)} + ` +
      `page.pdf() ${f(best.printed)}; render() (load without screen layout + page.pdf()) ` +
      `${f(best.rendered)}; split ${f(best.split)}`,
  );
}

/** pdf-lib copyPages into a fresh document per card (used) against loading the batch once per
 * card and removing the other pages. */
async function compareSplitters(book: string, templates: CardTemplates, renderer: PdfRenderer) {
  const cards = await cardsOf(book, 100);
  await renderer.load(templates.document(cards.map((c) => templates.card('notice', c.view))));
  const pages = await renderer.sheetPages();
  const pdf = await renderer.pdf();
  let start = performance.now();
  await splitPdf(pdf, pages);
  const copy = (performance.now() - start) / cards.length;
  start = performance.now();
  for (let i = 0; i < 20; i++) {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
    for (let p = doc.getPageCount() - 1; p >= 0; p--) if (p !== i) doc.removePage(p);
    await doc.save({ objectsPerTick: Infinity });
  }
  const remove = (performance.now() - start) / 20;
  console.log(
    `split 100-card batch: pdf-lib copyPages ${copy.toFixed(2)} ms/card (used), ` +
      `load-and-remove ${remove.toFixed(2)} ms/card`,
  );
}

/** The 1,000-card workbook (250 members), also timed through the server in serve.bench.ts. */
export async function writeBenchWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('党员名册');
  roster.addRow(['编号', '姓名', '支部', '职务', '邮箱', '状态']);
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';
  const members = 250;
  for (let i = 0; i < members; i++)
    roster.addRow([
      `M${String(i + 1).padStart(4, '0')}`,
      surnames[i % surnames.length] + given[(i * 7) % given.length] + given[(i * 3) % given.length],
      `第${(i % 6) + 1}支部`,
      '科员',
      '',
      '在册',
    ]);
  const ledger = wb.addWorksheet('记分台账');
  ledger.addRow(['日期', '编号', '事项', '情形', '分值', '状态', '说明']);
  const kinds = [
    ['P2', '请假', '', '', '主题党日请假，因公出差'],
    ['P1', '请假', '', '', '支部党员大会请假'],
    ['J1', '', '', '已认定', '参加社区志愿服务活动'],
    ['W1', '廉政约谈', '', '已认定', '违反工作纪律，经党工委认定'],
  ];
  for (let i = 0; i < CARDS; i++) {
    const [code, variant, points, status, note] = kinds[i % kinds.length];
    const month = 1 + Math.floor((i * 12) / CARDS);
    const day = 1 + (i % 28);
    ledger.addRow([
      `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `M${String((i % members) + 1).padStart(4, '0')}`,
      code,
      variant,
      points,
      status,
      `${note}（第${i + 1}条）`,
    ]);
  }
  const settings = wb.addWorksheet('设置');
  settings.addRow(['项目', '值']);
  settings.addRow(['单位名称', '经开区机关党工委']);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * Peak memory of this process (RSS) plus the browser's process tree (PSS, so pages shared
 * between Chromium's processes count once), sampled every 50 ms (Linux /proc).
 */
class MemorySampler {
  private max = 0;
  private timer: NodeJS.Timeout;
  constructor(readonly browserPid: number | null) {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }
  private sample() {
    const total = process.memoryUsage().rss + this.treeRss();
    if (total > this.max) this.max = total;
  }
  private treeRss(): number {
    if (this.browserPid === null || process.platform !== 'linux') return 0;
    let sum = 0;
    const pending = [this.browserPid];
    while (pending.length) {
      const pid = pending.pop()!;
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        sum += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      } catch {
        // the process ended between two reads
      }
    }
    return sum;
  }
  reset() {
    this.max = 0;
    this.sample();
  }
  peak() {
    this.sample();
    return this.max;
  }
  stop() {
    clearInterval(this.timer);
  }
}

/** CPU time so far (ms) of this process and the browser's process tree: unlike wall time, it
 * does not grow when other programs share the cores. */
function cpuMs(browserPid: number | null): number {
  const own = process.cpuUsage();
  let ticks = 0;
  if (browserPid !== null && process.platform === 'linux') {
    const pending = [browserPid];
    while (pending.length) {
      const pid = pending.pop()!;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      } catch {
        // the process ended between two reads
      }
    }
  }
  return (own.user + own.system) / 1000 + ticks * 10;
}

const rate = (ms: number, n: number) =>
  `${((n * 1000) / ms).toFixed(1)} cards/s, ${(ms / n).toFixed(2)} ms/card`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
