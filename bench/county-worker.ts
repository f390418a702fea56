// One county measurement in a fresh process, so that each gets its own peak memory (maxRSS).
// 'parse': only read every mail and open its .xlsx attachment (the floor any consolidator pays);
// 'check': reading, checking and consolidating only (consolidateFiles), no output written;
// 'county': the whole `twelve county` run, the county workbook and PDF card included.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { main } from '../reports/cli.js';
import { consolidateFiles } from '../reports/county/consolidate-files.js';

const [mode, dir, out] = process.argv.slice(2);
const start = performance.now();
let code = 0;
if (mode === 'parse') {
  for (const name of (await readdir(dir)).sort()) {
    const mail = await simpleParser(await readFile(path.join(dir, name)));
    for (const a of mail.attachments)
      if (a.filename?.endsWith('.xlsx'))
        await new ExcelJS.Workbook().xlsx.load(a.content as unknown as ArrayBuffer);
  }
} else if (mode === 'check') {
  const run = await consolidateFiles([dir], { quarter: '2026Q3', expected: null });
  code = run.lines.length;
} else {
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  code = await main(['county', dir, '--quarter', '2026Q3', '--out', out], sink, sink);
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, code, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
