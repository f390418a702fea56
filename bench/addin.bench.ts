// The add-in's 检查并评分 on the 5,000-member / 100,000-row workbook: the core's time inside
// Chromium (where the add-in runs) beside the same core in Node (the baseline), and the
// number of context.sync() calls and batch sizes against the fake Excel.
import path from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { scoreWorkbook } from '../core/index.js';
import { PROJECT_ROOT } from '../reports/paths.js';
import { generateUnit } from '../scripts/generate-unit.js';
import { BIG_MEMBERS, BIG_ROWS } from './big-unit.js';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface BrowserRun {
  adapterCoreMs: number;
  coreMs: number;
  totalMs: number;
  syncs: number;
  bytes: [number, number][];
}

export default async function bench(): Promise<void> {
  // The same unit as bench/big-unit.ts writes, generated in each runtime: no file in between.
  const options = {
    members: BIG_MEMBERS,
    ledgerRows: BIG_ROWS,
    seed: 7,
    year: 2026,
    withMistakes: true,
  };
  const sheets = generateUnit(options).sheets;
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    scoreWorkbook(sheets, '2026-12-31');
    node.push(performance.now() - started);
  }

  const bundle = await build({
    entryPoints: [path.join(PROJECT_ROOT, 'test', 'fake-excel', 'bench-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020',
  });
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(path.join(tmpdir(), 'addin-bench-'))}`,
    ],
  });
  const runs: BrowserRun[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>bench</title>');
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      runs.push(
        await page.evaluate(() =>
          (window as never as { runBench: () => Promise<BrowserRun> }).runBench(),
        ),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }

  const nodeMs = median(node);
  const chromeCore = median(runs.map((r) => r.coreMs));
  const adapterCore = median(runs.map((r) => r.adapterCoreMs));
  const total = median(runs.map((r) => r.totalMs));
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
  console.log(`${BIG_MEMBERS} members / ${BIG_ROWS} ledger rows, median of ${RUNS}`);
  console.log(`core in Node (baseline):        ${nodeMs.toFixed(0)} ms`);
  console.log(
    `core in Chromium:               ${chromeCore.toFixed(0)} ms  (${(chromeCore / nodeMs).toFixed(2)}× Node)`,
  );
  console.log(
    `core inside the adapter:        ${adapterCore.toFixed(0)} ms  (${(adapterCore / nodeMs).toFixed(2)}× Node)`,
  );
  console.log(
    `whole 检查并评分 with the fake: ${total.toFixed(0)} ms  (${(total / nodeMs).toFixed(2)}× Node)`,
  );
  console.log(`context.sync() calls:           ${runs[0].syncs}`);
  console.log(
    `per sync request/response MB:   ${runs[0].bytes.map(([q, r]) => `${mb(q)}/${mb(r)}`).join(', ')}`,
  );
}
