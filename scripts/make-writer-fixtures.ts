// Makes the committed fixtures of test/writer-matrix.test.ts and test/parity-fixtures.test.ts:
// one small unit written by each program clerks' files come from, and the same file with its
// zip parts in other orders. Needs what CI does not: python3-openpyxl, python3-xlsxwriter,
// libreoffice-calc (Debian) and SheetJS (`npm install --no-save xlsx@0.18.5`, or
// SHEETJS_DIR=a folder it was installed into with --prefix). Run it again
// only to change the unit; the test reads the committed files.
//   npx tsx scripts/make-writer-fixtures.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { blankWorkbook } from '../core/index.js';

type Cell = string | number | null | { date: string };
interface Sheet {
  name: string;
  rows: Cell[][];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const writers = path.join(root, 'test/fixtures/writers');
const parity = path.join(root, 'test/fixtures/parity');
const python = '/usr/bin/python3';
const helper = path.join(root, 'scripts/writer-fixtures.py');
const d = (date: string) => ({ date });

/** Every sheet of the contract, each kind of cell, one bad row and one near-miss sheet name. */
export function writerUnit(): Sheet[] {
  const blank = blankWorkbook();
  const rules = blank.find((s) => s.role === 'rules')!;
  const settings = blank.find((s) => s.role === 'settings')!;
  return [
    {
      name: '党员名册',
      rows: [
        ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
        ['A01', '张三', '第一支部', '支部书记', 'zhangsan@example.cn', '在册'],
        ['A02', '李四', '第一支部', '科员', null, null],
        ['A03', '王五', '第二支部', '科员', null, '在册'],
        ['A04', '赵六', '第二支部', '科长', null, '转出'],
        ['A05', '孙七', '第二支部', '科员', null, '在册'],
      ],
    },
    {
      name: '记分台账',
      rows: [
        ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明', '告知日期'],
        [
          d('2026-01-12'),
          'A01',
          '张三',
          'P1',
          '无故缺席',
          6,
          null,
          '一月支部党员大会',
          d('2026-01-13'),
        ],
        [d('2026-02-03'), 'A01', '张三', 'P2', '请假', 1, null, null, null],
        [d('2026-03-05'), 'A02', '李四', 'W1', '通报', null, '已认定', '考勤', null],
        [d('2026-03-20'), 'A02', '李四', 'J1', null, -2, '已认定', '志愿服务', null],
        ['2026年4月8日', 'A03', '王五', '三会一课', '无故缺席', '6分', null, '文本日期', null],
        [d('2026-05-10'), 'A03', '王五', 'R2', null, 12, '待核实', null, null],
        [d('2026-06-01'), 'A09', '钱八', 'P1', '请假', 2, null, '名册中没有', null],
        [d('2026-07-01'), 'A05', '孙七', 'J2', null, -3, '已认定', '招商引资', null],
      ],
    },
    {
      name: '微心愿',
      rows: [
        ['年度', '编号', '姓名', '认领数', '完成数'],
        [2025, 'A01', '张三', 2, 1],
        [2025, 'A03', '王五', 1, 1],
      ],
    },
    { name: '记分规则', rows: [[...rules.header], ...(rules.rows as Cell[][])] },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ...settings.rows.map(([k, v]) => [k, k === '单位名称' ? '测试党工委' : v] as Cell[]),
      ],
    },
    { name: '设置 (2)', rows: [['项目', '值']] },
  ];
}

async function withExceljs(unit: Sheet[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'twelve-points';
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  for (const sheet of unit) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object') {
          cell.value = new Date(`${v.date}T00:00:00Z`);
          cell.numFmt = 'yyyy-mm-dd';
        } else cell.value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** SheetJS: with cellDates, date cells are written as t="d" ISO text; without, as serials. */
function withSheetjs(unit: Sheet[], file: string, cellDates: boolean): void {
  const XLSX = requireSheetjs();
  const wb = XLSX.utils.book_new();
  for (const sheet of unit) {
    const data = sheet.rows.map((row) =>
      row.map((v) =>
        v !== null && typeof v === 'object'
          ? { t: cellDates ? 'd' : 'n', v: cellDates ? v.date : serial(v.date), z: 'yyyy-mm-dd' }
          : v,
      ),
    );
    const ws = XLSX.utils.aoa_to_sheet(data, { cellDates });
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  XLSX.writeFile(wb, file, { cellDates, compression: true });
}

/** The few SheetJS calls used here; SheetJS is installed for this script only (no types in CI). */
interface SheetJs {
  utils: {
    book_new(): unknown;
    aoa_to_sheet(data: unknown[][], options: { cellDates: boolean }): unknown;
    book_append_sheet(book: unknown, sheet: unknown, name: string): void;
  };
  writeFile(
    book: unknown,
    file: string,
    options: { cellDates: boolean; compression: boolean },
  ): void;
}

/** SheetJS from node_modules, or from SHEETJS_DIR where a shared node_modules lacks it. */
function requireSheetjs(): SheetJs {
  const dir = process.env.SHEETJS_DIR;
  return createRequire(import.meta.url)(
    dir ? path.join(dir, 'node_modules/xlsx') : 'xlsx',
  ) as SheetJs;
}

const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

function withLibreOffice(source: string, file: string): void {
  const out = mkdtempSync(path.join(tmpdir(), 'twelve-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${out}/profile`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        source,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    copyFileSync(path.join(out, path.basename(source)), file);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const unit = writerUnit();
  const json = path.join(mkdtempSync(path.join(tmpdir(), 'twelve-unit-')), 'unit.json');
  writeFileSync(json, JSON.stringify(unit));
  const at = (name: string) => path.join(writers, name);

  await withExceljs(unit, at('exceljs.xlsx'));
  execFileSync(python, [helper, 'openpyxl', json, at('openpyxl.xlsx')]);
  execFileSync(python, [helper, 'xlsxwriter', json, at('xlsxwriter.xlsx')]);
  withSheetjs(unit, at('sheetjs-dates.xlsx'), true);
  withSheetjs(unit, at('sheetjs-serials.xlsx'), false);
  // LibreOffice converts a LibreOffice-native file, as a clerk saving from Calc would.
  const ods = path.join(path.dirname(json), 'unit.xlsx');
  copyFileSync(at('exceljs.xlsx'), ods);
  withLibreOffice(ods, at('libreoffice.xlsx'));
  for (const order of ['reverse', 'sheets-first', 'strings-last'])
    execFileSync(python, [helper, 'rezip', at('exceljs.xlsx'), at(`exceljs-${order}.xlsx`), order]);
  execFileSync(python, [
    helper,
    'rezip',
    at('openpyxl.xlsx'),
    at('openpyxl-reverse.xlsx'),
    'reverse',
  ]);
  execFileSync(python, [helper, 'parity', parity]);
  console.log(`写好了：${writers}、${parity}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await main();
