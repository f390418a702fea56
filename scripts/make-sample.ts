// `npm run sample:make`: writes the bundled sample workbook samples/示例台账.xlsx.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { sampleUnit } from './sample-unit.js';
import { writeUnitXlsx } from './write-unit.js';

const unit = sampleUnit();
await mkdir(path.dirname(SAMPLE_WORKBOOK), { recursive: true });
await writeUnitXlsx(unit.sheets, SAMPLE_WORKBOOK, { created: new Date(Date.UTC(2026, 10, 24)) });
const ledger = unit.sheets.find((s) => s.name === '记分台账')!;
console.log(
  `已写入 ${path.relative(process.cwd(), SAMPLE_WORKBOOK)}：党员 ${unit.members.length} 名，台账 ${ledger.rows.length - ledger.headerRow} 行（含 ${unit.mistakes.length} 处故意写错的行）`,
);
