/// <reference types="office-js" />
// Reads the clerk's input sheets from the open workbook: one sync for the sheet names, one
// for every sheet's used range (values, number formats and merged areas together) and the
// workbook's date system. Only where Excel refuses a response that large (5 MB on the web, five
// million cells anywhere) does it read in row blocks, each batch under the budget. Calls newer
// than ExcelApi 1.1 are made only where the host has them (addin/host-features.ts).
import { SHEET_NAMES, normalize, type MergeArea, type SheetData } from '../core/index.js';
import { rangeAt, type HostFeatures } from './host-features.js';
import { CELL_LIMIT, PAYLOAD_BUDGET, isPayloadError, jsonBytes } from './payload.js';
import { mergeAreas, toSheetData, type RangeRead } from './sheet-data.js';

const INPUT_NAMES = new Set(Object.values(SHEET_NAMES).flatMap((names) => names.map(normalize)));

/** Sheets the core may read (by their canonical names or aliases); output sheets are not. */
export function isInputSheet(name: string): boolean {
  return INPUT_NAMES.has(normalize(name));
}

/** Names of every worksheet, in tab order. One sync. */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((ws) => ws.name);
}

/** DATE(2000,1,1) is 36526 in the 1900 date system and 35064 in the 1904 one. */
const Y2000_1900 = 36526;

/**
 * The used range: values only from 1.2 (a clerk who formatted whole columns does not make a
 * million empty rows), a null object for an empty sheet from 1.4 (below, Excel gives A1).
 */
function usedRange(sheet: Excel.Worksheet, features: HostFeatures): Excel.Range {
  if (features.usedRangeOrNull) return sheet.getUsedRangeOrNullObject(true);
  return features.usedRangeValuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
}

/** Queues the date-system probe; read its answer with `isDate1904` after the sync. */
function queueDateProbe(
  context: Excel.RequestContext,
  features: HostFeatures,
): Excel.FunctionResult<number> | null {
  return features.functions ? context.workbook.functions.date(2000, 1, 1).load('value') : null;
}

/** Below ExcelApi 1.2 there is no way to ask: the 1900 system, Excel's default, is assumed. */
function isDate1904(probe: Excel.FunctionResult<number> | null): boolean {
  return probe !== null && probe.value !== Y2000_1900;
}

const isBlank = (range: Excel.Range) =>
  range.isNullObject ||
  (range.values.length === 1 && range.values[0].length === 1 && range.values[0][0] === '');

export async function readInputSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  features: HostFeatures,
  budget = PAYLOAD_BUDGET,
  cellLimit = CELL_LIMIT,
): Promise<SheetData[]> {
  const wanted = names.filter(isInputSheet);
  const read = (withMerges: boolean) => {
    const ranges = wanted.map((name) =>
      usedRange(context.workbook.worksheets.getItem(name), features).load(
        'values,numberFormat,address',
      ),
    );
    const merges = withMerges
      ? ranges.map((r) => r.getMergedAreasOrNullObject().load('address'))
      : null;
    return { ranges, merges, probe: queueDateProbe(context, features) };
  };
  let batch = read(features.mergedAreas);
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadError(error)) return readInBlocks(context, wanted, features, budget, cellLimit);
    if (!batch.merges) throw error;
    // More than 512 merged areas in one range fail the whole batch: read the cells without,
    // then the merged areas in row blocks.
    batch = read(false);
    await context.sync();
  }
  const date1904 = isDate1904(batch.probe);
  const sheets: SheetData[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const range = batch.ranges[i];
    if (isBlank(range)) {
      sheets.push({ name: wanted[i], rows: [] });
      continue;
    }
    const merges = batch.merges
      ? mergeAreas(batch.merges[i].isNullObject ? '' : batch.merges[i].address)
      : features.mergedAreas
        ? await mergesInBlocks(context, wanted[i], range.address, features)
        : undefined;
    sheets.push(toSheetData(wanted[i], [range as RangeRead], date1904, merges));
  }
  return sheets;
}

/** Merged areas of a range read a block of rows at a time, halving a block Excel refuses. */
async function mergesInBlocks(
  context: Excel.RequestContext,
  name: string,
  address: string,
  features: HostFeatures,
): Promise<MergeArea[]> {
  const sheet = context.workbook.worksheets.getItem(name);
  const box = mergeAreas(address)[0];
  const found: MergeArea[] = [];
  const pending: [number, number][] = [[box.top, box.bottom]];
  while (pending.length) {
    const [top, bottom] = pending.shift()!;
    const areas = rangeAt(
      sheet,
      features,
      top - 1,
      box.left - 1,
      bottom - top + 1,
      box.right - box.left + 1,
    )
      .getMergedAreasOrNullObject()
      .load('address');
    try {
      await context.sync();
    } catch (error) {
      if (top === bottom) throw error;
      const middle = Math.floor((top + bottom) / 2);
      pending.unshift([top, middle], [middle + 1, bottom]);
      continue;
    }
    if (!areas.isNullObject) found.push(...mergeAreas(areas.address));
  }
  return found;
}

/** A first guess of one cell's bytes (value and format) in a response. */
const CELL_BYTES = 48;

async function readInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  features: HostFeatures,
  budget: number,
  cellLimit: number,
): Promise<SheetData[]> {
  const used = names.map((name) =>
    usedRange(context.workbook.worksheets.getItem(name), features).load(
      'rowIndex,columnIndex,rowCount,columnCount',
    ),
  );
  const probe = queueDateProbe(context, features);
  await context.sync();
  const date1904 = isDate1904(probe);
  // Where a batch is still refused, start again with a guess twice as large.
  for (let cellBytes = CELL_BYTES; cellBytes <= CELL_BYTES * 16; cellBytes *= 2) {
    try {
      return await readBlocks(
        context,
        names,
        used,
        features,
        { budget, cellLimit },
        cellBytes,
        date1904,
      );
    } catch (error) {
      if (!isPayloadError(error)) throw error;
    }
  }
  throw new Error('工作表内容过大，Excel 无法分批读取：请删去工作表中大片的空白格式后再试');
}

/**
 * Reads every used range in row blocks, one batch per sync, no batch over five million cells.
 * After each batch the bytes per cell are measured, so later batches fill the budget instead
 * of trusting the first guess.
 */
async function readBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  used: readonly Excel.Range[],
  features: HostFeatures,
  limits: { budget: number; cellLimit: number },
  firstGuess: number,
  date1904: boolean,
): Promise<SheetData[]> {
  const blocks: RangeRead[][] = names.map(() => []);
  const merges: Excel.RangeAreas[][] = names.map(() => []);
  let cellBytes = firstGuess;
  let batch: RangeRead[] = [];
  let queued = 0;
  const flush = async () => {
    await context.sync();
    const cells = batch.reduce((n, b) => n + b.values.length * (b.values[0]?.length ?? 0), 0);
    const bytes = batch.reduce((n, b) => n + jsonBytes(b.values) + jsonBytes(b.numberFormat), 0);
    if (cells > 0) cellBytes = Math.max(cellBytes / 2, (bytes / cells) * 1.25);
    batch = [];
    queued = 0;
  };
  for (let s = 0; s < names.length; s++) {
    const range = used[s];
    if (range.isNullObject) continue;
    const sheet = context.workbook.worksheets.getItem(names[s]);
    for (let r = 0; r < range.rowCount;) {
      const room = Math.min(Math.floor(limits.budget / cellBytes), limits.cellLimit) - queued;
      if (queued > 0 && room < range.columnCount) {
        await flush();
        continue;
      }
      const rows = Math.min(Math.max(1, Math.floor(room / range.columnCount)), range.rowCount - r);
      const block = rangeAt(
        sheet,
        features,
        range.rowIndex + r,
        range.columnIndex,
        rows,
        range.columnCount,
      ).load('values,numberFormat,address');
      if (features.mergedAreas) merges[s].push(block.getMergedAreasOrNullObject().load('address'));
      blocks[s].push(block);
      batch.push(block);
      queued += rows * range.columnCount;
      r += rows;
    }
  }
  if (queued > 0) await flush();
  return names.map((name, s) => {
    if (blocks[s].length === 0) return { name, rows: [] };
    const areas = features.mergedAreas
      ? merges[s].flatMap((m) => (m.isNullObject ? [] : mergeAreas(m.address)))
      : undefined;
    return toSheetData(name, blocks[s], date1904, areas);
  });
}
