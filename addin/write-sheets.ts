/// <reference types="office-js" />
// Writes the tool's own sheets (积分汇总, 待办事项, 校验结果) in as few batches as the 5 MB limit allows,
// with calculation suspended while each batch writes. Only these sheets are ever written:
// a clerk's cells are never touched.
import type { CellValue } from '../core/index.js';
import { PAYLOAD_BUDGET, jsonBytes } from './payload.js';

export interface SheetWrite {
  name: string;
  /** Header first. */
  rows: CellValue[][];
}

interface Block {
  sheet: SheetWrite;
  /** 0-based row of the block's first row. */
  start: number;
  values: (string | number | boolean)[][];
  formats: string[][];
  bytes: number;
}

/** Text stays text ('@'): Excel would otherwise turn '2026-11-25' into a date or '001' into 1. */
function cellOut(value: CellValue): { value: string | number | boolean; format: string } {
  if (value === null || value === undefined) return { value: '', format: '@' };
  if (typeof value === 'number' || typeof value === 'boolean') return { value, format: 'General' };
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10), format: '@' };
  return { value, format: '@' };
}

/** Row blocks of every sheet, then batches of blocks, each batch under the budget. */
export function planBatches(writes: readonly SheetWrite[], budget = PAYLOAD_BUDGET): Block[][] {
  const blocks: Block[] = [];
  for (const sheet of writes) {
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    let block: Block | null = null;
    sheet.rows.forEach((row, r) => {
      const cells = Array.from({ length: width }, (_, c) => cellOut(row[c]));
      const values = cells.map((c) => c.value);
      const formats = cells.map((c) => c.format);
      const bytes = jsonBytes(values) + jsonBytes(formats);
      if (!block || block.bytes + bytes > budget) {
        block = { sheet, start: r, values: [], formats: [], bytes: 0 };
        blocks.push(block);
      }
      block.values.push(values);
      block.formats.push(formats);
      block.bytes += bytes;
    });
  }
  const batches: Block[][] = [];
  let bytes = Infinity;
  for (const block of blocks) {
    if (bytes + block.bytes > budget) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(block);
    bytes += block.bytes;
  }
  return batches;
}

/**
 * Replaces each sheet's content (adding the sheet where it is missing), header in bold and
 * frozen. `existing` are the workbook's sheet names, read before.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  writes: readonly SheetWrite[],
  existing: readonly string[],
  budget = PAYLOAD_BUDGET,
): Promise<number> {
  const batches = planBatches(writes, budget);
  const has = new Set(existing.map((n) => n.toLowerCase()));
  for (const batch of batches) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const block of batch) {
      const name = block.sheet.name;
      let sheet: Excel.Worksheet;
      if (block.start === 0) {
        if (has.has(name.toLowerCase())) {
          sheet = context.workbook.worksheets.getItem(name);
          sheet.getRange().clear();
        } else {
          sheet = context.workbook.worksheets.add(name);
          has.add(name.toLowerCase());
        }
      } else {
        sheet = context.workbook.worksheets.getItem(name);
      }
      const width = block.values[0].length;
      const range = sheet.getRangeByIndexes(block.start, 0, block.values.length, width);
      range.numberFormat = block.formats;
      range.values = block.values;
      if (block.start === 0) {
        sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
        sheet.freezePanes.freezeRows(1);
      }
    }
    await context.sync();
  }
  return batches.length;
}
