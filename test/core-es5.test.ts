// The core as bundled for the pane (ES5, core-js and unorm polyfills, browserslist targets) scores
// the bundled sample in a real ES5 engine, duktape (Debian package duktape: `duk`), and gives
// the same result as Node.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../reports/read-workbook.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { bundleEs5 } from '../scripts/build-addin.js';
import { encodeSheets, scoreSheetsJson } from './es5/score-json.js';
import { tempDir } from './helpers/workbook.js';

const AS_OF = '2026-11-25';
const DUK = '/usr/bin/duk';

describe('the core in ES5', () => {
  it.skipIf(!existsSync(DUK))(
    'scores the sample in duktape exactly as in Node (duk missing: run scripts/setup.sh)',
    async () => {
      const dir = tempDir('core-es5-');
      const { 'duk-entry': bundle } = await bundleEs5(
        { 'duk-entry': path.resolve('test', 'es5', 'duk-entry.ts') },
        dir,
        { write: false, minify: false },
      );
      const sheets = encodeSheets(await readWorkbook(SAMPLE_WORKBOOK));
      const script = path.join(dir, 'run.js');
      writeFileSync(
        script,
        `${bundle}\nprint(scoreSheetsJson(${JSON.stringify(sheets)}, ${JSON.stringify(AS_OF)}));\n`,
      );
      const { stdout } = await promisify(execFile)(DUK, [script], { maxBuffer: 64 * 1024 * 1024 });
      const node = scoreSheetsJson(sheets, AS_OF);
      const duk = stdout.trim();
      // Compared as parsed JSON first (a readable diff), then byte for byte.
      expect(JSON.parse(duk)).toEqual(JSON.parse(node));
      expect(duk).toBe(node);
      expect(JSON.parse(node).members.length).toBeGreaterThan(10);
    },
  );
});
