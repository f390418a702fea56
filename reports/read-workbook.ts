// Reads a roster workbook from disk into the plain sheets the core takes: one reader for every
// file, whatever program wrote it (xlsx/: zip by central directory, XML streamed by saxes).
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SheetData } from '../core/index.js';
import { fileProblem } from './file-errors.js';
import { damaged, WorkbookFileError } from './xlsx/errors.js';
import { readPackage } from './xlsx/package.js';
import { readSheet } from './xlsx/worksheet.js';
import { ZipParts } from './xlsx/zip.js';

export { WorkbookFileError } from './xlsx/errors.js';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Every worksheet's values in workbook order, hidden sheets too. The same file gives the same
 * sheets every run: parts are read by name through the zip's central directory, in one fixed
 * order (workbook, relationships, shared strings, styles, then each sheet), whatever order the
 * writer stored them in. Throws WorkbookFileError (one Chinese line) for a file that cannot be
 * read; nothing else escapes.
 */
export async function readWorkbook(file: string): Promise<SheetData[]> {
  const name = await checkFile(file);
  return readParts(() => ZipParts.open(file, name), name);
}

/** The same reading for bytes already in memory (an attachment); `name` is used in messages. */
export async function readWorkbookBytes(content: Buffer, name: string): Promise<SheetData[]> {
  if (!content.subarray(0, 4).equals(ZIP))
    throw new WorkbookFileError(`"${name}"不是 Excel 工作簿（.xlsx），文件可能已损坏或被改名`);
  return readParts(() => ZipParts.fromBuffer(content, name), name);
}

async function readParts(openParts: () => Promise<ZipParts>, name: string): Promise<SheetData[]> {
  let parts: ZipParts | null = null;
  try {
    parts = await openParts();
    checkKind(parts, name);
    const info = await readPackage(parts);
    const sheets: SheetData[] = [];
    for (const sheet of info.sheets)
      sheets.push(await readSheet(parts, info, sheet.name, sheet.part));
    return sheets;
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    // A fault of ours or of a library: still one plain line, never a stack trace.
    throw damaged(name, '内容无法解析');
  } finally {
    parts?.close();
  }
}

/** A zip that is some other document (.xlsb, .ods, Word) is named as what it is. */
function checkKind(parts: ZipParts, name: string): void {
  if (parts.has('xl/workbook.bin'))
    throw new WorkbookFileError(
      `"${name}"是 Excel 二进制工作簿 (.xlsb)：请在 Excel 中另存为"Excel 工作簿 (*.xlsx)"后再试`,
    );
  if (parts.has('mimetype') && parts.has('content.xml'))
    throw new WorkbookFileError(
      `"${name}"是 OpenDocument 表格 (.ods)：请在 WPS 或 LibreOffice 中另存为"Excel 工作簿 (*.xlsx)"后再试`,
    );
  if (parts.has('word/document.xml') || parts.has('ppt/presentation.xml'))
    throw new WorkbookFileError(`"${name}"是 Word 或 PowerPoint 文档，不是 Excel 工作簿 (.xlsx)`);
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
    const text = head.toString('latin1').trimStart();
    const kind = /^</.test(text)
      ? '，看起来是网页 (HTML) 或 XML 文件'
      : /\.csv$/i.test(name) || looksLikeText(head)
        ? '，看起来是文本或 CSV 文件'
        : '';
    throw new WorkbookFileError(
      `"${name}"不是 Excel 工作簿 (.xlsx)${kind}：请在 Excel 中另存为"Excel 工作簿 (*.xlsx)"`,
    );
  }
  return name;
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
  return (await readFile(file)).includes(Buffer.from(text, 'utf16le'));
}

function looksLikeText(head: Buffer): boolean {
  return head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
}
