// Every command fed every kind of bad input a clerk can give it: each answers with one Chinese
// line naming the option, the file or the variable, exits 2, and shows no stack trace and no
// library's English.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { captureIo } from './helpers/io.js';
import { basicSheets, tempDir, writeXlsx } from './helpers/workbook.js';

const TO = 'dangwei@example.gov.cn';
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = tempDir('twelve-bad-');
// Open to the unprivileged user below, as a clerk's own folder is to them.
chmodSync(dir, 0o755);
const book = await writeXlsx(basicSheets(), path.join(dir, '台账.xlsx'));
const aFile = path.join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder');
const truncated = path.join(dir, '断了.xlsx');
writeFileSync(truncated, readFileSync(book).subarray(0, 2000));
const badJson = path.join(dir, 'smtp.json');
writeFileSync(badJson, '{\n  "host": "smtp.example.gov.cn",\n  port: 465\n}\n');
const unreadable = path.join(dir, '锁住.xlsx');
writeFileSync(unreadable, readFileSync(book));
chmodSync(unreadable, 0o000);
const locked = path.join(dir, '只读目录');
mkdirSync(locked);
chmodSync(locked, 0o555);
const writable = path.join(dir, '可写');
mkdirSync(writable);
chmodSync(writable, 0o777);

async function run(args: string[], env: Record<string, string> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const io = captureIo();
  try {
    const code = await main(args, io.out, io.err);
    return { code, out: io.stdout(), err: io.stderr() };
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

/**
 * The CLI bundled into one file (esbuild, packages left outside) so that another user can run
 * it with plain node; under test/.tmp so that it finds the project's files and packages.
 */
function bundleCli(): string {
  const outfile = path.join(ROOT, 'test', '.tmp', `cli-${process.pid}.mjs`);
  buildSync({
    entryPoints: [path.join(ROOT, 'test', 'helpers', 'cli-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
let bundled: string | null = null;
afterAll(() => {
  if (bundled) rmSync(bundled, { force: true });
});

/** As an unprivileged user where the tests run as root (root reads every file). */
function runUnprivileged(args: string[]) {
  bundled ??= bundleCli();
  const command = [process.execPath, bundled, ...args];
  const asUser =
    process.getuid?.() === 0
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command]
      : command;
  const r = spawnSync(asUser[0], asUser.slice(1), {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Words of four or more Latin letters that may appear: option names, commands, file parts. */
const ALLOWED = new Set(
  [
    'twelve',
    'help',
    'json',
    'force',
    'since',
    'until',
    'quarter',
    'month',
    'templates',
    'mail',
    'outbox',
    'send',
    'resend',
    'smtp',
    'config',
    'score',
    'notices',
    'quarterly',
    'ranking',
    'init',
    'xlsx',
    'host',
    'port',
    'dangwei',
    'example',
    'TWELVE',
    'SMTP',
    'PORT',
    'HOST',
    'FROM',
    'JSON',
    'Excel',
  ].map((w) => w.toLowerCase()),
);

function expectOneChineseLine(r: { code: number | null; out: string; err: string }) {
  expect(r.code, r.err).toBe(2);
  const lines = r.err.trim().split('\n');
  const problem = lines[lines.length - 1];
  expect(problem).toMatch(/^错误：/);
  // Lines before the problem may only be notes of ours (the sample in use).
  for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(未指定台账文件|注意：)/);
  expect(r.err + r.out).not.toMatch(/\n\s+at |Error:|TypeError|ERR_|\(node:/);
  // Paths and file names are the clerk's own words; anything else in Latin letters is English.
  const words = problem
    .replace(/--?[\w-]+|\bTWELVE_[A-Z_]+/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/(?:[A-Za-z]:)?[\\/][^\s"“”，。：；（）]*/g, '')
    .replace(/[\w.-]+\.(xlsx|json|txt|pdf|eml)/g, '')
    .match(/[A-Za-z]{4,}/g);
  for (const w of words ?? [])
    expect(ALLOWED, `English word "${w}" in: ${problem}`).toContain(w.toLowerCase());
  return problem;
}

interface Case {
  name: string;
  args: string[];
  says: RegExp;
  env?: Record<string, string>;
}

/** The bad-input classes, each fed to every command that takes that kind of input. */
const COMMANDS: Record<string, { needs: string[]; typo: [string, string]; out?: string }> = {
  score: { needs: [], typo: ['--jsno', '--json'] },
  notices: { needs: [], typo: ['--untill', '--until'], out: '--out' },
  quarterly: { needs: ['--quarter', '2026Q3'], typo: ['--tempaltes', '--templates'], out: '--out' },
  ranking: { needs: ['--month', '2026-11'], typo: ['--mounth', '--month'], out: '--out' },
  mail: {
    needs: ['--quarter', '2026Q3', '--to', TO],
    typo: ['--smtp-cofig', '--smtp-config'],
    out: '--out',
  },
};

const cases: Case[] = [];
for (const [command, { needs, typo, out }] of Object.entries(COMMANDS)) {
  const base = [command, book, ...needs];
  cases.push(
    {
      name: `${command}: misspelled option`,
      args: [...base, typo[0], 'x'],
      says: new RegExp(`不认识的选项 ${typo[0]}，是不是要写 ${typo[1]}？`),
    },
    {
      name: `${command}: unknown option`,
      args: [...base, '--zzz'],
      says: /不认识的选项 --zzz；这个命令可用的选项：/,
    },
    { name: `${command}: short option`, args: [...base, '-x'], says: /不认识的选项 -x/ },
    {
      name: `${command}: missing workbook`,
      args: [command, path.join(dir, '没有.xlsx'), ...needs],
      says: /找不到文件".*没有\.xlsx"/,
    },
    {
      name: `${command}: truncated workbook`,
      args: [command, truncated, ...needs],
      says: /"断了\.xlsx"已损坏/,
    },
    {
      name: `${command}: two workbooks`,
      args: [...base, book],
      says: /只能指定一个台账文件，收到 2 个/,
    },
    {
      name: `${command}: option value as a workbook`,
      args: [command, '2026-11', ...needs],
      says: /"2026-11"不是台账文件名，是不是漏写了 --month 2026-11？/,
    },
  );
  if (needs.length > 0)
    cases.push(
      {
        name: `${command}: required option missing`,
        args: [command, book],
        says: new RegExp(`请用 ${needs[0]} 指定`),
      },
      {
        name: `${command}: option without its value`,
        args: [command, book, needs[0]],
        says: new RegExp(`选项 ${needs[0]} 缺少值，应写作 ${needs[0]} `),
      },
      {
        name: `${command}: option followed by another`,
        args: [command, book, needs[0], '--out', dir],
        says: new RegExp(`选项 ${needs[0]} 缺少值`),
      },
      {
        name: `${command}: bad value`,
        args: [command, book, needs[0], '2026-13'],
        says: new RegExp(`${needs[0]} 的值"2026-13"无效`),
      },
      {
        name: `${command}: option twice`,
        args: [...base, ...needs],
        says: new RegExp(`选项 ${needs[0]} 写了两次`),
      },
    );
  if (out)
    cases.push(
      {
        name: `${command}: --out is a file`,
        args: [...base, '--out', aFile],
        says: /--out 指定的".*a-file\.txt"是一个文件，不是文件夹/,
      },
      {
        name: `${command}: --out under a file`,
        args: [...base, '--out', path.join(aFile, 'x')],
        says: /"a-file\.txt"是一个文件|是一个文件，不是文件夹/,
      },
      {
        name: `${command}: --out without a value`,
        args: [...base, '--out'],
        says: /选项 --out 缺少值，应写作 --out 目录/,
      },
    );
}
cases.push(
  {
    name: 'score: --as-of not a date',
    args: ['score', book, '--as-of', '2026-02-30'],
    says: /--as-of 的日期"2026-02-30"无效，应如 2026-11-24/,
  },
  {
    name: 'score: misspelled --as-of',
    args: ['score', book, '--asof', '2026-11-24'],
    says: /是不是要写 --as-of？/,
  },
  {
    name: 'score: boolean with a value',
    args: ['score', book, '--json=yes'],
    says: /选项 --json 不带值/,
  },
  {
    name: 'notices: --since after --until',
    args: ['notices', book, '--since', '2026-11-30', '--until', '2026-11-01'],
    says: /--since 2026-11-30 晚于 --until 2026-11-01/,
  },
  {
    name: 'notices: --send without --mail',
    args: ['notices', book, '--send'],
    says: /须与 --mail 一起使用/,
  },
  {
    name: 'notices: bad --until',
    args: ['notices', book, '--until', '明天'],
    says: /--until 的日期"明天"无效/,
  },
  { name: 'init: no file', args: ['init'], says: /请指定一个要新建的台账文件/ },
  { name: 'init: not .xlsx', args: ['init', path.join(dir, 'x.xls')], says: /须以 \.xlsx 结尾/ },
  { name: 'init: exists', args: ['init', book], says: /已存在，没有覆盖/ },
  {
    name: 'init: misspelled --force',
    args: ['init', path.join(dir, 'new.xlsx'), '--froce'],
    says: /是不是要写 --force？/,
  },
  {
    name: 'init: folder is a file',
    args: ['init', path.join(aFile, 'new.xlsx')],
    says: /无法写入|不是文件夹|路径中有一段是文件/,
  },
  {
    name: 'mail: bad --to',
    args: ['mail', book, '--quarter', '2026Q3', '--to', 'nobody'],
    says: /--to 的"nobody"不是有效的邮箱地址/,
  },
  {
    name: 'mail: --resend without --send',
    args: ['mail', book, '--quarter', '2026Q3', '--to', TO, '--out', dir, '--resend'],
    says: /--resend 须与 --send 一起使用/,
  },
  {
    name: 'mail: config not JSON',
    args: ['mail', book, '--quarter', '2026Q3', '--to', TO, '--out', dir, '--smtp-config', badJson],
    says: /邮件服务器配置文件 .*smtp\.json 的格式有误（第 3 行第 3 列附近）/,
  },
  {
    name: 'mail: config missing',
    args: [
      'mail',
      book,
      '--quarter',
      '2026Q3',
      '--to',
      TO,
      '--out',
      dir,
      '--smtp-config',
      path.join(dir, 'none.json'),
    ],
    says: /邮件服务器配置文件：找不到".*none\.json"/,
  },
  {
    name: 'notices: config not JSON',
    args: ['notices', book, '--mail', '--out', dir, '--smtp-config', badJson],
    says: /smtp\.json 的格式有误/,
  },
  {
    name: 'mail: TWELVE_SMTP_PORT=abc',
    args: ['mail', book, '--quarter', '2026Q3', '--to', TO, '--out', dir, '--send'],
    env: { TWELVE_SMTP_HOST: '127.0.0.1', TWELVE_SMTP_PORT: 'abc' },
    says: /环境变量 TWELVE_SMTP_PORT 的值"abc"无效/,
  },
  {
    name: 'notices: TWELVE_SMTP_PORT=abc',
    args: ['notices', book, '--mail', '--send', '--out', dir],
    env: { TWELVE_SMTP_HOST: '127.0.0.1', TWELVE_SMTP_PORT: 'abc' },
    says: /环境变量 TWELVE_SMTP_PORT 的值"abc"无效/,
  },
  {
    name: 'mail: TWELVE_SMTP_TIMEOUT=-1',
    args: ['mail', book, '--quarter', '2026Q3', '--to', TO, '--out', dir],
    env: { TWELVE_SMTP_HOST: '127.0.0.1', TWELVE_SMTP_TIMEOUT: '-1' },
    says: /环境变量 TWELVE_SMTP_TIMEOUT 的值"-1"无效/,
  },
  {
    name: 'unknown command',
    args: ['scroe'],
    says: /不认识的命令"scroe"，是不是要写 twelve score？/,
  },
);

describe('bad input: one Chinese line, exit 2', () => {
  afterEach(() => {
    delete process.env.TWELVE_SMTP_HOST;
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await run(c.args, c.env);
    const line = expectOneChineseLine(r);
    expect(line).toMatch(c.says);
  });
});

describe('file-system problems as another user would meet them', () => {
  it.each([
    ['an unreadable workbook', ['score', unreadable], /没有权限读取".*锁住\.xlsx"/],
    [
      'an unreadable workbook (cards)',
      ['quarterly', unreadable, '--quarter', '2026Q3', '--out', writable],
      /没有权限读取/,
    ],
    [
      'an --out folder without write permission',
      ['ranking', book, '--month', '2026-11', '--out', path.join(locked, '新')],
      /--out：没有权限写入".*只读目录"/,
    ],
    [
      'an outbox without write permission',
      ['mail', book, '--quarter', '2026Q3', '--out', locked],
      /--out：没有权限写入/,
    ],
  ])('%s', (_name, args, says) => {
    const r = runUnprivileged(args as string[]);
    expect(expectOneChineseLine(r)).toMatch(says as RegExp);
  });
});

describe('notes on a line of their own, the work still done', () => {
  it('says on the first line that the bundled sample is used', async () => {
    const r = await run(['score', '--as-of', '2026-11-24', '--json']);
    expect(r.err.split('\n')[0]).toMatch(/^未指定台账文件，使用自带的示例台账（示例台账\.xlsx/);
    expect(JSON.parse(r.out).unit).toBe('示例经开区党工委');
  });

  it.each(['2026/11/24', '2026.11.24', '2026年11月24日', '20261124', ' 2026-11-24 '])(
    'takes --as-of %s as the ledger takes dates',
    async (asOf) => {
      const r = await run(['score', book, '--as-of', asOf, '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).asOf).toBe('2026-11-24');
    },
  );
});

describe('a period not yet over is said, and still printed', () => {
  it('ranking of a month whose ranking day has not come', async () => {
    const out = tempDir();
    const r = await run(['ranking', book, '--month', '2030年1月', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^注意：2030-01 的调整日 2030-01-25 还没到/);
    expect(readFileSync(path.join(out, '积分榜单-2030-01.pdf')).subarray(0, 4).toString()).toBe(
      '%PDF',
    );
  });

  it('quarterly of a quarter not yet over', async () => {
    const out = tempDir();
    const r = await run(['quarterly', book, '--quarter', '2030年第一季度', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^注意：2030Q1 尚未结束（季度末为 2030-03-31/);
    // The day of the run is one day: TWELVE_TODAY (vitest.config.ts) for dates in the workbook
    // and for this warning alike.
    expect(r.out.split('\n')[0]).toContain('今天是 2026-12-31');
    expect(r.out).toContain('记分汇总公示卡-2030Q1-内部公示.pdf');
  });
});
