// `twelve score` end to end on real .xlsx files: reading, exit codes, JSON, unusable files.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { basicSheets, tempDir, writeXlsx } from './helpers/workbook.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({ write: (chunk, _enc, cb) => (f(String(chunk)), cb()) });
  const code = await main(
    args,
    sink((s) => (out += s)),
    sink((s) => (err += s)),
  );
  return { code, out, err };
}

describe('twelve score', () => {
  it('prints a Chinese report and exits 0 when no row has an error', async () => {
    const file = await writeXlsx(
      basicSheets([['2026-03-05', 'A01', '张三', 'P1', '无故缺席', '', '', '']]),
    );
    const { code, out } = await run('score', file, '--as-of', '2026-11-24');
    expect(code).toBe(0);
    expect(out).toContain('测试单位党工委');
    expect(out).toMatch(/张三\s+第一支部\s+6\s+提醒/);
    expect(out).toMatch(/2026-03-05\s+张三\s+6分\s+约谈提醒/);
  });

  it('exits 1 with the full result when some rows have errors, and names sheet, row and column', async () => {
    const file = await writeXlsx(
      basicSheets([
        ['2026-13-01', 'A01', '', 'P1', '请假', '', '', ''],
        ['2026-03-05', 'A02', '', 'P2', '请假', '', '', ''],
      ]),
    );
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.asOf).toBe('2026-11-24');
    expect(json.members.find((m: { name: string }) => m.name === '李四')).toMatchObject({
      balance: 1,
      level: 'normal',
      awardEligible: false,
    });
    expect(json.problems).toEqual([
      expect.objectContaining({ severity: 'error', sheet: '记分台账', row: 2, column: '日期' }),
    ]);
  });

  it('reads formula results, rich text and hyperlink cells as their text', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cells.xlsx');
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('党员名册');
    roster.addRow(['编号', '姓名']);
    roster.addRow(['A01', { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] }]);
    roster.addRow(['A02', { text: '李四', hyperlink: 'mailto:lisi@example.cn' }]);
    const ledger = wb.addWorksheet('记分台账');
    ledger.addRow(['日期', '姓名', '事项', '情形', '分值']);
    ledger.addRow([
      new Date(Date.UTC(2026, 2, 5)),
      '张三',
      'P1',
      '无故缺席',
      { formula: '3*2', result: 6 },
    ]);
    ledger.addRow([
      { formula: 'DATE(2026,3,6)', result: new Date(Date.UTC(2026, 2, 6)) },
      '李四',
      'P2',
      '请假',
      '',
    ]);
    await wb.xlsx.writeFile(file);
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(0);
    expect(
      JSON.parse(out).members.map((m: { name: string; balance: number }) => [m.name, m.balance]),
    ).toEqual([
      ['张三', 6],
      ['李四', 1],
    ]);
  });

  it('never writes to the input workbook', async () => {
    const file = await writeXlsx(
      basicSheets([['2026-03-05', 'A01', '', 'P1', '无故缺席', '', '', '']]),
    );
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    await run('score', file);
    expect(hash()).toBe(before);
  });

  it('rejects a bad --as-of with one line and exit 2', async () => {
    const file = await writeXlsx(basicSheets());
    const { code, err } = await run('score', file, '--as-of', '2026-02-30');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('--as-of');
  });
});

describe('unusable files: exit 2 with one clear Chinese line, no stack trace', () => {
  const dir = tempDir();
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['a missing file', async () => path.join(dir, 'nope.xlsx'), /找不到文件/],
    ['an empty file', async () => write('empty.xlsx', Buffer.alloc(0)), /空文件/],
    [
      'a .csv renamed .xlsx',
      async () => write('csv.xlsx', Buffer.from('姓名,日期\n张三,2026-03-05\n')),
      /不是 Excel 工作簿/,
    ],
    [
      'an .xls renamed .xlsx',
      async () =>
        write(
          'old.xlsx',
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(504),
          ]),
        ),
      /97-2003/,
    ],
    [
      'an encrypted workbook',
      async () =>
        write(
          'locked.xlsx',
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(64),
            Buffer.from('EncryptionInfo', 'utf16le'),
          ]),
        ),
      /密码/,
    ],
    [
      'a truncated zip',
      async () => {
        const whole = readFileSync(await writeXlsx(basicSheets()));
        return write('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
      },
      /已损坏/,
    ],
    [
      'a workbook with no 名册',
      async () => writeXlsx([{ name: '记分台账', rows: [['日期', '姓名', '事项']] }]),
      /找不到党员名册/,
    ],
    [
      'a workbook with no 台账',
      async () => writeXlsx([{ name: '党员名册', rows: [['编号', '姓名']] }]),
      /找不到记分台账/,
    ],
  ];

  function write(name: string, data: Buffer): string {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  }

  it.each(cases)('%s', async (_name, make, message) => {
    const { code, out, err } = await run('score', await make());
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\bat .*\(|Error:/);
  });
});
