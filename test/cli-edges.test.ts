// The edges of reading (issue 20, items 1–5), through `twelve` on workbooks built here: a
// future date, a structure problem before an upward document, the problem cap, invisible
// control characters and names that reach headers and file names.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { basicSheets, tempDir, writeXlsx } from './helpers/workbook.js';

/** The day every run here takes for today: fixed, so no assertion depends on the clock. */
const TODAY = '2026-12-04';

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

type Json = {
  members: { name: string; balance: number }[];
  problems: {
    severity: string;
    sheet: string;
    row: number | null;
    column: string | null;
    message: string;
    fix: string;
  }[];
};

const saved = process.env.TWELVE_TODAY;
beforeEach(() => {
  process.env.TWELVE_TODAY = TODAY;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TWELVE_TODAY;
  else process.env.TWELVE_TODAY = saved;
});

describe('a date after today is an error on its row (item 1)', () => {
  it('a ledger row dated 2062 is named with the year meant, and the member is not silently at 6', async () => {
    const file = await writeXlsx(
      basicSheets([
        ['2026-03-05', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
        ['2062-04-10', 'A01', '张三', 'W1', '通报', '', '已认定', ''],
        // After the as-of date but not after today: not counted yet, no error.
        ['2026-11-30', 'A02', '李四', 'P2', '请假', '', '', ''],
      ]),
    );
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as Json;
    const errors = json.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        sheet: '记分台账',
        row: 3,
        column: '日期',
        message: '日期"2062-04-10"晚于今天（2026-12-04）：台账只记已经发生的事',
        fix: '核对年份（是不是 2026-04-10？），改为实际发生的日期',
      }),
    ]);
    expect(json.problems.some((p) => p.row === 4)).toBe(false);
  });

  it('the text report names sheet, row and column of a future 会议签到, 处置记录 and 微心愿 row', async () => {
    const [roster, ledger, settings] = basicSheets([
      ['2026-03-05', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
    ]);
    const file = await writeXlsx([
      roster,
      ledger,
      settings,
      {
        name: '会议签到',
        rows: [
          ['日期', '会议', '请假', '缺席'],
          ['2026-05-08', '主题党日', '', '李四'],
          ['2027-05-08', '主题党日', '', '王五'],
        ],
      },
      {
        name: '处置记录',
        rows: [
          ['日期', '编号', '处置', '承办人'],
          ['2062-03-20', 'A01', '约谈提醒', '党工委'],
        ],
      },
      {
        name: '微心愿',
        rows: [
          ['年度', '编号', '认领数', '完成数'],
          ['2026', 'A02', 2, 2],
          ['2062', 'A03', 2, 0],
        ],
      },
    ]);
    const { code, out } = await run('score', file, '--as-of', '2026-11-24');
    expect(code).toBe(1);
    expect(out).toMatch(
      /会议签到.*第3行.*日期.*"2027-05-08"晚于今天（2026-12-04）.*是不是 2026-05-08/,
    );
    expect(out).toMatch(/处置记录.*第2行.*日期.*"2062-03-20"晚于今天.*是不是 2026-03-20/);
    expect(out).toMatch(/微心愿.*第3行.*年度.*"2062"晚于今年/);
    // The good meeting row still counts: 李四 absent from a 主题党日 is 3 points.
    expect(out).toMatch(/李四\s+第一支部\s+3\s/);
  });

  it('a future 认定日期 leaves the row out (it decides when the entry counts); a future 告知日期 is a warning and the row counts', async () => {
    const [roster, , settings] = basicSheets();
    const file = await writeXlsx([
      roster,
      {
        name: '记分台账',
        rows: [
          [
            '日期',
            '编号',
            '事项',
            '情形',
            '状态',
            '告知日期',
            '认定日期',
            '复核申请日期',
            '复核结果',
            '复核日期',
          ],
          ['2026-05-10', 'A01', 'W1', '通报', '已认定', '', '2062-05-11', '', '', ''],
          ['2026-05-10', 'A02', 'P1', '无故缺席', '', '2062-05-12', '', '', '', ''],
          [
            '2026-05-10',
            'A03',
            'P1',
            '无故缺席',
            '',
            '2026-05-12',
            '',
            '2026-05-13',
            '撤销',
            '2062-05-20',
          ],
        ],
      },
      settings,
    ]);
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as Json;
    const at = (row: number) =>
      json.problems.filter((p) => p.row === row).map((p) => [p.severity, p.column, p.message]);
    expect(at(2)).toEqual([
      ['error', '认定日期', '认定日期"2062-05-11"晚于今天（2026-12-04）：台账只记已经发生的事'],
    ]);
    expect(at(3)).toEqual([
      ['warning', '告知日期', '告知日期"2062-05-12"晚于今天（2026-12-04）：台账只记已经发生的事'],
    ]);
    expect(at(4)).toEqual([
      ['error', '复核日期', '复核日期"2062-05-20"晚于今天（2026-12-04）：台账只记已经发生的事'],
    ]);
    const balance = (name: string) => json.members.find((m) => m.name === name)!.balance;
    expect([balance('张三'), balance('李四'), balance('王五')]).toEqual([0, 6, 0]);
  });

  it('TWELVE_TODAY that is no date is one Chinese line and exit 2', async () => {
    process.env.TWELVE_TODAY = '明天';
    const file = await writeXlsx(basicSheets());
    const { code, err } = await run('score', file);
    expect(code).toBe(2);
    expect(err).toBe('错误：环境变量 TWELVE_TODAY 的日期"明天"无效，应如 2026-11-24\n');
  });
});

describe('nothing upward from a workbook with a structure problem (item 2)', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      `2026-07-${String((i % 28) + 1).padStart(2, '0')}`,
      'A01',
      '张三',
      'P2',
      '请假',
      '',
      '',
      '',
    ]);

  /** 记分台账 empty, 台账 with 29 rows: the workbook. */
  async function emptyChosen(): Promise<string> {
    const [roster, ledger, settings] = basicSheets();
    return writeXlsx([
      roster,
      ledger,
      { name: '台账', rows: [ledger.rows[0], ...rows(29)] },
      settings,
    ]);
  }

  it('quarterly and mail say why in one Chinese line, exit 2 and write nothing', async () => {
    const file = await emptyChosen();
    const out = tempDir('twelve-edges-');
    const expected =
      '错误：台账的工作表有问题，部分记录未读取，不生成报上级的汇总：工作表"记分台账"："记分台账"没有数据，而工作表"台账"有 29 行：本次读取的是"记分台账"；' +
      '把记录移到"记分台账"，或删除空的"记分台账"并把"台账"改名为"记分台账"，改正后重新运行（twelve score 列出全部问题）\n';
    const quarterly = await run('quarterly', file, '--quarter', '2026Q3', '--out', out);
    expect([quarterly.code, quarterly.err, quarterly.out]).toEqual([2, expected, '']);
    const mail = await run(
      'mail',
      file,
      '--quarter',
      '2026Q3',
      '--to',
      'up@example.cn',
      '--out',
      out,
    );
    expect([mail.code, mail.err]).toEqual([2, expected]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a second sheet for the ledger, not read, blocks too; score still reads and lists it', async () => {
    const [roster, ledger, settings] = basicSheets(rows(3));
    const file = await writeXlsx([
      roster,
      ledger,
      { name: '台账2026', rows: [ledger.rows[0], ...rows(5)] },
      settings,
    ]);
    const out = tempDir('twelve-edges-');
    const mail = await run(
      'mail',
      file,
      '--quarter',
      '2026Q3',
      '--to',
      'up@example.cn',
      '--out',
      out,
    );
    expect(mail.code).toBe(2);
    expect(mail.err).toMatch(
      /^错误：台账的工作表有问题，部分记录未读取，不生成报上级的汇总：工作表"台账2026"：工作表"台账2026"的名称像记分台账，但本次读取的记分台账是"记分台账"，这张表未读取；/,
    );
    expect(mail.err.split('\n')).toHaveLength(2);
    expect(readdirSync(out)).toEqual([]);
    const score = await run('score', file, '--as-of', '2026-11-24');
    expect(score.code).toBe(0);
    expect(score.out).toMatch(/张三\s+第一支部\s+3\s/);
  });

  it('row errors do not block: the mail is written, and says the error rows were left out', async () => {
    const file = await writeXlsx(
      basicSheets([...rows(2), ['2026-07-30', 'A09', '赵六', 'P2', '请假', '', '', '']]),
    );
    const out = tempDir('twelve-edges-');
    const mail = await run(
      'mail',
      file,
      '--quarter',
      '2026Q3',
      '--to',
      'up@example.cn',
      '--out',
      out,
    );
    expect(mail.code).toBe(1);
    expect(mail.err).toContain('这些行未计入汇总');
    const emls = readdirSync(out).filter((f) => f.endsWith('.eml'));
    expect(emls).toHaveLength(1);
    const mailText = (await simpleParser(readFileSync(path.join(out, emls[0])))).text ?? '';
    expect(mailText).toContain('未计入的行：台账中 1 行有错误，未计入本汇总');
  }, 120_000);
});

describe('the 1,000-problem cap keeps errors first and counts all (item 3)', () => {
  it('1,005 warnings do not push out 8 errors; the summary counts all of them', async () => {
    const [roster, , settings] = basicSheets();
    const header = ['日期', '编号', '事项', '情形', '告知日期'];
    const warned = Array.from({ length: 1005 }, () => ['2026-03-05', 'A01', 'P2', '请假', '下周']);
    const wrong = Array.from({ length: 8 }, () => ['2026-03-06', 'A09', 'P2', '请假', '']);
    const file = await writeXlsx([
      roster,
      { name: '记分台账', rows: [header, ...warned, ...wrong] },
      settings,
    ]);
    const json = JSON.parse(
      (await run('score', file, '--as-of', '2026-11-24', '--json')).out,
    ) as Json;
    expect(json.problems).toHaveLength(1001);
    expect(json.problems.slice(0, 8).map((p) => [p.severity, p.row])).toEqual(
      Array.from({ length: 8 }, (_, i) => ['error', 1007 + i]),
    );
    expect(json.problems[1000].message).toBe(
      '…另有 13 个问题未列出（共有错误 8 个、提醒 1005 个）',
    );
    const { code, out } = await run('score', file, '--as-of', '2026-11-24');
    expect(code).toBe(1);
    expect(out).toContain('问题：错误 8 条、提醒 1005 条');
  });
});

describe('control characters in a name or 编号 are named (item 4)', () => {
  it('U+0001 and U+007F are named as the zero-width joiner is, and the row is matched', async () => {
    // As Excel saves them: XML cannot hold U+0001, so it is written _x0001_ (exceljs drops it, and U+007F too).
    const [roster, ledger, settings] = basicSheets([
      ['2026-03-05', '', '张三_x0001_', 'P1', '无故缺席', '', '', ''],
      ['2026-03-06', 'A0_x007F_2', '', 'P2', '请假', '', '', ''],
    ]);
    const file = await writeXlsx([roster, ledger, settings]);
    const { code, out } = await run('score', file, '--as-of', '2026-11-24', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      ['warning', 2, '姓名', '姓名中含有不可见字符 U+0001（控制字符），已忽略该字符后比对'],
      ['warning', 3, '编号', '编号中含有不可见字符 U+007F（控制字符），已忽略该字符后比对'],
    ]);
    const balance = (name: string) => json.members.find((m) => m.name === name)!.balance;
    expect([balance('张三'), balance('李四')]).toEqual([6, 1]);
  });
});

describe('names reaching headers and file names (item 5)', () => {
  it('a unit name with U+202E and CR LF leaves neither in the .eml name, Subject, From or attachments', async () => {
    const [roster, ledger, settings] = basicSheets([
      ['2026-07-05', 'A01', '张三', 'P1', '无故缺席', '', '', ''],
    ]);
    // Excel writes a CR as _x000D_; U+202E (right-to-left override) is stored as it is.
    settings.rows[1] = ['单位名称', '测试\u202e单位_x000D_\n党工委\u2066'];
    const file = await writeXlsx([roster, ledger, settings]);
    const out = tempDir('twelve-edges-');
    process.env.TWELVE_SMTP_FROM = 'dangwei@example.cn';
    try {
      const mail = await run(
        'mail',
        file,
        '--quarter',
        '2026Q3',
        '--to',
        'up@example.cn',
        '--out',
        out,
      );
      expect(mail.code).toBe(0);
    } finally {
      delete process.env.TWELVE_SMTP_FROM;
    }
    const unseen = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\r\n]/;
    const [eml] = readdirSync(out).filter((f) => f.endsWith('.eml'));
    expect(eml).toBe('2026Q3 测试单位 党工委 记分汇总公示卡.eml');
    const raw = readFileSync(path.join(out, eml));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).not.toMatch(unseen);
    expect(parsed.subject).toContain('测试单位 党工委');
    expect(parsed.from?.value[0]).toEqual({
      name: '测试单位 党工委',
      address: 'dangwei@example.cn',
    });
    const names = parsed.attachments.map((a) => a.filename ?? '');
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).not.toMatch(unseen);
    expect(names).toContain('测试单位 党工委 2026年第三季度记分汇总表.xlsx');
    // No header of the raw message carries an encoded line break or override either.
    const head = raw.toString('latin1').split('\r\n\r\n')[0];
    expect(head).not.toMatch(/=0D|=0A|%0D|%0A|E2808E|E280AE/i);
  }, 120_000);
});
