// Issue 13's goal: a county consolidates 1,000 unit reports (generated units of 40 members,
// each mailed as `twelve mail` makes it) in under 60 s, with its peak memory, beside the time
// merely to parse the same mails and open their .xlsx (the baseline, measured in this run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWorkbook, quarterlySummary, type SheetData } from '../core/index.js';
import { renderUpwardCard } from '../reports/print/upward-mail.js';
import { composeMail } from '../reports/mail/compose.js';
import { quarterDelivery, type CardPdf } from '../reports/mail/quarter-delivery.js';
import { generateUnit } from '../scripts/generate-unit.js';

const UNITS = Number(process.env.COUNTY_BENCH_UNITS ?? 1000);
const MEMBERS = 40;
const LEDGER_ROWS = 400;
const QUARTER = '2026Q3';

interface Run {
  ms: number;
  code: number;
  maxRssMB: number;
}

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'county-worker.js');
const measure = (...args: string[]): Run =>
  JSON.parse(execFileSync(process.execPath, [worker, ...args], { encoding: 'utf8' })) as Run;

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'twelve-county-bench-'));
  try {
    const made = performance.now();
    let card: CardPdf | null = null;
    let bytes = 0;
    for (let i = 0; i < UNITS; i++) {
      const unitName = `示例${String(i + 1).padStart(4, '0')}号单位`;
      const unit = generateUnit({
        members: MEMBERS,
        ledgerRows: LEDGER_ROWS,
        seed: i + 1,
        year: 2026,
        unitName,
      });
      const parsed = parseWorkbook(unit.sheets as SheetData[]);
      const summary = quarterlySummary(parsed, QUARTER);
      // One real upward card (Chromium), attached to every mail: the county never reads it,
      // but parsing has to get past its bytes.
      card ??= await renderUpwardCard(summary, parsed.settings, '2026-10-08', null);
      const delivery = await quarterDelivery({
        summary,
        settings: parsed.settings,
        card,
        to: ['zuzhibu@example.gov.cn'],
        fromAddress: 'dangwei@example.cn',
        issued: '2026-10-08',
      });
      const { eml } = await composeMail(delivery.mail, { draft: false });
      bytes += eml.length;
      writeFileSync(path.join(dir, `unit-${String(i + 1).padStart(4, '0')}.eml`), eml);
    }
    console.log(
      `${UNITS} unit reports of ${MEMBERS} members generated and mailed to ${dir} in ` +
        `${((performance.now() - made) / 1000).toFixed(1)} s (${(bytes / UNITS / 1024).toFixed(0)} KB per mail, ` +
        `card ${((card?.pdf.length ?? 0) / 1024).toFixed(0)} KB)`,
    );

    const parse = measure('parse', dir);
    const check = measure('check', dir);
    const out = mkdtempSync(path.join(tmpdir(), 'twelve-county-bench-out-'));
    const county = measure('county', dir, out);
    rmSync(out, { recursive: true, force: true });
    console.log(
      `parse only (baseline: mailparser + exceljs load): ${(parse.ms / 1000).toFixed(1)} s, peak ${parse.maxRssMB.toFixed(0)} MB`,
    );
    console.log(
      `read + check + consolidate, no output:          ${(check.ms / 1000).toFixed(1)} s, peak ${check.maxRssMB.toFixed(0)} MB → ${(check.ms / parse.ms).toFixed(2)}× the parse (${check.code} problem lines)`,
    );
    console.log(
      `twelve county (read, check, consolidate, workbook + PDF): ${(county.ms / 1000).toFixed(1)} s, ` +
        `peak ${county.maxRssMB.toFixed(0)} MB → ${(county.ms / parse.ms).toFixed(2)}× the parse ` +
        `(goal < 60 s; exit ${county.code})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
