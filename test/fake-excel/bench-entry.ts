/// <reference types="office-js" />
// Bundled by bench/addin.bench.ts and run in Chromium: scores the big unit through the add-in
// adapter against the fake Excel, and the core alone on the same sheets.
import { scoreWorkbook } from '../../core/index.js';
import { scoreOpenWorkbook } from '../../addin/score-workbook.js';
import { toSheetData } from '../../addin/sheet-data.js';
import { bigUnit } from '../../bench/big-unit.js';
import { FakeRequestContext, FakeWorkbookState } from './fake-excel.js';

(window as unknown as { runBench: () => Promise<unknown> }).runBench = async () => {
  const sheets = bigUnit();
  const state = new FakeWorkbookState(sheets);
  const context = new FakeRequestContext(state);
  const started = performance.now();
  const outcome = await scoreOpenWorkbook(context as unknown as Excel.RequestContext, '2026-11-25');
  const totalMs = performance.now() - started;
  if (!outcome.ok) throw new Error(outcome.message);
  const data = sheets.map((s) =>
    toSheetData(s.name, [{ values: s.values, numberFormat: s.formats, address: 'A1' }]),
  );
  const coreStarted = performance.now();
  scoreWorkbook(data, '2026-11-25');
  return {
    adapterCoreMs: outcome.coreMs,
    coreMs: performance.now() - coreStarted,
    totalMs,
    syncs: context.syncCount,
    bytes: state.syncs.map((s) => [s.requestBytes, s.responseBytes]),
  };
};
