// Issue 2's goal: read + validate + score a 5,000-member / 100,000-row workbook within 1.5× the
// bare exceljs read of the same file and under 300 MB; the core alone under 200 ms.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkbook } from '../reports/read-workbook.js';
import { parseWorkbook, score } from '../core/index.js';
import { BIG_MEETINGS, BIG_MEMBERS, BIG_RECORDS, BIG_ROWS, bigUnitFile } from './big-unit.js';

interface Run {
  ms: number;
  coreMs: number;
  maxRssMB: number;
}

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'core-worker.js');
const measure = (mode: string, file: string): Run =>
  JSON.parse(execFileSync(process.execPath, [worker, mode, file], { encoding: 'utf8' })) as Run;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench(): Promise<void> {
  const file = await bigUnitFile();
  console.log(
    `workbook: ${BIG_MEMBERS} members, ${BIG_ROWS} ledger rows, ${BIG_MEETINGS} meetings, ${BIG_RECORDS} talks recorded (${file})`,
  );

  const bare: Run[] = [];
  const ours: Run[] = [];
  for (let i = 0; i < 3; i++) {
    bare.push(measure('bare', file));
    ours.push(measure('ours', file));
  }
  const bareMs = median(bare.map((r) => r.ms));
  const oursMs = median(ours.map((r) => r.ms));
  console.log(
    `bare exceljs read (baseline): ${bareMs.toFixed(0)} ms, peak ${Math.max(...bare.map((r) => r.maxRssMB)).toFixed(0)} MB`,
  );
  console.log(
    `read + validate + score:      ${oursMs.toFixed(0)} ms, peak ${Math.max(...ours.map((r) => r.maxRssMB)).toFixed(0)} MB` +
      `  → ${(oursMs / bareMs).toFixed(2)}× the bare read (goal ≤ 1.5×, ≤ 300 MB)`,
  );

  // The core alone, warm, in this process: the median of 7 runs on sheets already read.
  const sheets = await readWorkbook(file);
  const times: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const parsed = parseWorkbook(sheets);
    parseTimes.push(performance.now() - t);
    score(parsed, '2026-12-31');
    times.push(performance.now() - t);
  }
  const parseMs = median(parseTimes);
  console.log(
    `core alone (parse + validate + score, warm): median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms (goal < 200 ms); of which parse ${parseMs.toFixed(0)} ms, score and follow-through ${(median(times) - parseMs).toFixed(0)} ms`,
  );
}
