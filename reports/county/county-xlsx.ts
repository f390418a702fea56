// The county workbook: one row per unit that reported, the county's totals, the units that did
// not report, and what happened to every file read.
import ExcelJS from 'exceljs';
import {
  COUNTY_COLUMNS,
  SEAL_KIND_LABELS,
  sealPlace,
  type Consolidation,
  type UnitFigures,
  type VerifiedChange,
} from '../../core/index.js';
import { lineText, type CountyLine } from './consolidate-files.js';

export const COUNTY_SHEETS = {
  units: '各单位汇总',
  missing: '未报送单位',
  log: '核验记录',
  seal: '核验异常',
} as const;

export function countyFileName(quarter: string, ext: 'xlsx' | 'pdf'): string {
  return `县级汇总-${quarter}.${ext}`;
}

export async function countyXlsx(
  consolidation: Consolidation,
  lines: readonly CountyLine[],
  title: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const period = `统计期间：${consolidation.start} 至 ${consolidation.end}`;
  const header = [
    '序号',
    '单位名称',
    ...COUNTY_COLUMNS.map((c) => c.label),
    '生成时间',
    '来源',
    '备注',
  ];
  const units = sheet(wb, COUNTY_SHEETS.units, [title, period], header, [6, 28]);
  const cells = (f: UnitFigures) => COUNTY_COLUMNS.map((c) => f[c.key] ?? '未统计');
  consolidation.units.forEach((u, i) =>
    units.addRow([
      i + 1,
      u.unit,
      ...cells(u.submission.figures),
      u.submission.generated,
      u.source,
      [
        u.replaced.length > 0 ? `更正版，替换 ${u.replaced.join('、')}` : '',
        u.listed ? '' : '不在单位名单中',
      ]
        .filter(Boolean)
        .join('；'),
    ]),
  );
  units.addRow([
    '合计',
    `${consolidation.units.length} 个单位`,
    ...cells(consolidation.totals),
  ]).font = { bold: true };
  if (consolidation.partial.length > 0)
    units.addRow([
      '',
      `注：${COUNTY_COLUMNS.filter((c) => consolidation.partial.includes(c.key))
        .map((c) => c.label)
        .join('、')} 有单位未统计，合计只含已统计的单位。`,
    ]);

  const missing = sheet(
    wb,
    COUNTY_SHEETS.missing,
    [`${title}·未报送单位`, period],
    ['序号', '单位名称'],
    [6, 40],
  );
  if (consolidation.expected === null)
    missing.addRow(['', '未提供单位名单（--units），无法列出未报送单位']);
  else if (consolidation.missing.length === 0) missing.addRow(['', '名单中的单位均已报送']);
  else consolidation.missing.forEach((u, i) => missing.addRow([i + 1, u]));

  const log = sheet(
    wb,
    COUNTY_SHEETS.log,
    [`${title}·核验记录`, period],
    ['结果', '来源', '说明'],
    [8, 60, 90],
  );
  for (const u of consolidation.units)
    log.addRow([
      '计入',
      u.source,
      `${u.unit}，生成于 ${u.submission.generated}，数据哈希 ${u.submission.hash}`,
    ]);
  for (const line of lines) log.addRow([line.label, line.source, line.message]);

  sealSheet(wb, consolidation, `${title}·核验异常`, period);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 核验异常: each unit's earlier reported entries that its latest report no longer holds as
 * reported (seal.ts), one row each; corrections made the legitimate way are listed as such.
 */
function sealSheet(
  wb: ExcelJS.Workbook,
  consolidation: Consolidation,
  title: string,
  period: string,
): void {
  const ws = sheet(
    wb,
    COUNTY_SHEETS.seal,
    [title, period],
    [
      '单位名称',
      '类别',
      '报送季度',
      '台账位置',
      '党员',
      '日期',
      '事项',
      '分值',
      '说明',
      '报送时校验码',
      '现校验码',
    ],
    [28, 8, 10, 16, 14, 12, 36, 8, 60, 17, 17],
  );
  const checked = consolidation.units.filter((u) => u.seal !== null);
  if (checked.length === 0) {
    ws.addRow(['', '', '', '', '', '', '', '', '未提供各单位此前季度的报送（格式版本 2），未核对']);
    return;
  }
  let rows = 0;
  for (const u of checked) {
    const s = u.seal!;
    const all: VerifiedChange[] = [...s.changed, ...s.deleted, ...s.added, ...s.corrected];
    for (const c of all) {
      const row = (c.current ?? c.reported)!;
      const place = sealPlace(row.key);
      ws.addRow([
        u.unit,
        SEAL_KIND_LABELS[c.kind],
        c.report,
        `${place.sheet}${place.row !== null ? ` 第${place.row}行` : ''}`,
        `${row.name}${row.memberId ? `（${row.memberId}）` : ''}`,
        row.date,
        row.item,
        row.points,
        c.what ||
          (c.kind === 'deleted' ? '已报送，现已不在报送中' : '日期在已报送期间内，当时未报送'),
        c.reported?.code ?? '',
        c.current?.code ?? '',
      ]);
      rows++;
    }
  }
  if (rows === 0)
    ws.addRow([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `已核对 ${checked.length} 个单位此前报送的记录，均未改动`,
    ]);
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  banner: string[],
  header: string[],
  widths: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: banner.length + 1 }] });
  banner.forEach((text, i) => {
    const row = ws.addRow([text]);
    if (i === 0) row.font = { bold: true, size: 14 };
    ws.mergeCells(i + 1, 1, i + 1, header.length);
  });
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 12));
  return ws;
}

export { lineText };
