// `twelve init`: the blank workbook a clerk starts from, read back as Excel would see it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { BUILTIN_RULES, SETTING_ROWS } from '../core/index.js';
import { tempDir } from './helpers/workbook.js';

async function twelve(...argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c) => (chunks.out += c));
  err.on('data', (c) => (chunks.err += c));
  const code = await main(argv, out, err);
  return { code, ...chunks };
}

const dir = tempDir('twelve-init-');
const file = path.join(dir, '记分台账.xlsx');
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const run = await twelve('init', file);
  expect(run.code).toBe(0);
  expect(run.out).toContain('已新建空白台账');
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});

const headerOf = (ws: ExcelJS.Worksheet) =>
  (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v));

describe('twelve init', () => {
  it('writes the seven sheets with the headers of the workbook contract', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      '党员名册',
      '记分台账',
      '会议签到',
      '处置记录',
      '微心愿',
      '记分规则',
      '设置',
    ]);
    const roster = book.getWorksheet('党员名册')!;
    expect(headerOf(roster)).toEqual(['编号', '姓名', '支部', '职务', '邮箱', '状态']);
    expect(headerOf(book.getWorksheet('记分台账')!)).toEqual(
      expect.arrayContaining(['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明']),
    );
    expect(headerOf(book.getWorksheet('微心愿')!)).toEqual(
      expect.arrayContaining(['年度', '姓名', '认领数', '完成数']),
    );
    expect(headerOf(book.getWorksheet('记分台账')!).slice(-5)).toEqual([
      '告知日期',
      '认定日期',
      '复核申请日期',
      '复核结果',
      '复核日期',
    ]);
    expect(headerOf(book.getWorksheet('会议签到')!)).toEqual([
      '日期',
      '会议',
      '支部',
      '请假',
      '缺席',
      '说明',
      '告知日期',
    ]);
    expect(headerOf(book.getWorksheet('处置记录')!)).toEqual([
      '日期',
      '编号',
      '姓名',
      '处置',
      '承办人',
      '结果',
    ]);
  });

  it('puts dropdown lists on 复核结果, 会议 and 处置', () => {
    const list = (sheet: string, header: string) => {
      const ws = book.getWorksheet(sheet)!;
      const col = String.fromCharCode(64 + headerOf(ws).indexOf(header) + 1);
      return String(ws.getCell(`${col}2`).dataValidation?.formulae[0]);
    };
    expect(list('记分台账', '复核结果')).toBe('"维持,撤销,变更"');
    expect(list('处置记录', '处置')).toBe('"约谈提醒,警示约谈,不合格处置,末位约谈"');
    expect(list('处置记录', '姓名')).toBe("'党员名册'!$B$2:$B$2001");
    expect(list('会议签到', '会议')).toContain('党小组会');
  });

  it('makes every header bold and frozen, with set column widths', () => {
    for (const ws of book.worksheets) {
      const header = ws.getRow(1);
      header.eachCell((cell) => expect(cell.font?.bold, `${ws.name} ${cell.address}`).toBe(true));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      for (let c = 1; c <= ws.columnCount; c++)
        expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThan(5);
    }
  });

  it('formats the ledger date columns as dates', () => {
    const ledger = book.getWorksheet('记分台账')!;
    const header = headerOf(ledger);
    for (const name of ['日期', '告知日期', '认定日期', '复核申请日期', '复核日期'])
      expect(ledger.getColumn(header.indexOf(name) + 1).numFmt).toBe('yyyy-mm-dd');
  });

  it('lists every built-in rule in 记分规则 and the default settings in 设置', () => {
    const rules = book.getWorksheet('记分规则')!;
    const rows = (rules.getSheetValues() as unknown[][]).slice(2).filter(Boolean);
    expect(rows).toHaveLength(BUILTIN_RULES.length);
    // The article's catalog: P1 absent 6 and J1 volunteering −2, checked by hand.
    const p1 = rows.find((r) => r[1] === 'P1' && r[4] === '无故缺席');
    expect(p1?.[5]).toBe(6);
    const j1 = rows.find((r) => r[1] === 'J1');
    expect(j1?.[5]).toBe(-2);
    const r1 = rows.find((r) => r[1] === 'R1');
    expect(r1?.[6]).toBe('是'); // 一次性记满

    const settings = book.getWorksheet('设置')!;
    const pairs = (settings.getSheetValues() as unknown[][]).slice(2).filter(Boolean);
    expect(pairs.map((r) => r[1])).toEqual(SETTING_ROWS.map(([k]) => k));
    const value = (k: string) => pairs.find((r) => r[1] === k)?.[2];
    expect([value('提醒分值'), value('警示分值'), value('不合格分值')]).toEqual([6, 9, 12]);
    expect(value('清零方式')).toBe('不清零');
  });

  it('puts dropdown lists on 事项, 情形, 状态 and member names, down the whole column', () => {
    const ledger = book.getWorksheet('记分台账')!;
    const col = (name: string) => String.fromCharCode(64 + headerOf(ledger).indexOf(name) + 1);
    const list = (address: string) => {
      const v = ledger.getCell(address).dataValidation;
      expect(v?.type, address).toBe('list');
      return String(v.formulae[0]);
    };
    for (const row of [2, 500, 2001]) {
      const items = list(`${col('事项')}${row}`);
      for (const code of ['P1', 'P2', 'R1', 'R2', 'R3', 'W1', 'M1', 'J1', 'J2'])
        expect(items).toContain(code);
      const variants = list(`${col('情形')}${row}`);
      for (const v of ['无故缺席', '请假', '廉政约谈', '通报', '诫勉谈话'])
        expect(variants).toContain(v);
      expect(list(`${col('状态')}${row}`)).toBe('"已认定,待核实,已撤销"');
      // Names come from the roster's 姓名 column (B), so new members appear in the list.
      expect(list(`${col('姓名')}${row}`)).toBe("'党员名册'!$B$2:$B$2001");
    }
    // Nothing on the header row itself, nor on columns a clerk types freely.
    expect(ledger.getCell(`${col('事项')}1`).dataValidation).toBeFalsy();
    expect(ledger.getCell(`${col('说明')}2`).dataValidation).toBeFalsy();
    // A value outside a list warns but is allowed: the reader also accepts norm text (三会一课).
    expect(ledger.getCell(`${col('事项')}2`).dataValidation.errorStyle).toBe('warning');

    const roster = book.getWorksheet('党员名册')!;
    expect(String(roster.getCell('F2').dataValidation?.formulae[0])).toBe('"在册,转出,停止党籍"');
    const wishes = book.getWorksheet('微心愿')!;
    expect(String(wishes.getCell('C2').dataValidation?.formulae[0])).toBe(
      "'党员名册'!$B$2:$B$2001",
    );
  });

  it('gives a workbook that twelve score reads with no members and no problems', async () => {
    const run = await twelve('score', file, '--json', '--as-of', '2026-11-24');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.members).toEqual([]);
    expect(json.problems).toEqual([]);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const existing = path.join(dir, '已有台账.xlsx');
    writeFileSync(existing, 'a clerk’s work');
    const refused = await twelve('init', existing);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/已存在.*没有覆盖.*--force/);
    expect(refused.out).toBe('');
    expect(readFileSync(existing, 'utf8')).toBe('a clerk’s work');

    const forced = await twelve('init', existing, '--force');
    expect(forced.code).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(existing);
    expect(again.worksheets).toHaveLength(7);
  });

  it('says in one line what is wrong with the arguments', async () => {
    const none = await twelve('init');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^错误：请指定一个要新建的台账文件/);
    const csv = await twelve('init', path.join(dir, 'x.csv'));
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('.xlsx');
    const missingDir = await twelve('init', path.join(dir, 'no-such-dir', 'x.xlsx'));
    expect(missingDir.code).toBe(2);
    expect(missingDir.err).toContain('文件夹不存在');
  });
});
