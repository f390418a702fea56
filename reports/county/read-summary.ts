// One summary workbook (bytes from a file or a mail attachment) read against the upward contract.
import ExcelJS from 'exceljs';
import { readSubmission, type ReadSubmission } from '../../core/index.js';
import { sha256Hex } from '../mail/summary-xlsx.js';
import { toSheets } from '../read-workbook.js';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readSummaryXlsx(content: Buffer): Promise<ReadSubmission> {
  if (!content.subarray(0, 4).equals(ZIP))
    return { ok: false, message: '不是 Excel 工作簿（.xlsx），文件可能已损坏或被改名' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: '汇总表已损坏，无法打开，请对方重新报送' };
  }
  return readSubmission(toSheets(workbook), sha256Hex);
}
