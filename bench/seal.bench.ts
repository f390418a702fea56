// Issue 19's goal: verifying a 100,000-row workbook against its report (every entry's 校验码,
// then the compare) takes under 1 s, beside the parse of the same sheets in the same run.
import { parseWorkbook, sealedEntries, verifySeal } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { nodeSha256 } from '../reports/sha256.js';
import { BIG_ROWS, bigUnitFile } from './big-unit.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench(): Promise<void> {
  const sheets = await readWorkbook(await bigUnitFile());
  const parseTimes: number[] = [];
  let parsed = parseWorkbook(sheets);
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    parsed = parseWorkbook(sheets);
    parseTimes.push(performance.now() - t);
  }
  const unit = parsed.settings.unitName;
  const end = parsed.entries.reduce((a, e) => (e.date > a ? e.date : a), '0000-00-00');
  const report = {
    source: 'bench',
    unit,
    quarter: `${end.slice(0, 4)}Q4`,
    end,
    generated: new Date().toISOString(),
    rows: sealedEntries(unit, parsed.entries, end, nodeSha256),
  };
  const verifyTimes: number[] = [];
  // CPU time beside the wall clock: on a shared machine the wall clock counts other work too.
  const verifyCpu: number[] = [];
  let unchanged = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    unchanged = verifySeal(unit, parsed.entries, [report], nodeSha256).unchanged;
    const used = process.cpuUsage(cpu);
    verifyTimes.push(performance.now() - t);
    verifyCpu.push((used.user + used.system) / 1000);
  }
  const parseMs = median(parseTimes);
  const verifyMs = median(verifyTimes);
  console.log(
    `parse (baseline): ${parseMs.toFixed(0)} ms for ${parsed.entries.length} entries (${BIG_ROWS} ledger rows)`,
  );
  console.log(
    `seal verify:      ${verifyMs.toFixed(0)} ms (${unchanged} entries unchanged of ${report.rows.length} reported)` +
      `  → ${(verifyMs / parseMs).toFixed(2)}× the parse (goal < 1 s); CPU ${median(verifyCpu).toFixed(0)} ms`,
  );
}
