// The card commands as a clerk runs them: real workbook, real browser, files on disk.
import { readdirSync, readFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { noticeCards, parseWorkbook, score } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { browserCandidates, findBrowser } from '../reports/cards/browser.js';
import { checkFonts } from '../reports/cards/fonts.js';
import { safePart } from '../reports/cards/files.js';
import { cardSheets } from './helpers/card-fixture.js';
import { tempDir, writeXlsx } from './helpers/workbook.js';
import { pdfPages } from './helpers/pdf-text.js';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(args, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

let book: string;
beforeAll(async () => {
  book = await writeXlsx(cardSheets());
});

describe('twelve notices', () => {
  it('writes one PDF per counted entry and a merged PDF, and a re-run replaces them', async () => {
    const out = tempDir();
    const args = ['notices', book, '--as-of', '2026-11-24', '--since', '2026-08-01', '--out', out];
    const first = await run(args);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const parsed = parseWorkbook(await readWorkbook(book));
    const expected = noticeCards(score(parsed, '2026-11-24'), { since: '2026-08-01' });
    const dir = path.join(out, '记分告知卡');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(expected.length);
    expect(first.out).toContain(`已生成 ${expected.length} 张记分告知卡`);
    const merged = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(merged).toEqual(['记分告知卡-合并打印-2026-08-01至2026-11-24.pdf']);
    expect(await pdfPages(readFileSync(path.join(out, merged[0])))).toHaveLength(expected.length);

    const before = statSync(path.join(dir, files[0])).mtimeMs;
    const second = await run(args);
    expect(second.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(statSync(path.join(dir, files[0])).mtimeMs).toBeGreaterThanOrEqual(before);
  });

  it('says so, and prints nothing, for a period without counted entries', async () => {
    const out = tempDir();
    const r = await run([
      'notices',
      book,
      '--as-of',
      '2026-11-24',
      '--since',
      '2026-11-10',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有已计分的记录');
    expect(readdirSync(out)).toEqual([]);
  });

  it('rejects a period that ends before it starts', async () => {
    const r = await run(['notices', book, '--since', '2026-10-01', '--until', '2026-09-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('晚于');
  });

  it('names the missing field of a unit template and stops', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'notice.hbs'),
      '<section class="sheet">\n{{member.nmae}}</section>',
    );
    const r = await run([
      'notices',
      book,
      '--as-of',
      '2026-11-24',
      '--templates',
      dir,
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('notice.hbs 第2行');
    expect(r.err).toContain('"nmae"');
  });

  it('refuses a template that prints unescaped values', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'member.hbs'), '<td>{{{member.name}}}</td>');
    const r = await run(['notices', book, '--templates', dir, '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('partials/member.hbs 第1行使用了不转义的输出');
  });

  it('gives one clear message when the named browser is not there', async () => {
    const saved = process.env.TWELVE_BROWSER;
    process.env.TWELVE_BROWSER = '/nowhere/chrome';
    try {
      const r = await run(['notices', book, '--as-of', '2026-11-24', '--out', tempDir()]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('找不到可用的浏览器');
      expect(r.err).toContain('TWELVE_BROWSER=/nowhere/chrome');
      expect(r.err.split('\n').filter((l) => l.includes('    at '))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TWELVE_BROWSER;
      else process.env.TWELVE_BROWSER = saved;
    }
  });

  it('gives one clear message when the browser will not start', async () => {
    const saved = process.env.TWELVE_BROWSER;
    process.env.TWELVE_BROWSER = '/bin/false';
    try {
      const r = await run(['ranking', book, '--month', '2026-11', '--out', tempDir()]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('无法启动浏览器 /bin/false');
      expect(r.err.split('\n').filter((l) => l.includes('    at '))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TWELVE_BROWSER;
      else process.env.TWELVE_BROWSER = saved;
    }
  });
});

describe('twelve quarterly and twelve ranking', () => {
  it('write both quarterly versions and the month ranking', async () => {
    const out = tempDir();
    const q = await run(['quarterly', book, '--quarter', '2026Q3', '--out', out]);
    expect(q.code).toBe(0);
    const r = await run(['ranking', book, '--month', '2026-11', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '积分榜单-2026-11.pdf',
      '记分汇总公示卡-2026Q3-内部公示.pdf',
      '记分汇总公示卡-2026Q3-报上级.pdf',
    ]);
  });

  it('reject a malformed quarter or month in one line', async () => {
    expect((await run(['quarterly', book, '--quarter', '2026Q5'])).err).toContain('应如 2026Q3');
    expect((await run(['ranking', book, '--month', '2026-13'])).err).toContain('应如 2026-11');
    expect((await run(['ranking', book])).code).toBe(2);
  });
});

describe('finding a browser and fonts on a clerk machine', () => {
  it('looks in the usual Chrome and Edge places on Windows and macOS', () => {
    const win = browserCandidates('win32', {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    });
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(win).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    const mac = browserCandidates('darwin', { HOME: '/Users/x' });
    expect(mac[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(findBrowser({}, 'darwin', (f) => f.includes('Edge'))).toBe(
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
    expect(findBrowser({ TWELVE_BROWSER: '/opt/c' }, 'linux', (f) => f === '/opt/c')).toBe(
      '/opt/c',
    );
    expect(() => findBrowser({}, 'linux', () => false)).toThrow(/TWELVE_BROWSER/);
  });

  it('names a missing font and the package that has it', () => {
    expect(() => checkFonts('linux', () => 'Noto Serif CJK SC\nDejaVu Sans\n')).toThrow(
      /LXGW WenKai.*\n.*fonts-lxgw-wenkai/,
    );
    expect(() => checkFonts('win32', () => '')).not.toThrow();
  });

  it('builds file name parts from safe characters only', () => {
    expect(safePart('../../etc')).toBe('etc');
    expect(safePart('<script>alert(1)</script>')).toBe('script_alert(1)_script');
    expect(safePart('=HYPERLINK("x")')).toBe('HYPERLINK(_x_)');
    expect(safePart('a\u0000b/c\\d:e*f?g|h')).toBe('ab_c_d_e_f_g_h');
    expect(safePart('😀')).toBe('_');
    expect(Array.from(safePart('长'.repeat(60)))).toHaveLength(40);
  });
});
