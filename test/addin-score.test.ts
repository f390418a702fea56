/// <reference types="office-js" />
// The add-in's 检查并评分 against the strict fake Excel: same results as `twelve score --json`,
// a constant number of syncs, batches under Excel on the web's 5 MB limit, clerk cells untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { loadWorkbook } from './helpers/exceljs-workbook.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { scoreJson } from '../reports/print/score-json.js';
import { scoreOpenWorkbook, selectCell } from '../addin/score-workbook.js';
import {
  FakeRequestContext,
  FakeWorkbookState,
  WEB_PAYLOAD_LIMIT,
  type FakeOptions,
} from './fake-excel/fake-excel.js';
import { fakeFromXlsx, seedSheets, type SeedSheet } from './fake-excel/seed.js';
import { bigUnitFile } from '../bench/big-unit.js';
import { writeXlsx } from './helpers/workbook.js';
import { messySheets } from './fake-excel/messy.js';

const AS_OF = '2026-11-25';
/** The day of the run, the same for the pane and the CLI: a date after it is an error. */
const TODAY = '2026-12-31';

async function scoreInFake(state: FakeWorkbookState, options: FakeOptions = {}, budget?: number) {
  const ctx = new FakeRequestContext(state, options);
  const outcome = await scoreOpenWorkbook(ctx as unknown as Excel.RequestContext, AS_OF, {
    budget,
    today: TODAY,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { outcome, syncs: ctx.syncCount };
}

describe('检查并评分 in the fake Excel', () => {
  it('gives the same result as `twelve score --json` on a messy workbook', async () => {
    const file = await writeXlsx(messySheets());
    const cli = scoreJson(scoreWorkbook(await readWorkbook(file), AS_OF, { today: TODAY }));
    const state = await fakeFromXlsx(file);
    const { outcome } = await scoreInFake(state);
    expect(outcome.ok && scoreJson(outcome.result)).toEqual(cli);
    // The workbook really is messy: problems name the shifted cells.
    expect(cli.problems.map((p) => p.cell)).toContain('B6');
    expect(cli.members.find((m) => m.name === '张三')!.balance).toBeGreaterThanOrEqual(9);
  });

  it('gives the same result as `twelve score --json` on the bundled sample', async () => {
    const cli = scoreJson(scoreWorkbook(await readWorkbook(SAMPLE_WORKBOOK), AS_OF));
    const { outcome } = await scoreInFake(await fakeFromXlsx(SAMPLE_WORKBOOK));
    expect(outcome.ok && scoreJson(outcome.result)).toEqual(cli);
    expect(cli.members.length).toBeGreaterThan(10);
    expect(cli.members.some((m) => m.level !== 'normal')).toBe(true);
  });

  it('writes 积分汇总, 待办事项 and 校验结果 and leaves every clerk cell as it was', async () => {
    const file = await writeXlsx(messySheets());
    const state = await fakeFromXlsx(file);
    const before = JSON.stringify(state.sheets.map((s) => [s.name, s.values, s.formats]));
    const { outcome } = await scoreInFake(state);
    if (!outcome.ok) throw new Error();
    expect(state.sheets.map((s) => s.name)).toEqual([
      '党员名册',
      '记分台账',
      '设置',
      '积分汇总',
      '待办事项',
      '校验结果',
    ]);
    expect(JSON.stringify(state.sheets.slice(0, 3).map((s) => [s.name, s.values, s.formats]))).toBe(
      before,
    );
    const summary = state.table('积分汇总');
    expect(summary[0].slice(0, 5)).toEqual(['编号', '姓名', '支部', '积分余额', '等级']);
    expect(summary.slice(1).map((r) => [r[1], r[3]])).toEqual(
      outcome.result.members.map((m) => [m.member.name, m.balance]),
    );
    // Text stays text: the as-of date is not turned into a date serial by Excel.
    const asOfColumn = summary[0].indexOf('计算日期');
    expect(state.sheet('积分汇总')!.formats[1][asOfColumn]).toBe('@');
    const problems = state.table('校验结果');
    expect(problems.length - 1).toBe(outcome.result.problems.length);
    expect(problems.some((r) => r[2] === 'B6' && String(r[5]).includes('2026-13-01'))).toBe(true);
  });

  it('replaces an older 积分汇总 completely on a second run', async () => {
    const state = await fakeFromXlsx(await writeXlsx(messySheets()));
    const summarySheet = state.addSheet('积分汇总', [
      ['旧'],
      ['旧'],
      ['旧'],
      ['旧'],
      ['旧'],
      ['旧'],
    ]);
    summarySheet.values.push(...Array.from({ length: 20 }, () => ['旧数据', '旧数据']));
    await scoreInFake(state);
    const summary = state.table('积分汇总');
    expect(summary.flat()).not.toContain('旧数据');
    expect(summary.length).toBe(4); // header and three members
  });

  it('says why in Chinese when the workbook has no ledger', async () => {
    const state = new FakeWorkbookState([{ name: '党员名册', values: [['姓名'], ['张三']] }]);
    const ctx = new FakeRequestContext(state);
    const outcome = await scoreOpenWorkbook(ctx as unknown as Excel.RequestContext, AS_OF);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/台账/);
    expect(state.sheets.map((s) => s.name)).toEqual(['党员名册']);
  });

  it('selects a problem cell', async () => {
    const state = await fakeFromXlsx(await writeXlsx(messySheets()));
    const ctx = new FakeRequestContext(state);
    await selectCell(ctx as unknown as Excel.RequestContext, '记分台账', 'C6');
    expect(state.selection).toEqual({ sheet: '记分台账', address: 'C6' });
    expect(state.activeSheet).toBe('记分台账');
  });

  it('splits the writes into batches under a small budget and still writes the same sheets', async () => {
    const file = await writeXlsx(messySheets());
    const whole = await fakeFromXlsx(file);
    await scoreInFake(whole);
    const split = await fakeFromXlsx(file);
    const budget = 600;
    const { syncs } = await scoreInFake(split, {}, budget);
    expect(syncs).toBeGreaterThan(4);
    // Each write batch stays under the budget plus the batch's own few commands.
    expect(split.syncs.slice(2).every((s) => s.requestBytes <= budget + 600)).toBe(true);
    // Every write batch (after the two reads) suspends calculation.
    expect(split.syncs.slice(2).every((s) => s.calculationSuspended)).toBe(true);
    expect(split.table('积分汇总')).toEqual(whole.table('积分汇总'));
    expect(split.table('校验结果')).toEqual(whole.table('校验结果'));
  });
});

describe('the 5,000-member / 100,000-row workbook (bench/big-unit.ts)', () => {
  // One .xlsx: the CLI reads it as twelve does, the fake is seeded from exceljs's model of it.
  let cliResult: ReturnType<typeof scoreJson>;
  let seed: SeedSheet[];
  beforeAll(async () => {
    const workbook = await loadWorkbook(await bigUnitFile());
    cliResult = scoreJson(
      scoreWorkbook(await readWorkbook(await bigUnitFile()), AS_OF, { today: TODAY }),
    );
    seed = seedSheets(workbook);
  });

  it('takes at most 4 syncs on the desktop', async () => {
    const state = new FakeWorkbookState(seed);
    const { outcome, syncs } = await scoreInFake(state);
    expect(syncs).toBeLessThanOrEqual(4);
    expect(outcome.ok && scoreJson(outcome.result)).toEqual(cliResult);
    expect(state.table('积分汇总')).toHaveLength(cliResult.members.length + 1);
    expect(cliResult.members.length).toBeGreaterThan(4000);
  });

  it('keeps every request and response under 5 MB on the web', async () => {
    const state = new FakeWorkbookState(seed);
    const { outcome, syncs } = await scoreInFake(state, { platform: 'web' });
    expect(outcome.ok && scoreJson(outcome.result)).toEqual(cliResult);
    const ok = state.syncs.filter((s) => s.responseBytes <= WEB_PAYLOAD_LIMIT);
    // One read is refused as too large, then the rows are read in blocks.
    expect(state.syncs.length - ok.length).toBe(1);
    expect(state.syncs.every((s) => s.requestBytes <= WEB_PAYLOAD_LIMIT)).toBe(true);
    // Blocks are sized from the bytes measured so far: under the 4 MB budget, but not tiny.
    const refused = state.syncs.findIndex((s) => s.responseBytes > WEB_PAYLOAD_LIMIT);
    const blocks = state.syncs.slice(refused + 2, -1); // after the used ranges' sizes, before the write
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks.every((s) => s.responseBytes <= 4 * 1024 * 1024)).toBe(true);
    expect(syncs).toBeLessThanOrEqual(13);
  });
});
