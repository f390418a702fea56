/// <reference types="office-js" />
// Reads the clerk's input sheets from the open workbook: one sync for the sheet names, one
// for every sheet's used range (values and number formats together). Only where Excel on the
// web refuses a response that large does it read in row blocks, each batch under the budget.
import { SHEET_NAMES, normalize, type SheetData } from '../core/index.js';
import { PAYLOAD_BUDGET, isPayloadError, jsonBytes } from './payload.js';
import { toSheetData, type RangeRead } from './sheet-data.js';

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

export async function readInputSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  budget = PAYLOAD_BUDGET,
): Promise<SheetData[]> {
  const wanted = names.filter(isInputSheet);
  const ranges = wanted.map((name) =>
    context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load('values,numberFormat,address'),
  );
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadError(error)) throw error;
    return readInBlocks(context, wanted, budget);
  }
  return wanted.map((name, i) =>
    ranges[i].isNullObject ? { name, rows: [] } : toSheetData(name, [ranges[i] as RangeRead]),
  );
}

/** A first guess of one cell's bytes (value and format) in a response. */
const CELL_BYTES = 48;

async function readInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  budget: number,
): Promise<SheetData[]> {
  const used = names.map((name) =>
    context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  await context.sync();
  // Where a batch is still refused, start again with a guess twice as large.
  for (let cellBytes = CELL_BYTES; cellBytes <= CELL_BYTES * 16; cellBytes *= 2) {
    try {
      return await readBlocks(context, names, used, budget, cellBytes);
    } catch (error) {
      if (!isPayloadError(error)) throw error;
    }
  }
  throw new Error('工作表内容过大，Excel 网页版无法分批读取');
}

/**
 * Reads every used range in row blocks, one batch per sync. After each batch the bytes per
 * cell are measured, so later batches fill the budget instead of trusting the first guess.
 */
async function readBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  used: readonly Excel.Range[],
  budget: number,
  firstGuess: number,
): Promise<SheetData[]> {
  const blocks: RangeRead[][] = names.map(() => []);
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
      const room = Math.floor(budget / cellBytes) - queued;
      if (queued > 0 && room < range.columnCount) {
        await flush();
        continue;
      }
      const rows = Math.min(Math.max(1, Math.floor(room / range.columnCount)), range.rowCount - r);
      const block = sheet
        .getRangeByIndexes(range.rowIndex + r, range.columnIndex, rows, range.columnCount)
        .load('values,numberFormat,address');
      blocks[s].push(block);
      batch.push(block);
      queued += rows * range.columnCount;
      r += rows;
    }
  }
  if (queued > 0) await flush();
  return names.map((name, s) => toSheetData(name, blocks[s]));
}
