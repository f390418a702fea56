/// <reference types="office-js" />
// Bundled by bench/addin.bench.ts and run in Chromium: scores the 5,000-member / 100,000-row
// unit through the add-in adapter against the fake Excel, and the core alone on the same rows.
import { scoreWorkbook } from '../../core/index.js';
import { scoreOpenWorkbook } from '../../addin/score-workbook.js';
import { generateUnit } from '../../scripts/generate-unit.js';
import { FakeRequestContext, FakeWorkbookState } from './fake-excel.js';
import { seedFromRows } from './from-rows.js';

(window as unknown as { runBench: (options: object) => Promise<unknown> }).runBench = async (
  options,
) => {
  const unit = generateUnit(options as Parameters<typeof generateUnit>[0]);
  const state = new FakeWorkbookState(seedFromRows(unit.sheets));
  const context = new FakeRequestContext(state);
  const started = performance.now();
  const outcome = await scoreOpenWorkbook(context as unknown as Excel.RequestContext, '2026-12-31');
  const totalMs = performance.now() - started;
  if (!outcome.ok) throw new Error(outcome.message);
  // Then the core alone, warm: one run to warm up, then the runs measured.
  scoreWorkbook(unit.sheets, '2026-12-31');
  const coreRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const coreStarted = performance.now();
    scoreWorkbook(unit.sheets, '2026-12-31');
    coreRuns.push(performance.now() - coreStarted);
  }
  return {
    adapterCoreMs: outcome.coreMs,
    coreRuns,
    totalMs,
    syncs: context.syncCount,
    bytes: state.syncs.map((s) => [s.requestBytes, s.responseBytes]),
  };
};
