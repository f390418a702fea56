// `npm run sample:make`: writes the bundled sample workbook samples/示例台账.xlsx.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { sampleUnit } from './sample-unit.js';
import { stampZipEntries, writeUnitXlsx } from './write-unit.js';

const unit = sampleUnit();
await mkdir(path.dirname(SAMPLE_WORKBOOK), { recursive: true });
const created = new Date(Date.UTC(2026, 10, 24));
await writeUnitXlsx(unit.sheets, SAMPLE_WORKBOOK, { created });
// exceljs stamps each zip entry with the time of writing: fixed, a rerun gives the same bytes.
await stampZipEntries(SAMPLE_WORKBOOK, created);
const rowsOf = (name: string) => {
  const sheet = unit.sheets.find((s) => s.name === name)!;
  return sheet.rows.length - sheet.headerRow;
};
console.log(
  `已写入 ${path.relative(process.cwd(), SAMPLE_WORKBOOK)}：党员 ${unit.members.length} 名，台账 ${rowsOf('记分台账')} 行，会议签到 ${rowsOf('会议签到')} 行，处置记录 ${rowsOf('处置记录')} 行（含 ${unit.mistakes.length} 处故意写错的行）`,
);
