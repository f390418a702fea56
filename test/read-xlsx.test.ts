// The report tool's reader on parts written the ways real writers write them: shared strings
// with rich text and phonetic runs, every cell type, built-in and custom number formats, the
// 1904 system, hidden sheets, workbook order, absolute and relative targets.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDateFormat } from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { BUILTIN_FORMATS } from '../reports/xlsx/formats.js';
import { bookEntries, zip, type ZipEntry } from '../scripts/malformed-corpus.js';
import { tempDir } from './helpers/workbook.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const dir = tempDir('twelve-read-');
let n = 0;
const write = (entries: ZipEntry[]) => {
  const file = path.join(dir, `book${n++}.xlsx`);
  writeFileSync(file, zip(entries));
  return file;
};
const sheet = (cells: string) =>
  `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

describe('the .xlsx reader', () => {
  it('reads shared strings with rich-text runs joined, phonetic runs left out, _x000D_ decoded', async () => {
    const strings = `${XML}<sst xmlns="${NS}"><si><t>张三</t></si><si><r><rPr><b/></rPr><t>第一</t></r><r><t xml:space="preserve">支部 </t></r><rPh sb="0" eb="2"><t>ダイイチ</t></rPh></si><si><t>一行_x000D_二行</t></si></sst>`;
    const file = write(
      bookEntries({
        strings,
        sheets: [
          {
            name: '表',
            xml: sheet(
              '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>',
            ),
          },
        ],
      }),
    );
    const [s] = await readWorkbook(file);
    expect(s.rows[0]).toEqual(['张三', '第一支部 ', '一行\r二行']);
  });

  it('reads each cell type: n, s, str, inlineStr, b, e, d, and formulas by their result', async () => {
    const cells = [
      '<c r="A1"><v>6</v></c>',
      '<c r="B1" t="str"><f>A1&amp;"分"</f><v>6分</v></c>',
      '<c r="C1" t="inlineStr"><is><t>内联</t></is></c>',
      '<c r="D1" t="b"><v>1</v></c>',
      '<c r="E1" t="e"><f>NA()</f><v>#N/A</v></c>',
      '<c r="F1" t="d"><v>2026-03-05T00:00:00.000Z</v></c>',
      '<c r="G1" t="d"><v>2026-03-05T12:30:00</v></c>',
      '<c r="H1"><f>1+1</f><v>2</v></c>',
      '<c r="I1" s="1"/>',
    ].join('');
    const [s] = await readWorkbook(
      write(bookEntries({ sheets: [{ name: '表', xml: sheet(cells) }] })),
    );
    expect(s.rows[0]).toEqual([
      6,
      '6分',
      '内联',
      true,
      '#N/A',
      new Date(Date.UTC(2026, 2, 5)),
      new Date(Date.UTC(2026, 2, 5, 12, 30)),
      2,
    ]);
  });

  it('gives a number its cell format: built-in 14 and 31, a custom 年月日 code, General', async () => {
    const styles = `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="176"/></cellXfs></styleSheet>`;
    const cells =
      '<c r="A1"><v>46086</v></c><c r="B1" s="1"><v>46086</v></c><c r="C1" s="2"><v>46086</v></c><c r="D1" s="3"><v>46086</v></c>';
    const [s] = await readWorkbook(
      write(bookEntries({ styles, sheets: [{ name: '表', xml: sheet(cells) }] })),
    );
    const day = new Date(Date.UTC(2026, 2, 5));
    expect(s.rows[0]).toEqual([46086, day, day, day]);
  });

  it('takes every Chinese built-in date id (27–36, 50–58) as a date format', () => {
    for (const id of [
      14, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    ])
      expect(isDateFormat(BUILTIN_FORMATS[id]), `id ${id}`).toBe(true);
    for (const id of [0, 1, 2, 3, 4, 9, 10, 11, 12, 49])
      expect(isDateFormat(BUILTIN_FORMATS[id])).toBe(false);
  });

  it('reads 1904 serials as the same day, sheets in workbook order, hidden sheets too', async () => {
    const entries = bookEntries({
      date1904: true,
      sheets: [
        { name: '乙', xml: sheet('<c r="A1" s="1"><v>44624</v></c>') },
        { name: '甲', xml: sheet('<c r="A1"><v>1</v></c>') },
      ],
    }).map((e) =>
      e.name === 'xl/workbook.xml'
        ? { ...e, data: (e.data as string).replace('name="甲"', 'name="甲" state="hidden"') }
        : e,
    );
    const sheets = await readWorkbook(write(entries.reverse()));
    expect(sheets.map((s) => s.name)).toEqual(['乙', '甲']);
    expect(sheets[0].rows[0][0]).toEqual(new Date(Date.UTC(2026, 2, 5)));
  });

  it('gives merged areas as absolute 1-based ranges with the value at the top-left only', async () => {
    const xml = `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>支部</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>第一支部</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells></worksheet>`;
    const [s] = await readWorkbook(write(bookEntries({ sheets: [{ name: '表', xml }] })));
    expect(s.rows).toEqual([['支部'], ['第一支部']]);
    expect(s.merges).toEqual([{ top: 2, left: 1, bottom: 4, right: 1 }]);
  });
});
