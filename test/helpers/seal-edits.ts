// The edits a clerk could make to the sample's ledger after its 2026Q3 report went up, each
// with what the seal must say about it (core/seal.ts): shared by the CLI, county, pane and web
// page tests, so all four are held to the same answers.
import ExcelJS from 'exceljs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { parseWorkbook, quarterlySummary, type SheetData } from '../../core/index.js';
import { summaryXlsx } from '../../reports/mail/summary-xlsx.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { main } from '../../reports/cli.js';
import { captureIo } from './io.js';
import { tempDir } from './workbook.js';

export const SEAL_UNIT = '示例经开区党工委';
const LEDGER = '记分台账';

export interface SealExpectation {
  changed: number;
  deleted: number;
  added: number;
  corrected: number;
}

export interface SealEdit {
  name: string;
  edit: (ledger: ExcelJS.Worksheet) => void;
  expect: SealExpectation;
  /** Text each line of the kind expected must hold (what differs). */
  says?: string;
}

const none: SealExpectation = { changed: 0, deleted: 0, added: 0, corrected: 0 };
const set = (ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue) => {
  ws.getRow(row).getCell(col).value = value;
};
// The sample's ledger columns: 日期 编号 姓名 事项 情形 分值 状态 说明 告知日期 认定日期 复核申请日期 复核结果 复核日期.
const C = {
  date: 1,
  id: 2,
  name: 3,
  rule: 4,
  variant: 5,
  points: 6,
  status: 7,
  note: 8,
  notice: 9,
};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const SEAL_EDITS: SealEdit[] = [
  { name: 'nothing', edit: () => {}, expect: none },
  {
    name: 'points',
    edit: (ws) => set(ws, 42, C.points, -3),
    expect: { ...none, changed: 1 },
    says: '分值 -4 → -3',
  },
  {
    name: 'variant',
    edit: (ws) => set(ws, 12, C.variant, '通报'),
    expect: { ...none, changed: 1 },
    says: '（廉政约谈） → W1',
  },
  {
    name: 'date',
    edit: (ws) => set(ws, 45, C.date, day('2026-08-16')),
    expect: { ...none, changed: 1 },
    says: '日期 2026-08-15 → 2026-08-16',
  },
  {
    name: 'member',
    edit: (ws) => {
      set(ws, 26, C.id, 'DY016');
      set(ws, 26, C.name, '郝岚');
    },
    expect: { ...none, changed: 1 },
    says: '党员 尹岚宁（DY015） → 郝岚（DY016）',
  },
  {
    name: 'facts',
    edit: (ws) => set(ws, 48, C.note, '参与越级上访，经查属实'),
    expect: { ...none, changed: 1 },
    says: '说明（事实依据）已改动',
  },
  { name: 'deleted row', edit: (ws) => ws.spliceRows(33, 1), expect: { ...none, deleted: 1 } },
  {
    name: 'back-dated row',
    edit: (ws) =>
      ws.addRow([day('2026-08-20'), 'DY013', '张华', 'P1', '请假', null, null, '8月党课请假']),
    expect: { ...none, added: 1 },
  },
  {
    name: 're-sorted rows',
    edit: (ws) => {
      const a = ws.getRow(39).values as ExcelJS.CellValue[];
      const b = ws.getRow(41).values as ExcelJS.CellValue[];
      ws.getRow(39).values = b;
      ws.getRow(41).values = a;
    },
    expect: none,
  },
  {
    name: 'later row',
    edit: (ws) =>
      ws.addRow([day('2026-11-20'), 'DY013', '张华', 'P1', '请假', null, null, '11月党课请假']),
    expect: none,
  },
  {
    name: 'notice date and formatting',
    edit: (ws) => {
      set(ws, 47, C.notice, day('2026-08-30'));
      ws.getRow(42).font = { bold: true, color: { argb: 'FFFF0000' } };
    },
    expect: none,
  },
  {
    name: 'review 撤销',
    edit: (ws) => set(ws, 51, 12, '撤销'),
    expect: { ...none, corrected: 1 },
    says: '复核撤销（2026-10-15）',
  },
  {
    name: 'status 已撤销 with a 说明',
    edit: (ws) => set(ws, 46, C.status, '已撤销'),
    expect: { ...none, corrected: 1 },
    says: '已撤销（有说明）',
  },
];

/** The sample with one edit, as a real .xlsx file. */
export async function editedSample(edit: SealEdit, dir = tempDir('seal-')): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_WORKBOOK);
  edit.edit(wb.getWorksheet(LEDGER)!);
  const file = path.join(dir, `台账-${edit.name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The sample's upward report for a quarter, as `twelve mail` attaches it. */
export async function sampleReport(quarter: string, sheets?: SheetData[]): Promise<Buffer> {
  const summary = quarterlySummary(
    parseWorkbook(sheets ?? (await readWorkbook(SAMPLE_WORKBOOK))),
    quarter,
  );
  return summaryXlsx(summary, {
    unit: SEAL_UNIT,
    title: `${SEAL_UNIT} ${quarter}党员“十二分制”记分汇总`,
    generated: new Date('2026-10-08T01:30:00Z'),
  });
}

/** The sample's upward mail for a quarter, as a clerk saves it from the mailbox (.eml). */
export async function sampleReportMail(quarter: string): Promise<Buffer> {
  const mail = new MailComposer({
    from: 'unit@example.cn',
    to: 'county@example.cn',
    subject: `${SEAL_UNIT} ${quarter} 记分汇总`,
    text: '附件',
    attachments: [{ filename: `${quarter}.xlsx`, content: await sampleReport(quarter) }],
  });
  return mail.compile().build();
}

/** What `twelve verify <file> --against <report>` prints: its lines, then its closing line. */
export async function verifyPrints(
  file: string,
  report: string,
): Promise<{ lines: string[]; summary: string }> {
  const io = captureIo();
  await main(['verify', file, '--against', report], io.out, io.err);
  const out = io.stdout().trim().split('\n');
  return { lines: out.slice(0, -1), summary: out[out.length - 1] };
}

/** How many of verify's lines name each kind of difference, by their printed label. */
export function kindCounts(lines: string[]): SealExpectation {
  const count = (label: string) => lines.filter((l) => l.startsWith(`[${label}]`)).length;
  return {
    changed: count('已改动'),
    deleted: count('已删除'),
    added: count('补录'),
    corrected: count('更正'),
  };
}
