/// <reference types="office-js" />
// The add-in at the ExcelApi levels clerks' Excel really has (docs/addin.md): 1.1 (Office 2016),
// 1.7 (volume-licensed Office 2019), 1.8 (Office 2021's first set) and 1.13 and later (Microsoft
// 365, the web). The fake fails any call above its level as Excel does (ApiNotFound); each level
// asserts what works and what degrades.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { scoreJson } from '../reports/print/score-json.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { hostFeatures } from '../addin/host-features.js';
import { prepareWorkbook } from '../addin/prepare-workbook.js';
import { scoreOpenWorkbook } from '../addin/score-workbook.js';
import {
  FakeExcelError,
  FakeRequestContext,
  FakeWorkbookState,
  supportsAt,
  type FakeOptions,
} from './fake-excel/fake-excel.js';
import { messySheets } from './fake-excel/messy.js';
import { fakeFromXlsx } from './fake-excel/seed.js';
import { tempDir, writeXlsx } from './helpers/workbook.js';

const AS_OF = '2026-11-25';
const parity = (name: string) => path.resolve('test', 'fixtures', 'parity', `${name}.xlsx`);

async function scoreAt(level: string, state: FakeWorkbookState, options: FakeOptions = {}) {
  const ctx = new FakeRequestContext(state, { ...options, apiLevel: level });
  const outcome = await scoreOpenWorkbook(ctx as unknown as Excel.RequestContext, AS_OF, {
    features: hostFeatures(supportsAt(level)),
    cellLimit: options.cellLimit,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return scoreJson(outcome.result);
}

const cliJson = async (file: string) => scoreJson(scoreWorkbook(await readWorkbook(file), AS_OF));

describe('the fake Excel at an API level', () => {
  it('fails a call from a newer set at sync, as an older Excel does', async () => {
    const state = new FakeWorkbookState([{ name: 'A', values: [['x']] }]);
    const ctx = new FakeRequestContext(state, { apiLevel: '1.1' });
    ctx.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 1, 1).load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    ctx.workbook.worksheets.getItem('A').getRange('A1').load('values');
    await expect(ctx.sync()).resolves.toBeUndefined();
    expect(new FakeExcelError('ApiNotFound', '').name).toBe('RichApi.Error');
  });
});

describe.each(['1.1', '1.7', '1.8', '1.13'])('检查并评分 at ExcelApi %s', (level) => {
  const at = (v: string) => supportsAt(level)(v);

  it('scores a messy workbook as `twelve score --json` does', async () => {
    const file = await writeXlsx(messySheets());
    expect(await scoreAt(level, await fakeFromXlsx(file))).toEqual(await cliJson(file));
  });

  it(`writes 积分汇总 ${at('1.7') ? 'with its header frozen and calculation suspended' : 'without frozen header or suspended calculation (1.6/1.7)'}`, async () => {
    const state = await fakeFromXlsx(await writeXlsx(messySheets()));
    await scoreAt(level, state);
    expect(state.sheet('积分汇总')!.frozenRows).toBe(at('1.7') ? 1 : 0);
    expect(state.syncs.some((s) => s.calculationSuspended)).toBe(at('1.6'));
    expect(state.sheet('积分汇总')!.bold.has('0,0')).toBe(true);
  });

  it(`reads a 1904 workbook ${at('1.2') ? 'in its own date system' : 'as 1900 (no way to ask below 1.2)'}`, async () => {
    const got = await scoreAt(level, await fakeFromXlsx(parity('date1904')));
    const dates = got.members.find((m) => m.name === '李四')!.steps.map((s) => s.date);
    expect(dates).toEqual(at('1.2') ? ['2026-11-20'] : ['2022-11-19']);
  });

  it(`${at('1.13') ? 'fills' : 'cannot see'} merged 支部 and 日期 cells`, async () => {
    const got = await scoreAt(level, await fakeFromXlsx(parity('merged')));
    const lisi = got.members.find((m) => m.name === '李四')!;
    if (at('1.13')) {
      expect(got).toEqual(await cliJson(parity('merged')));
      expect(lisi.branch).toBe('第一支部');
    } else {
      // Below 1.13 Excel does not say which cells are merged: the rows under a merged 日期
      // read as blank, and the problem list says so (nothing is scored silently).
      expect(lisi.branch).toBe('');
      const missing = got.problems.filter((p) => p.sheet === '记分台账' && p.column === '日期');
      expect(missing.map((p) => p.cell)).toEqual(['A4', 'A5']);
    }
  });

  it(`准备台账 ${at('1.8') ? 'adds dropdowns that warn, not stop' : 'adds sheets and headers but no dropdowns (1.8)'}`, async () => {
    const state = await fakeFromXlsx(await writeXlsx(messySheets()));
    const ctx = new FakeRequestContext(state, { apiLevel: level });
    const report = await prepareWorkbook(
      ctx as unknown as Excel.RequestContext,
      hostFeatures(supportsAt(level)),
    );
    expect(report.addedSheets).toEqual(expect.arrayContaining(['微心愿', '记分规则']));
    const ledger = state.sheet('记分台账')!;
    expect(ledger.values[2][9]).toBe('告知日期');
    if (at('1.8')) {
      expect(report.dropdowns).toBeGreaterThan(3);
      expect(report.noDropdowns).toBeUndefined();
      for (const v of ledger.validations)
        expect(v.errorAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    } else {
      expect(report.noDropdowns).toBe(true);
      expect(ledger.validations).toEqual([]);
    }
    expect(state.sheet('记分规则')!.columnWidths.size > 0).toBe(at('1.2'));
    // init's look needs nothing above 1.1: the header's fill and the date column's format.
    const wishes = state.sheet('微心愿')!;
    expect([wishes.fills.get('0,0'), wishes.formats[1][5]]).toEqual(['#FCE4D6', 'yyyy-mm-dd']);
  });
});

describe('a workbook over the five-million-cell read limit', () => {
  it('is read in blocks under the limit (modelled with a limit of 600 cells), same result', async () => {
    const cli = await cliJson(SAMPLE_WORKBOOK);
    for (const level of ['1.1', '1.13']) {
      const state = await fakeFromXlsx(SAMPLE_WORKBOOK);
      const got = await scoreAt(level, state, { cellLimit: 600 });
      expect(got).toEqual(cli);
      // One read refused, then blocks, none over the limit.
      expect(state.syncs.filter((s) => (s.cellsRead ?? 0) > 600)).toHaveLength(0);
      expect(state.syncs.filter((s) => (s.cellsRead ?? 0) > 0).length).toBeGreaterThan(3);
    }
  });

  it('at 1.1 a sheet formatted far below its data is still read whole', async () => {
    // Below 1.2 the used range includes formatting-only cells.
    const file = await writeXlsx(messySheets());
    const state = await fakeFromXlsx(file);
    const ledger = state.sheet('记分台账')!;
    while (ledger.formats.length < 3000) ledger.formats.push([]);
    ledger.values.push(...Array.from({ length: 3000 - ledger.values.length }, () => []));
    ledger.formats[2999][0] = 'yyyy-mm-dd';
    ledger.values[2999][0] = '';
    expect(await scoreAt('1.1', state, { cellLimit: 5000 })).toEqual(await cliJson(file));
  });
});

describe('more merged areas than Excel lists at once (512)', () => {
  it('reads the cells, then the merged areas in row blocks, and gives the CLI’s result', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('党员名册').addRows([
      ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
      ['A01', '张三', '第一支部', '科员', '', '在册'],
    ]);
    const ws = wb.addWorksheet('记分台账');
    ws.addRow(['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明']);
    for (let i = 0; i < 300; i++) {
      ws.addRow([
        new Date(Date.UTC(2026, 2, 1)),
        'A01',
        '张三',
        'J1',
        '',
        null,
        '已认定',
        '志愿服务',
      ]);
      ws.addRow([null, 'A01', '张三', 'J1', '', null, '已认定', '志愿服务']);
      // 日期 merged over each pair of rows: 300 areas; 说明 over H:I on every row: 600 more.
      ws.mergeCells(`A${2 * i + 2}:A${2 * i + 3}`);
      ws.mergeCells(`H${2 * i + 2}:I${2 * i + 2}`);
      ws.mergeCells(`H${2 * i + 3}:I${2 * i + 3}`);
    }
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    const file = path.join(tempDir('merges-'), 'many.xlsx');
    await wb.xlsx.writeFile(file);

    const state = await fakeFromXlsx(file);
    expect(state.sheet('记分台账')!.merges.length).toBe(900);
    const got = await scoreAt('1.13', state);
    expect(got).toEqual(await cliJson(file));
    expect(got.problems.filter((p) => p.column === '日期')).toEqual([]);
    // The whole-range read was refused, the cells read again, the merges in several blocks.
    expect(state.syncs.length).toBeGreaterThan(6);
  });
});
