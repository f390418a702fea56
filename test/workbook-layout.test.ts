/// <reference types="office-js" />
// The workbook's layout is declared once (core/layout.ts). What a clerk meets of it — the
// workbook `twelve init` writes, the sheets 准备台账 adds in Excel, what the reader accepts from
// each dropdown, and docs/workbook.md — all say the same: same sheets in the same order, same
// headers and aliases, same widths, same dropdown lists, same warning when a value is not in one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { PROJECT_ROOT } from '../reports/paths.js';
import { isDateFormat } from '../core/cells.js';
import { prepareWorkbook } from '../addin/prepare-workbook.js';
import {
  BLANK_LOOK,
  BUILTIN_RULES,
  SETTING_ROWS,
  WORKBOOK_LAYOUT,
  parseWorkbook,
  type CellValue,
  type ColumnLayout,
  type DropdownSource,
  type SheetData,
  type SheetLayout,
} from '../core/index.js';
import { FakeRequestContext, FakeWorkbookState, type FakeSheet } from './fake-excel/fake-excel.js';
import { tempDir } from './helpers/workbook.js';

const layoutOf = (role: SheetLayout['role']) => WORKBOOK_LAYOUT.find((s) => s.role === role)!;
const letter = (c: number) => String.fromCharCode(65 + c);
const rosterName = layoutOf('roster').name;
const nameColumn = letter(layoutOf('roster').columns.findIndex((c) => c.key === 'name'));
const ledgerCodes = [...new Set(BUILTIN_RULES.filter((r) => !r.yearly).map((r) => r.code))];
const ledgerVariants = [
  ...new Set(BUILTIN_RULES.filter((r) => !r.yearly && r.variant).map((r) => r.variant!)),
];

/** The list a dropdown offers, as words: what init, 准备台账 and the doc each must show. */
function listOf(source: DropdownSource): readonly string[] | 'members' {
  if (source === 'rule-codes') return ledgerCodes;
  if (source === 'rule-variants') return ledgerVariants;
  return source;
}

const dropdowns = WORKBOOK_LAYOUT.flatMap((s) =>
  s.columns.flatMap((c, i) => (c.dropdown ? [{ sheet: s, column: c, index: i }] : [])),
);

/** The one warning every dropdown gives, whoever wrote it: init's and 准备台账's are the same. */
const ALERT_WORDS = /不在下拉列表中/;

describe('the declaration', () => {
  it("gives a column key one header on every sheet, so any sheet's message can name it", () => {
    const headers = new Map<string, Set<string>>();
    for (const s of WORKBOOK_LAYOUT)
      for (const c of s.columns)
        headers.set(c.key, (headers.get(c.key) ?? new Set()).add(c.header));
    expect([...headers].filter(([, h]) => h.size > 1)).toEqual([]);
  });
});

describe('the workbook twelve init writes', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = path.join(tempDir('layout-init-'), '记分台账.xlsx');
    const out = new PassThrough();
    const err = new PassThrough();
    out.resume();
    err.resume();
    expect(await main(['init', file], out, err)).toBe(0);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
  });

  it('has the declared sheets, headers, widths and date columns', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual(WORKBOOK_LAYOUT.map((s) => s.name));
    for (const sheet of WORKBOOK_LAYOUT) {
      const ws = book.getWorksheet(sheet.name)!;
      expect((ws.getRow(1).values as unknown[]).slice(1), sheet.name).toEqual(
        sheet.columns.map((c) => c.header),
      );
      sheet.columns.forEach((c, i) => {
        const column = ws.getColumn(i + 1);
        expect(column.width, `${sheet.name} ${c.header}`).toBe(c.width);
        expect(column.numFmt === 'yyyy-mm-dd', `${sheet.name} ${c.header} date`).toBe(!!c.date);
      });
    }
  });

  it('puts the declared dropdowns, and only those, below the header', () => {
    for (const sheet of WORKBOOK_LAYOUT) {
      const ws = book.getWorksheet(sheet.name)!;
      sheet.columns.forEach((c, i) => {
        const v = ws.getCell(`${letter(i)}2`).dataValidation;
        if (!c.dropdown) return expect(v?.type, `${sheet.name} ${c.header}`).toBeUndefined();
        const list = listOf(c.dropdown);
        expect(String(v.formulae[0]), `${sheet.name} ${c.header}`).toBe(
          list === 'members'
            ? `'${rosterName}'!$${nameColumn}$2:$${nameColumn}$2001`
            : `"${list.join(',')}"`,
        );
        expect(v.errorStyle).toBe('warning');
        expect(v.errorTitle).toMatch(ALERT_WORDS);
        expect(v.errorTitle).toContain(c.header);
      });
    }
  });
});

describe('准备台账 on a workbook with none of the sheets', () => {
  let state: FakeWorkbookState;
  let report: Awaited<ReturnType<typeof prepareWorkbook>>;
  beforeAll(async () => {
    state = new FakeWorkbookState([{ name: 'Sheet1', values: [] }]);
    report = await prepareWorkbook(
      new FakeRequestContext(state) as unknown as Excel.RequestContext,
    );
  });

  it('adds the declared sheets with their headers and widths', () => {
    expect(report.addedSheets).toEqual(WORKBOOK_LAYOUT.map((s) => s.name));
    for (const sheet of WORKBOOK_LAYOUT) {
      const s = state.sheet(sheet.name)!;
      expect(s.values[0], sheet.name).toEqual(sheet.columns.map((c) => c.header));
      // Office.js sets widths in points: seven to one of Excel's characters.
      expect(
        [...s.columnWidths].sort((a, b) => a[0] - b[0]),
        sheet.name,
      ).toEqual(sheet.columns.map((c, i) => [i, c.width * 7]));
    }
  });

  it('puts the same dropdowns as init, with the same warning', () => {
    expect(report.dropdowns).toBe(dropdowns.length);
    for (const sheet of WORKBOOK_LAYOUT) {
      const got = state.sheet(sheet.name)!.validations.map((v) => ({
        at: [v.row, v.col],
        rule: v.rule,
        alert: v.errorAlert,
      }));
      const want = sheet.columns.flatMap((c: ColumnLayout, i) => {
        if (!c.dropdown) return [];
        const list = listOf(c.dropdown);
        const source =
          list === 'members'
            ? `='${rosterName}'!$${nameColumn}$2:$${nameColumn}$1048576`
            : list.join(',');
        return [
          {
            at: [1, i],
            rule: { list: { inCellDropDown: true, source } },
            alert: expect.objectContaining({
              showAlert: true,
              style: 'Warning',
              title: expect.stringMatching(ALERT_WORDS),
            }),
          },
        ];
      });
      expect(got, sheet.name).toEqual(want);
    }
  });

  it("gives the sheets init's date columns and header look", async () => {
    const file = path.join(tempDir('layout-look-'), '记分台账.xlsx');
    const sink = new PassThrough();
    sink.resume();
    await main(['init', file], sink, sink);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    /** How a header cell looks, in words both sides can say. */
    const look = (fill?: string, horizontal?: string, vertical?: string, bold?: boolean) => ({
      fill: fill?.toUpperCase(),
      horizontal: horizontal?.toLowerCase(),
      // exceljs says middle for what Office.js calls Center.
      vertical: vertical?.toLowerCase().replace('middle', 'center'),
      bold: !!bold,
    });
    const paneFormat = (s: FakeSheet, r: number, c: number) => s.formats[r]?.[c] ?? 'General';
    for (const sheet of WORKBOOK_LAYOUT) {
      const ws = book.getWorksheet(sheet.name)!;
      const s = state.sheet(sheet.name)!;
      const header = sheet.columns.map((_, c) => {
        const cell = ws.getRow(1).getCell(c + 1);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        return look(
          fill?.fgColor?.argb?.slice(2),
          cell.alignment?.horizontal,
          cell.alignment?.vertical,
          cell.font?.bold,
        );
      });
      expect(header.every((h) => h.fill && h.horizontal && h.vertical && h.bold)).toBe(true);
      const pane = sheet.columns.map((_, c) => {
        const key = `0,${c}`;
        const align = s.alignments.get(key);
        return look(
          s.fills.get(key)?.slice(1),
          align?.horizontal,
          align?.vertical,
          s.bold.has(key),
        );
      });
      expect(pane, sheet.name).toEqual(header);

      // A date column shows init's format on every row it gives a dropdown; no other does.
      sheet.columns.forEach((c, i) => {
        const initFormat = ws.getColumn(i + 1).numFmt;
        const shown = new Set(
          Array.from({ length: BLANK_LOOK.rows }, (_, r) => paneFormat(s, r + 1, i)),
        );
        if (c.date) expect([...shown], `${sheet.name} ${c.header}`).toEqual([initFormat]);
        else {
          expect(initFormat, `${sheet.name} ${c.header}`).toBeFalsy();
          expect([...shown].filter(isDateFormat), `${sheet.name} ${c.header}`).toEqual([]);
        }
      });
    }
  });

  it('gives each dropdown the warning init gives it', async () => {
    const file = path.join(tempDir('layout-alert-'), '记分台账.xlsx');
    const sink = new PassThrough();
    sink.resume();
    await main(['init', file], sink, sink);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    for (const { sheet, column, index } of dropdowns) {
      const init = book.getWorksheet(sheet.name)!.getCell(`${letter(index)}2`).dataValidation;
      const pane = state.sheet(sheet.name)!.validations.find((v) => v.col === index)!
        .errorAlert as Excel.DataValidationErrorAlert;
      expect([pane.title, pane.message], `${sheet.name} ${column.header}`).toEqual([
        init.errorTitle,
        init.error,
      ]);
    }
  });
});

describe('the reader takes every value a dropdown offers', () => {
  /** One sheet of the layout with a header row and one row, cells by column key. */
  const sheetOf = (role: SheetLayout['role'], cells: Record<string, CellValue>): SheetData => {
    const s = layoutOf(role);
    return {
      name: s.name,
      rows: [s.columns.map((c) => c.header), s.columns.map((c) => cells[c.key] ?? null)],
    };
  };
  const member = { id: 'A01', name: '张三' };
  const ledgerRow = { date: '2026-03-02', ...member, item: 'P1', variant: '请假' };
  const parse = (sheets: SheetData[]) => {
    const parsed = parseWorkbook(sheets);
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return parsed;
  };
  /** A roster of one and an empty ledger, with `sheets` in place of (or beside) them. */
  const only = (sheets: SheetData[]) =>
    sheets.reduce<SheetData[]>(
      (all, s) => [...all.filter((o) => o.name !== s.name), s],
      [sheetOf('roster', member), sheetOf('ledger', {})],
    );

  const cases: Record<string, (v: string) => void> = {
    '党员名册 状态': (v) => {
      const [m] = parse(only([sheetOf('roster', { ...member, status: v })])).members;
      expect(m.statusText).toBe(v);
      expect(m.status).toBe(v === '在册' ? 'active' : 'inactive');
    },
    '记分台账 状态': (v) => {
      const { entries } = parse(only([sheetOf('ledger', { ...ledgerRow, status: v })]));
      expect(entries.map((e) => e.statusText)).toEqual([v]);
    },
    '记分台账 复核结果': (v) => {
      const review = { reviewApplied: '2026-03-05', reviewOutcome: v, reviewDecided: '2026-03-10' };
      const { entries } = parse(only([sheetOf('ledger', { ...ledgerRow, ...review })]));
      expect(entries[0].review?.outcome).toBeTruthy();
    },
    '会议签到 会议': (v) => {
      const row = { date: '2026-03-02', meeting: v, leave: '张三' };
      const { entries } = parse(only([sheetOf('attendance', row)]));
      expect(entries.map((e) => e.rule.code)).toHaveLength(1);
    },
    '处置记录 处置': (v) => {
      const row = { date: '2026-03-02', ...member, kind: v };
      expect(parse(only([sheetOf('records', row)])).records).toHaveLength(1);
    },
  };

  const fixed = dropdowns.filter((d) => Array.isArray(d.column.dropdown));
  it('has a case for each fixed list', () => {
    expect(fixed.map((d) => `${d.sheet.name} ${d.column.header}`).sort()).toEqual(
      Object.keys(cases).sort(),
    );
  });
  it.each(fixed.map((d) => [`${d.sheet.name} ${d.column.header}`, d.column.dropdown as string[]]))(
    '%s',
    (name, values) => {
      for (const v of values) cases[name](v);
    },
  );

  it('reads every rule code and variant the ledger lists offer', () => {
    const rows = BUILTIN_RULES.filter((r) => !r.yearly).map((r) => ({
      ...ledgerRow,
      item: r.code,
      variant: r.variant ?? '',
      points: r.points === null ? 1 : null,
      status: '已认定',
    }));
    const ledger = layoutOf('ledger');
    const sheet: SheetData = {
      name: ledger.name,
      rows: [
        ledger.columns.map((c) => c.header),
        ...rows.map((r) =>
          ledger.columns.map((c) => (r as Record<string, CellValue>)[c.key] ?? null),
        ),
      ],
    };
    expect(parse(only([sheet])).entries).toHaveLength(rows.length);
  });
});

describe('docs/workbook.md', () => {
  const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/workbook.md'), 'utf8');
  const split = (cell: string) => (cell ? cell.split('、') : []);
  const strip = (text: string) => text.replace(/（[^）]*）/g, '').replace(/\s+/g, '');
  /** The text of the section under "### <name>…", up to the next heading. */
  const section = (name: string) => {
    const start = doc.search(new RegExp(`^### ${name}`, 'm'));
    expect(start, name).toBeGreaterThanOrEqual(0);
    const rest = doc.slice(start);
    const end = rest.slice(4).search(/^##/m);
    return end < 0 ? rest : rest.slice(0, end + 4);
  };
  /** The rows of the first table whose first header is `first`, as trimmed cells. */
  const table = (text: string, first: string) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
    if (at < 0) return null;
    const rows: string[][] = [];
    for (const line of lines.slice(at + 2)) {
      if (!line.startsWith('|')) break;
      rows.push(
        line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    }
    return rows;
  };

  it('names the sheets init writes, in its order', () => {
    const list = /新建的工作簿有.张表：([^。]*)。/.exec(doc)![1];
    expect(split(strip(list))).toEqual(WORKBOOK_LAYOUT.map((s) => s.name));
  });

  it.each(WORKBOOK_LAYOUT.map((s) => [s.name, s]))(
    "gives %s's other names, columns, aliases and required columns",
    (_, sheet) => {
      const text = section(sheet.name);
      const heading = text.split('\n')[0];
      const aliases = /也可命名为：([^）]*)）/.exec(heading)?.[1] ?? '';
      expect(split(aliases), heading).toEqual(sheet.aliases);
      const rows = table(text, '列');
      if (!rows) {
        // A sheet of few columns is one sentence: 代码、类别、…、警示（是/否）.
        const sentence = text.split('\n').find((l) => l.includes(sheet.columns[0].header + '、'));
        expect(
          split(
            strip(sentence!)
              .replace(/^.*：/, '')
              .replace(/[。.].*$/, ''),
          ),
        ).toEqual(sheet.columns.map((c) => c.header));
        expect(sheet.columns.some((c) => c.aliases?.length)).toBe(false);
        return;
      }
      expect(rows.map((r) => r[0])).toEqual(sheet.columns.map((c) => c.header));
      for (const [header, aliasText, required] of rows) {
        const c = sheet.columns.find((col) => col.header === header)!;
        expect(split(aliasText), `${sheet.name} ${header}`).toEqual(c.aliases ?? []);
        expect(required === '是', `${sheet.name} ${header} required`).toBe(!!c.required);
      }
    },
  );

  it('lists the dropdowns init and 准备台账 put', () => {
    const rows = table(doc, '表')!;
    expect(rows.map(([s, c]) => `${s} ${c}`).sort()).toEqual(
      dropdowns.map((d) => `${d.sheet.name} ${d.column.header}`).sort(),
    );
    for (const [sheetName, header, text] of rows) {
      const d = dropdowns.find((x) => x.sheet.name === sheetName && x.column.header === header)!;
      const list = listOf(d.column.dropdown!);
      if (list === 'members') expect(text).toContain(`${rosterName}的“姓名”列`);
      else if (d.column.dropdown === 'rule-variants') {
        // Too many to list: the doc names some, each of them a variant.
        for (const v of split(text.replace(/等$/, ''))) expect(list).toContain(v);
      } else if (d.column.dropdown === 'rule-codes')
        expect(
          split(
            strip(text)
              .replace(/^规则代码/, '')
              .replace(/,/g, '、'),
          ),
        ).toEqual(list);
      else expect(text, `${sheetName} ${header}`).toBe(list.join('、'));
    }
  });

  it("gives 设置's items and defaults as a blank workbook has them", () => {
    const rows = table(section('设置'), '项目')!;
    const pairs = rows.flatMap(([keys, defaults]) => {
      const k = keys.split(' / ');
      const v = defaults.split(' / ');
      return k.map((key, i) => [key, v[i] === '（空）' ? '' : v[i]]);
    });
    expect(pairs).toEqual(SETTING_ROWS.map(([k, v]) => [k, String(v)]));
  });
});
