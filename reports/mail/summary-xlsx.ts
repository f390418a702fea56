// The quarter's summary as a fresh .xlsx for the upward email: built from the core's numbers
// in a new workbook, never a copy of the clerk's own file (which holds far more than is due).
// Its sheets and cells are the upward contract (core/upward.ts, docs/upward.md): this module
// only lays them out for people (titles, widths, bold headers) and stamps the data hash.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  canonicalData,
  metaRows,
  UPWARD_FORMAT_VERSION,
  UPWARD_SHEETS,
  upwardTables,
  type QuarterSummary,
  type UpwardTable,
} from '../../core/index.js';
import { TOOL_VERSION } from '../version.js';

export const SUMMARY_SHEET = UPWARD_SHEETS.summary;

/** Column widths by header, for people; the contract does not depend on them. */
const WIDTHS: Record<string, number> = {
  序号: 6,
  编号: 10,
  姓名: 10,
  支部: 14,
  职务: 12,
  本季度记分: 11,
  本季度奖励分: 13,
  实际销分: 10,
  季度末积分: 11,
  等级: 8,
  可否推荐评先评优: 17,
  日期: 12,
  事项: 40,
  分值: 8,
  说明: 40,
  台账位置: 14,
  规则: 6,
  状态: 8,
  认定日期: 12,
  更正: 20,
  校验码: 17,
  项目: 28,
  值: 68,
};

export interface SummaryXlsxOptions {
  /** The unit's name as the report names it (the card's and the mail's). */
  unit: string;
  /** The unit and the quarter, as the card prints them: the sheets' title. */
  title: string;
  /** When the workbook is made; default now. */
  generated?: Date;
}

export async function summaryXlsx(
  summary: QuarterSummary,
  options: SummaryXlsxOptions,
): Promise<Buffer> {
  const tables = upwardTables(summary, options.title);
  const identity = {
    unit: options.unit,
    quarter: summary.quarter,
    start: summary.start,
    end: summary.end,
    // The core scores a quarter as of its last day.
    asOf: summary.end,
  };
  const hash = sha256Hex(canonicalData(identity, tables));

  const wb = new ExcelJS.Workbook();
  wb.creator = `twelve-points ${TOOL_VERSION}`;
  for (const table of tables) addTable(wb, table);
  const meta = wb.addWorksheet(UPWARD_SHEETS.meta);
  addRows(
    meta,
    ['项目', '值'],
    [
      ...metaRows({
        ...identity,
        format: UPWARD_FORMAT_VERSION,
        generated: (options.generated ?? new Date()).toISOString(),
        tool: TOOL_VERSION,
        hash,
        sealDigest: summary.seal.digest,
      }),
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function addTable(wb: ExcelJS.Workbook, table: UpwardTable): void {
  const sheet = wb.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: table.banner.length + 1 }],
  });
  table.banner.forEach((text, i) => {
    const row = sheet.addRow([text]);
    if (i === 0) row.font = { bold: true, size: 14 };
    sheet.mergeCells(i + 1, 1, i + 1, table.header.length);
  });
  addRows(sheet, table.header, table.rows);
  const last = sheet.lastRow;
  if (table.name === UPWARD_SHEETS.summary && last) last.font = { bold: true };
}

function addRows(
  sheet: ExcelJS.Worksheet,
  header: readonly string[],
  rows: readonly (string | number)[][],
): void {
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.forEach((h, i) => (sheet.getColumn(i + 1).width = WIDTHS[h] ?? 12));
  for (const row of rows) sheet.addRow(row);
}
