// What the command line says, said true: init names every sheet it writes, a ranking or a
// quarterly card is not called a card it is not, an option's mistake comes before anything about
// the workbook, and a count of nothing is left out ("其中逾期 0 张").
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { captureIo } from './helpers/io.js';
import { cardSheets } from './helpers/card-fixture.js';
import { basicSheets, tempDir, writeXlsx } from './helpers/workbook.js';

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io.out, io.err);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The card fixture with one row the reader rejects (a month 13). */
async function bookWithAnError(): Promise<string> {
  const sheets = cardSheets();
  sheets[1].rows.push(['2026-13-01', 'A02', '李四', 'P1', '请假', '', '', '日期写错']);
  return writeXlsx(sheets);
}

describe('twelve init', () => {
  it('names every sheet the new workbook has', async () => {
    const file = path.join(tempDir('twelve-init-words-'), '台账.xlsx');
    const { code, out } = await run('init', file);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const names = book.worksheets.map((ws) => ws.name);
    expect(names.length).toBe(7);
    const firstLine = out.split('\n')[0];
    for (const name of names) expect(firstLine).toContain(name);
    expect(firstLine).toContain(`共 ${names.length} 张工作表`);
  });
});

describe('rows with errors, as each command words them', () => {
  it('ranking and quarterly say what they left out, not "不出卡"', async () => {
    const book = await bookWithAnError();
    const out = tempDir('twelve-words-');
    const ranking = await run('ranking', book, '--month', '2026-11', '--out', out);
    expect(ranking.code).toBe(1);
    expect(ranking.out).toContain('台账有 1 处错误，这些行未计分，榜单和应约谈名单不含这些记录');
    expect(ranking.out).not.toContain('卡');
    const quarterly = await run('quarterly', book, '--quarter', '2026Q3', '--out', out);
    expect(quarterly.code).toBe(1);
    expect(quarterly.out).toContain('台账有 1 处错误，这些行未计入汇总');
    expect(quarterly.out).not.toContain('不出卡');
  }, 120_000);
});

describe('twelve mail', () => {
  it('tells a mistake in --to before anything about the workbook', async () => {
    const { code, err } = await run(
      'mail',
      '--quarter',
      '2026Q3',
      '--to',
      'not-an-address',
      '--out',
      tempDir('twelve-outbox-'),
    );
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual([
      '错误：--to 的"not-an-address"不是有效的邮箱地址，应如 dangwei@example.gov.cn，多个用逗号分隔',
    ]);
  });
});

describe('twelve score', () => {
  it('leaves out "其中逾期 0" where nothing is overdue', async () => {
    const [roster, , settings] = basicSheets();
    const header = ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明', '告知日期'];
    const file = await writeXlsx([
      roster,
      {
        name: '记分台账',
        rows: [
          header,
          ['2026-11-20', 'A01', '', 'P2', '请假', '', '', '', ''],
          ['2026-11-21', 'A01', '', 'P2', '请假', '', '', '', ''],
        ],
      },
      settings,
    ]);
    const { out } = await run('score', file, '--as-of', '2026-11-22');
    const todo = out.slice(out.indexOf('【待办】'), out.indexOf('【待核实】'));
    expect(todo).toMatch(/告知卡未送达/);
    expect(todo).toMatch(/2 张，最早为/);
    expect(todo).not.toContain('逾期 0');
    expect(todo.split('\n')[0]).toMatch(/^【待办】\d+ 项$/);
  });
});
