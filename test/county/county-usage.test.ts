// `twelve county` command-line mistakes: one Chinese line each, exit 2, nothing written.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../reports/cli.js';
import { captureIo } from '../helpers/io.js';
import { tempDir, writeXlsx } from '../helpers/workbook.js';

async function run(args: string[]) {
  const io = captureIo();
  const code = await main(['county', ...args], io.out, io.err);
  return { code, err: io.stderr().trim() };
}

describe('twelve county usage', () => {
  it('asks for the reports, the quarter, and a valid quarter', async () => {
    expect(await run(['--quarter', '2026Q3'])).toEqual({
      code: 2,
      err: '错误：请指定各单位报送的邮件（.eml、.mbox）、汇总表（.xlsx）或所在文件夹',
    });
    expect(await run([tempDir()])).toEqual({
      code: 2,
      err: '错误：请用 --quarter 指定季度，如 2026Q3',
    });
    expect((await run([tempDir(), '--quarter', '2026Q5'])).err).toBe(
      '错误：--quarter 的值"2026Q5"无效，应如 2026Q3',
    );
  });

  it('names the --units file that has no 单位名称 column, and writes nothing', async () => {
    const out = tempDir();
    const list = await writeXlsx([{ name: 'Sheet1', rows: [['名字'], ['甲']] }]);
    const result = await run([tempDir(), '--quarter', '2026Q3', '--units', list, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `错误：--units 单位名单"${path.basename(list)}"：找不到"单位名称"列：请在第一行写表头"单位名称"，每行一个单位`,
    );
    expect(existsSync(path.join(out, '县级汇总-2026Q3.xlsx'))).toBe(false);
  });

  it('says which inputs it cannot read, in Chinese, before any card is made', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '说明.txt'), '各单位报送');
    writeFileSync(path.join(dir, '坏的.eml'), '');
    writeFileSync(path.join(dir, '空的.mbox'), 'not an mbox\n');
    const { listInputs, piecesOf } = await import('../../reports/county/inputs.js');
    const { files, problems } = await listInputs([dir, path.join(dir, '没有这个.eml')]);
    expect(problems).toEqual([
      {
        source: path.join(dir, '说明.txt'),
        problem: '不是邮件（.eml、.mbox）或汇总表（.xlsx），未读取',
      },
      { source: path.join(dir, '没有这个.eml'), problem: '找不到该文件或文件夹' },
    ]);
    const lines = [];
    for (const f of files) for await (const p of piecesOf(f)) lines.push(p);
    expect(lines).toEqual([
      { source: path.join(dir, '坏的.eml'), problem: '邮件中没有 .xlsx 汇总表附件，未计入' },
      {
        source: path.join(dir, '空的.mbox'),
        problem: '不是 mbox 邮件存档（第一行应以"From "开头），未读取',
      },
    ]);
  });
});

describe('twelve county output', () => {
  it('says in one line when the --out folder cannot be made', async () => {
    const blocker = path.join(tempDir(), '汇总');
    writeFileSync(blocker, '');
    const result = await run([tempDir(), '--quarter', '2026Q3', '--out', blocker]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `错误：--out 指定的"${blocker}"是一个文件，不是文件夹：请换一个文件夹名`,
    );
  });
});

describe('twelve county --units', () => {
  it('names the option when the list file is missing', async () => {
    const missing = path.join(tempDir(), '名单.xlsx');
    expect(await run([tempDir(), '--quarter', '2026Q3', '--units', missing])).toEqual({
      code: 2,
      err: `错误：--units 单位名单：找不到文件"${missing}"`,
    });
  });
});
