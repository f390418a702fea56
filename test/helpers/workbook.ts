// Test helper: writes real .xlsx files from plain arrays, so tests go through exceljs as users do.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/index.js';

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
}

export function tempDir(prefix = 'twelve-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function writeXlsx(
  sheets: SheetSpec[],
  file = path.join(tempDir(), 'book.xlsx'),
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row.map((v) => (v === undefined ? null : v)));
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** A small but complete workbook: roster, ledger, settings. Extra ledger rows may be appended. */
export function basicSheets(ledgerRows: CellValue[][] = []): SheetSpec[] {
  return [
    {
      name: '党员名册',
      rows: [
        ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
        ['A01', '张三', '第一支部', '科员', 'zhangsan@example.cn', '在册'],
        ['A02', '李四', '第一支部', '科长', '', ''],
        ['A03', '王五', '第二支部', '科员', '', '在册'],
      ],
    },
    {
      name: '记分台账',
      rows: [['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明'], ...ledgerRows],
    },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['单位名称', '测试单位党工委'],
      ],
    },
  ];
}
