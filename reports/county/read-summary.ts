// One summary workbook (bytes from a file or a mail attachment) read against the upward contract,
// through the same .xlsx reader the report tool uses for a ledger.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSubmission, type ReadSubmission } from '../../core/index.js';
import { sha256Hex } from '../mail/summary-xlsx.js';
import { WorkbookFileError, readWorkbook } from '../read-workbook.js';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readSummaryXlsx(content: Buffer): Promise<ReadSubmission> {
  if (!content.subarray(0, 4).equals(ZIP))
    return { ok: false, message: '不是 Excel 工作簿（.xlsx），文件可能已损坏或被改名' };
  // The reader takes a file (it reads parts through the zip's central directory).
  const dir = await mkdtemp(path.join(tmpdir(), 'twelve-summary-'));
  try {
    const file = path.join(dir, 'summary.xlsx');
    await writeFile(file, content);
    let sheets;
    try {
      sheets = await readWorkbook(file);
    } catch (error) {
      if (!(error instanceof WorkbookFileError)) throw error;
      return { ok: false, message: '汇总表已损坏，无法打开，请对方重新报送' };
    }
    return readSubmission(sheets, sha256Hex);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
