// The quarter's summary as a fresh .xlsx for the upward email: built from the core's numbers
// in a new workbook, never a copy of the clerk's own file (which holds far more than is due).
import ExcelJS from 'exceljs';
import { describeRule, LEVEL_LABELS, type QuarterSummary } from '../../core/index.js';

export const SUMMARY_SHEET = '记分汇总';
export const DETAIL_SHEET = '记分明细';

export const SUMMARY_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '编号', width: 10 },
  { header: '姓名', width: 10 },
  { header: '支部', width: 14 },
  { header: '职务', width: 12 },
  { header: '本季度记分', width: 11 },
  { header: '本季度奖励分', width: 13 },
  { header: '实际销分', width: 10 },
  { header: '季度末积分', width: 11 },
  { header: '季度末等级', width: 11 },
  { header: '可否推荐评先评优', width: 17 },
] as const;

export const DETAIL_COLUMNS = [
  { header: '姓名', width: 10 },
  { header: '编号', width: 10 },
  { header: '日期', width: 12 },
  { header: '事项', width: 40 },
  { header: '分值', width: 8 },
  { header: '说明', width: 40 },
  { header: '台账位置', width: 14 },
] as const;

/** `title`: the unit and the quarter, as the card prints them. */
export async function summaryXlsx(summary: QuarterSummary, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();

  const sheet = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  addTitle(sheet, title, `统计期间：${summary.start} 至 ${summary.end}`, SUMMARY_COLUMNS);
  summary.rows.forEach((r, i) =>
    sheet.addRow([
      i + 1,
      r.member.id ?? '',
      r.member.name,
      r.member.branch,
      r.member.post,
      r.demerits,
      r.rewards,
      r.cancelled,
      r.balance,
      LEVEL_LABELS[r.level],
      r.balance === 0 ? '可推荐' : '不可推荐',
    ]),
  );
  const cancelled = summary.rows.reduce((a, r) => a + r.cancelled, 0);
  const total = sheet.addRow([
    '合计',
    '',
    `${summary.totals.members} 名`,
    '',
    '',
    summary.totals.demerits,
    summary.totals.rewards,
    cancelled,
  ]);
  total.font = { bold: true };

  const detail = wb.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  addTitle(detail, `${title}明细`, `统计期间：${summary.start} 至 ${summary.end}`, DETAIL_COLUMNS);
  for (const r of summary.rows)
    for (const e of r.entries)
      detail.addRow([
        r.member.name,
        r.member.id ?? '',
        new Date(`${e.date}T00:00:00Z`),
        describeRule({ ...e.rule, variant: e.variantText || e.rule.variant }),
        e.points,
        e.note,
        e.key,
      ]);
  detail.getColumn(3).numFmt = 'yyyy-mm-dd';

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addTitle(
  sheet: ExcelJS.Worksheet,
  title: string,
  subtitle: string,
  columns: readonly { header: string; width: number }[],
): void {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([subtitle]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.mergeCells(2, 1, 2, columns.length);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
}
