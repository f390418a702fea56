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
    expect(out).toMatch(/2026-03-05\s+张三\s+约谈提醒\s+党工委\s+逾期，期限 2026-03-20/);
  });

  it('--json adds obligations, notices, reviews and pending; the report has 待办 (overdue first) and 待核实', async () => {
    const [roster, , settings] = basicSheets();
    const file = await writeXlsx([
      roster,
      {
        name: '记分台账',
        rows: [
          [
            '日期',
            '编号',
            '姓名',
            '事项',
            '情形',
            '分值',
            '状态',
            '说明',
            '告知日期',
            '认定日期',
            '复核申请日期',
            '复核结果',
            '复核日期',
          ],
          ['2026-03-05', 'A01', '', 'P1', '无故缺席', '', '', '', '2026-03-06', '', '', '', ''],
          [
            '2026-05-10',
            'A02',
            '',
            'W1',
            '通报',
            '',
            '已认定',
            '',
            '2026-05-12',
            '2026-05-11',
            '2026-05-30',
            '',
            '',
          ],
          ['2026-11-01', 'A03', '', 'W1', '廉政约谈', '', '', '', '', '', '', '', ''],
        ],
      },
      settings,
      {
        name: '处置记录',
        rows: [
          ['日期', '姓名', '处置', '承办人'],
          ['2026-03-09', '张三', '6', '刘书记'],
        ],
      },
      {
        name: '会议签到',
        rows: [
          ['日期', '会议', '请假', '缺席'],
          ['2026-11-20', '党小组会', '王五', ''],
        ],
      },
    ]);
    const json = JSON.parse((await run('score', file, '--as-of', '2026-11-24', '--json')).out);
    expect(json.obligations.filter((o: { kind: string }) => o.kind !== 'bottom')).toEqual([
      {
        memberId: 'A01',
        kind: 'reminder',
        due: '2026-03-05',
        deadline: '2026-03-20',
        state: 'done',
        doneOn: '2026-03-09',
        supersededOn: null,
        by: '刘书记',
      },
      {
        memberId: 'A02',
        kind: 'reminder',
        due: '2026-05-10',
        deadline: '2026-05-25',
        state: 'overdue',
        doneOn: null,
        supersededOn: null,
        by: '党工委',
      },
    ]);
    expect(json.notices).toEqual([
      // 0003 is the pending entry: numbered too, so that verifying it never renumbers a card.
      {
        number: '〔2026〕0001号',
        sheet: '记分台账',
        row: 2,
        memberId: 'A01',
        date: '2026-03-05',
        state: 'done',
      },
      {
        number: '〔2026〕0002号',
        sheet: '记分台账',
        row: 3,
        memberId: 'A02',
        date: '2026-05-10',
        state: 'done',
      },
      {
        number: '〔2026〕0004号',
        sheet: '会议签到',
        row: 2,
        memberId: 'A03',
        date: '2026-11-20',
        state: 'open',
      },
    ]);
    expect(json.reviews).toEqual([
      {
        sheet: '记分台账',
        row: 3,
        memberId: 'A02',
        applied: '2026-05-30',
        outcome: null,
        state: 'overdue',
        late: true,
      },
    ]);
    expect(json.pending).toEqual([
      { sheet: '记分台账', row: 4, memberId: 'A03', date: '2026-11-01', days: 23 },
    ]);

    const { out } = await run('score', file, '--as-of', '2026-11-24');
    const todo = out.slice(out.indexOf('【待办】'), out.indexOf('【待核实】'));
    const lines = todo.split('\n').filter((l) => l.startsWith('['));
    expect(lines.findIndex((l) => l.startsWith('[待办]'))).toBeGreaterThan(
      lines.findLastIndex((l) => l.startsWith('[逾期]')),
    );
    expect(todo).toMatch(/\[逾期\] 李四 约谈提醒：党工委/);
    expect(todo).toMatch(/\[逾期\] 李四 复核未办结/);
    expect(todo).toMatch(/\[待办\] 王五 告知卡未送达.* — 会议签到 A2/);
    expect(out).toMatch(/【待核实】1 条（未计分）[\s\S]*2026-11-01\s+王五\s+23 天/);
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
