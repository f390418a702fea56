// The add-in's 检查并评分 on the 5,000-member / 100,000-row workbook: the core's time inside
// Chromium (where the add-in runs) beside the same core in Node (the baseline), both warm, the
// first (cold) click through the adapter, and the number of context.sync() calls and batch
// sizes against the fake Excel.
import path from 'node:path';
import { build } from 'esbuild';
import { scoreWorkbook } from '../core/index.js';
import { launchBrowser } from '../reports/cards/browser.js';
import { PROJECT_ROOT } from '../reports/paths.js';
import { generateUnit } from '../scripts/generate-unit.js';
import { BIG_MEMBERS, BIG_ROWS } from './big-unit.js';

const WARM_RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface BrowserRun {
  adapterCoreMs: number;
  coreRuns: number[];
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
  scoreWorkbook(sheets, '2026-12-31'); // warm-up
  const node: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
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
  const launched = await launchBrowser();
  const browser = launched.browser;
  let run: BrowserRun;
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    run = await page.evaluate(
      (o) => (window as never as { runBench: (o: object) => Promise<BrowserRun> }).runBench(o),
      options,
    );
  } finally {
    await launched.close();
  }

  const nodeMs = median(node);
  const chromeMs = median(run.coreRuns);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
  const vsNode = (ms: number) => `${ms.toFixed(0)} ms  (${(ms / nodeMs).toFixed(2)}× Node)`;
  console.log(`${BIG_MEMBERS} members / ${BIG_ROWS} ledger rows`);
  console.log(`core in Node, warm (baseline, median of ${WARM_RUNS}): ${nodeMs.toFixed(0)} ms`);
  console.log(`core in Chromium, warm (median of ${WARM_RUNS}):       ${vsNode(chromeMs)}`);
  console.log(`core in Chromium, first click (cold, in the adapter): ${vsNode(run.adapterCoreMs)}`);
  console.log(`whole 检查并评分 against the fake, first click:       ${vsNode(run.totalMs)}`);
  console.log(`context.sync() calls:                                ${run.syncs}`);
  console.log(
    `per sync request/response MB: ${run.bytes.map(([q, r]) => `${mb(q)}/${mb(r)}`).join(', ')}`,
  );
}
