// Reads a roster workbook from disk with exceljs into the plain sheets the core takes.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetData } from '../core/index.js';
import { fileProblem } from './file-errors.js';

/** A workbook that cannot be opened at all; the message is one plain Chinese line. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Loads the whole workbook model (for tools that need styles or write back). */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = await checkFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw corrupt(name);
  }
  return workbook;
}

/**
 * Reads every worksheet's values. exceljs's streaming reader keeps only the values, not a
 * model of every cell: a 100,000-row ledger reads in half the memory and less time.
 */
export async function readWorkbook(file: string): Promise<SheetData[]> {
  await checkFile(file);
  try {
    return await streamSheets(file);
  } catch {
    // The streaming reader assumes the usual part order inside the zip; the full reader does
    // not. It also tells a truly broken file apart.
    return toSheets(await loadWorkbook(file));
  }
}

async function streamSheets(file: string): Promise<SheetData[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: (SheetData & { order: number })[] = [];
  for await (const worksheet of reader) {
    const rows: CellValue[][] = [];
    for await (const row of worksheet) rows[row.number - 1] = flattenRow(row.values as unknown[]);
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    // The reader names a sheet only where it has read the workbook's sheet list first.
    const ws = worksheet as unknown as { name: string; id: number };
    sheets.push({ name: ws.name, rows, order: Number(ws.id) });
  }
  return sheets.sort((a, b) => a.order - b.order).map(({ name, rows }) => ({ name, rows }));
}

/** Checks that the file is an .xlsx at all, so that a user never sees a stack trace. */
async function checkFile(file: string): Promise<string> {
  const name = path.basename(file);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new WorkbookFileError(fileProblem(error, file, 'read'));
  });
  if (!info) throw new WorkbookFileError(`找不到文件"${file}"`);
  if (!info.isFile()) throw new WorkbookFileError(`"${file}"不是一个文件`);
  if (info.size === 0)
    throw new WorkbookFileError(`"${name}"是空文件（0 字节），请换用正确的台账文件`);

  const head = await readHead(file, 8).catch((error: unknown) => {
    throw new WorkbookFileError(fileProblem(error, file, 'read'));
  });
  if (head.subarray(0, 8).equals(OLE)) {
    throw new WorkbookFileError(
      (await containsUtf16(file, 'EncryptionInfo'))
        ? `"${name}"设置了打开密码，无法读取：请在 Excel 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存`
        : `"${name}"是旧版 Excel 97-2003 (.xls) 文件：请在 Excel 中另存为"Excel 工作簿 (*.xlsx)"后再试`,
    );
  }
  if (!head.subarray(0, 4).equals(ZIP)) {
    throw new WorkbookFileError(
      `"${name}"不是 Excel 工作簿 (.xlsx)${/\.csv$/i.test(name) || looksLikeText(head) ? '，看起来是文本或 CSV 文件' : ''}：请在 Excel 中另存为"Excel 工作簿 (*.xlsx)"`,
    );
  }
  return name;
}

function corrupt(name: string): WorkbookFileError {
  // The zip library's reason (English, about central directories) helps no clerk.
  return new WorkbookFileError(
    `"${name}"已损坏或不完整（例如复制、下载中断），无法读取：请用 Excel 打开并修复后另存，或使用备份`,
  );
}

/** Every worksheet as a 2-D array from A1, cells flattened to what a person sees. */
export function toSheets(workbook: ExcelJS.Workbook): SheetData[] {
  return workbook.worksheets.map((ws) => {
    const values = ws.getSheetValues() as unknown[][];
    const rows: CellValue[][] = new Array(Math.max(0, values.length - 1));
    for (let r = 1; r < values.length; r++) rows[r - 1] = values[r] ? flattenRow(values[r]) : [];
    return { name: ws.name, rows };
  });
}

/** exceljs rows are 1-based and sparse: column A is index 1. */
function flattenRow(values: unknown[]): CellValue[] {
  const out: CellValue[] = new Array(Math.max(0, values.length - 1));
  for (let c = 1; c < values.length; c++) out[c - 1] = flatten(values[c]);
  return out;
}

/** Formula cells give their result; rich text, hyperlinks and errors their text. */
export function flatten(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value as CellValue;
  const v = value as Record<string, unknown>;
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return flatten(v.result);
  if (Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((t) => t.text).join('');
  if ('text' in v) return flatten(v.text);
  if ('error' in v) return String(v.error);
  return null;
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function containsUtf16(file: string, text: string): Promise<boolean> {
  const { readFile } = await import('node:fs/promises');
  return (await readFile(file)).includes(Buffer.from(text, 'utf16le'));
}

function looksLikeText(head: Buffer): boolean {
  return head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
}
