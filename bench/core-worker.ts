// One measurement in a fresh process, so that each gets its own peak memory (maxRSS).
import ExcelJS from 'exceljs';
import { readWorkbook } from '../reports/read-workbook.js';
import { parseWorkbook, score } from '../core/index.js';

const [mode, file] = process.argv.slice(2);
const start = performance.now();
let coreMs = 0;
if (mode === 'bare') {
  await new ExcelJS.Workbook().xlsx.readFile(file);
} else if (mode === 'reader') {
  await readWorkbook(file);
} else {
  const sheets = await readWorkbook(file);
  const t = performance.now();
  score(parseWorkbook(sheets), '2026-12-31');
  coreMs = performance.now() - t;
}
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({ ms, coreMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
);
