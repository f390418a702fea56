// The malformed corpus of test/malformed.test.ts (and a base for bench/fuzz): files that are
// broken in every way a file can reach a clerk — truncated, bad CRC or deflate, a zip bomb,
// entity expansion, huge merges, encrypted, another format renamed — and valid files written
// unusually (no r attributes, prefixed XML, UTF-16, absolute part names). Zips are built here
// byte by byte because no zip library writes a broken zip on purpose.
//   npx tsx scripts/malformed-corpus.ts DIR    writes the corpus to DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Lies for the central directory and local header. */
  crc?: number;
  size?: number;
  method?: number;
  flags?: number;
  /** Replaces the compressed bytes. */
  raw?: Buffer;
}

/** A zip of the entries in the order given. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const method = e.method ?? (e.store ? 0 : 8);
    const body = e.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = (e.crc ?? crc32(data)) >>> 0;
    const size = e.size ?? data.length;
    const flags = (e.flags ?? 0) | 0x0800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export type Cells = (string | number | null)[][];

export const ROSTER: Cells = [
  ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
  ['A01', '张三', '第一支部', '科员', null, '在册'],
  ['A02', '李四', '第一支部', '科长', null, null],
];
export const LEDGER: Cells = [
  ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明'],
  [46086, 'A01', '张三', 'P1', '无故缺席', 6, null, null],
  [46087, 'A02', '李四', 'P2', '请假', null, null, '请假一次'],
];

export interface SheetOptions {
  /** Leave out every r attribute on rows and cells. */
  noRefs?: boolean;
  /** Column A as dates (style 1, yyyy-mm-dd). */
  dateColumn?: boolean;
  merges?: string[];
  /** XML put before </sheetData>. */
  extraRows?: string;
}

export function sheetXml(cells: Cells, options: SheetOptions = {}): string {
  const rows = cells.map((row, r) => {
    const cs = row.map((v, c) => {
      if (v === null) return '';
      const ref = options.noRefs ? '' : ` r="${String.fromCharCode(65 + c)}${r + 1}"`;
      if (typeof v === 'number')
        return `<c${ref}${options.dateColumn && c === 0 && r > 0 ? ' s="1"' : ''}><v>${v}</v></c>`;
      return `<c${ref} t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
    });
    return `<row${options.noRefs ? '' : ` r="${r + 1}"`}>${cs.join('')}</row>`;
  });
  const merges = options.merges?.length
    ? `<mergeCells count="${options.merges.length}">${options.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `${XML}<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetData>${rows.join('')}${options.extraRows ?? ''}</sheetData>${merges}</worksheet>`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface BookOptions {
  sheets?: { name: string; xml: string; target?: string }[];
  workbookXml?: string;
  styles?: string;
  strings?: string;
  date1904?: boolean;
}

/** The parts of a small valid workbook (roster + ledger), in Excel's usual order. */
export function bookEntries(options: BookOptions = {}): ZipEntry[] {
  const sheets = options.sheets ?? [
    { name: '党员名册', xml: sheetXml(ROSTER) },
    { name: '记分台账', xml: sheetXml(LEDGER, { dateColumn: true }) },
  ];
  const targets = sheets.map((s, i) => s.target ?? `worksheets/sheet${i + 1}.xml`);
  const workbook =
    options.workbookXml ??
    `${XML}<workbook xmlns="${NS}" xmlns:r="${R}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`;
  const rels = `${XML}<Relationships xmlns="${PR}">${targets
    .map((t, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="${t}"/>`)
    .join('')}<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>${
    options.strings
      ? `<Relationship Id="rIdT" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`
      : ''
  }</Relationships>`;
  const styles =
    options.styles ??
    `${XML}<styleSheet xmlns="${NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/styles.xml', data: styles },
  ];
  if (options.strings) entries.push({ name: 'xl/sharedStrings.xml', data: options.strings });
  sheets.forEach((s, i) => {
    const target = path.posix.normalize(
      targets[i].startsWith('/') ? targets[i].slice(1) : `xl/${targets[i]}`,
    );
    entries.push({ name: target, data: s.xml });
  });
  return entries;
}

const replace = (entries: ZipEntry[], name: string, patch: Partial<ZipEntry>): ZipEntry[] =>
  entries.map((e) => (e.name === name ? { ...e, ...patch } : e));

export interface CorpusFile {
  name: string;
  bytes: Buffer;
  /** 'refused': one Chinese line (WorkbookFileError); 'read': sheets come back. */
  expect: 'refused' | 'read';
  /** Part of the message or of the result the test checks. */
  says?: RegExp;
  /** Time allowed (5 s unless said): the big ones are 30–60 MB of XML to parse. */
  limitMs?: number;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function malformedCorpus(): CorpusFile[] {
  const good = zip(bookEntries());
  const sheet2 = 'xl/worksheets/sheet2.xml';
  const base = bookEntries();
  const lol = `${XML}<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="${NS}"><si><t>&lol2;</t></si></sst>`;
  const strayRows = Array.from(
    { length: 100_000 },
    (_, i) => `<row r="${i + 4}"><c r="H${i + 4}" t="inlineStr"><is><t>x</t></is></c></row>`,
  ).join('');
  // 2,000,001 values, the cap plus one, as compactly as XML allows (no r attributes).
  const manyCells = `<row>${'<c><v>1</v></c>'.repeat(100)}</row>`.repeat(20_001);
  const manyMerges = Array.from({ length: 100_001 }, (_, i) => `A${i + 10}:B${i + 10}`);
  const files: CorpusFile[] = [
    { name: 'empty.xlsx', bytes: Buffer.alloc(0), expect: 'refused', says: /空文件/ },
    {
      name: 'random.xlsx',
      bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      expect: 'refused',
      says: /不是 Excel 工作簿/,
    },
    {
      name: 'csv-renamed.xlsx',
      bytes: Buffer.from('姓名,支部\n张三,第一支部\n', 'utf8'),
      expect: 'refused',
      says: /CSV/,
    },
    {
      name: 'html-renamed.xls.xlsx',
      bytes: Buffer.from('<html><table><tr><td>张三</td></tr></table></html>'),
      expect: 'refused',
      says: /网页/,
    },
    {
      name: 'xls-renamed.xlsx',
      bytes: Buffer.concat([OLE, Buffer.alloc(1024)]),
      expect: 'refused',
      says: /97-2003/,
    },
    {
      name: 'encrypted.xlsx',
      bytes: Buffer.concat([
        OLE,
        Buffer.alloc(512),
        Buffer.from('EncryptionInfo', 'utf16le'),
        Buffer.alloc(512),
      ]),
      expect: 'refused',
      says: /密码/,
    },
    {
      name: 'xlsb-renamed.xlsx',
      bytes: zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.bin', data: Buffer.alloc(64) },
      ]),
      expect: 'refused',
      says: /\.xlsb/,
    },
    {
      name: 'ods-renamed.xlsx',
      bytes: zip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
      expect: 'refused',
      says: /\.ods/,
    },
    {
      name: 'docx-renamed.xlsx',
      bytes: zip([{ name: 'word/document.xml', data: '<w:document/>' }]),
      expect: 'refused',
      says: /Word/,
    },
    {
      name: 'zip-without-workbook.xlsx',
      bytes: zip([{ name: 'readme.txt', data: 'hello' }]),
      expect: 'refused',
      says: /没有工作簿部件/,
    },
    {
      name: 'truncated-half.xlsx',
      bytes: good.subarray(0, Math.floor(good.length / 2)),
      expect: 'refused',
      says: /已损坏/,
    },
    { name: 'truncated-100.xlsx', bytes: good.subarray(0, 100), expect: 'refused', says: /已损坏/ },
    {
      name: 'truncated-end.xlsx',
      bytes: good.subarray(0, good.length - 10),
      expect: 'refused',
      says: /已损坏/,
    },
    {
      name: 'bad-crc.xlsx',
      bytes: zip(replace(base, sheet2, { crc: 0x12345678 })),
      expect: 'refused',
      says: /sheet2\.xml.*校验失败/,
    },
    {
      name: 'bad-deflate.xlsx',
      bytes: zip(
        replace(base, sheet2, { raw: Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37, 0x42]) }),
      ),
      expect: 'refused',
      says: /已损坏/,
    },
    {
      name: 'size-lie.xlsx',
      bytes: zip(replace(base, sheet2, { size: 20 })),
      expect: 'refused',
      says: /已损坏/,
    },
    {
      name: 'zip-bomb-declared.xlsx',
      bytes: zip(replace(base, sheet2, { size: 400 * 1024 * 1024 })),
      expect: 'refused',
      says: /解压后有 400 MB/,
    },
    {
      name: 'zip-bomb-total.xlsx',
      bytes: zip(
        bookEntries({
          sheets: Array.from({ length: 5 }, (_, i) => ({ name: `表${i}`, xml: sheetXml(ROSTER) })),
        }).map((e) => (e.name.includes('worksheets/') ? { ...e, size: 200 * 1024 * 1024 } : e)),
      ),
      expect: 'refused',
      says: /解压后超过 512 MB/,
    },
    {
      name: 'zip-bomb-real.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: Buffer.alloc(300 * 1024 * 1024, 0x20),
          size: 300 * 1024 * 1024,
        }),
      ),
      expect: 'refused',
      says: /解压后有 300 MB/,
    },
    {
      name: 'billion-laughs.xlsx',
      bytes: zip(bookEntries({ strings: lol })),
      expect: 'refused',
      says: /DTD/,
    },
    {
      name: 'external-entity.xlsx',
      bytes: zip(
        replace(base, 'xl/workbook.xml', {
          data: `${XML}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}"><sheets/></workbook>`,
        }),
      ),
      expect: 'refused',
      says: /DTD/,
    },
    {
      name: 'unclosed-xml.xlsx',
      bytes: zip(
        replace(base, sheet2, { data: `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1">` }),
      ),
      expect: 'refused',
      says: /不是有效的 XML/,
    },
    {
      name: 'not-utf8.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: Buffer.concat([
            Buffer.from(
              `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c t="inlineStr"><is><t>`,
            ),
            Buffer.from([0xc3, 0x28, 0xff]),
            Buffer.from('</t></is></c></row></sheetData></worksheet>'),
          ]),
        }),
      ),
      expect: 'refused',
      says: /不是有效的文本/,
    },
    {
      name: 'no-sheets.xlsx',
      bytes: zip(
        replace(base, 'xl/workbook.xml', {
          data: `${XML}<workbook xmlns="${NS}"><sheets/></workbook>`,
        }),
      ),
      expect: 'refused',
      says: /没有工作表/,
    },
    {
      name: 'missing-sheet-part.xlsx',
      bytes: zip(base.filter((e) => e.name !== sheet2)),
      expect: 'refused',
      says: /sheet2\.xml 不存在/,
    },
    {
      name: 'bad-shared-string.xlsx',
      bytes: zip(
        bookEntries({
          strings: `${XML}<sst xmlns="${NS}"><si><t>姓名</t></si></sst>`,
          sheets: [
            {
              name: '党员名册',
              xml: `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>`,
            },
          ],
        }),
      ),
      expect: 'refused',
      says: /共享字符串编号"7"不存在/,
    },
    {
      name: 'row-zero.xlsx',
      bytes: zip(
        replace(base, sheet2, { data: sheetXml(LEDGER).replace('<row r="1">', '<row r="0">') }),
      ),
      expect: 'refused',
      says: /行号"0"无效/,
    },
    {
      name: 'row-too-far.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: sheetXml(LEDGER).replace('<row r="3">', '<row r="99999999">'),
        }),
      ),
      expect: 'refused',
      says: /行号"99999999"无效/,
    },
    {
      name: 'column-too-far.xlsx',
      bytes: zip(replace(base, sheet2, { data: sheetXml(LEDGER).replace('r="B2"', 'r="ZZZZ2"') })),
      expect: 'refused',
      says: /单元格地址"ZZZZ2"无效/,
    },
    {
      name: 'bad-merge-ref.xlsx',
      bytes: zip(replace(base, sheet2, { data: sheetXml(LEDGER, { merges: ['A0:B'] }) })),
      expect: 'refused',
      says: /合并区域"A0:B"无效/,
    },
    {
      name: 'too-many-merges.xlsx',
      bytes: zip(replace(base, sheet2, { data: sheetXml(LEDGER, { merges: manyMerges }) })),
      expect: 'refused',
      says: /超过 100000 个合并区域/,
    },
    {
      name: 'too-many-cells.xlsx',
      bytes: zip(replace(base, sheet2, { data: sheetXml(LEDGER, { extraRows: manyCells }) })),
      limitMs: 20_000,
      expect: 'refused',
      says: /超过 2000000 个单元格/,
    },
    {
      name: 'encrypted-entry.xlsx',
      bytes: zip(replace(base, sheet2, { flags: 1 })),
      expect: 'refused',
      says: /已加密|已损坏/,
    },
    {
      name: 'lzma-entry.xlsx',
      bytes: zip(replace(base, sheet2, { method: 14 })),
      expect: 'refused',
      says: /不支持的压缩方式/,
    },
    {
      name: 'duplicate-entry.xlsx',
      bytes: zip([...base, base[base.length - 1]]),
      expect: 'refused',
      says: /重复出现/,
    },
    // Valid, written unusually: read, not refused.
    {
      name: 'whole-sheet-merge.xlsx',
      bytes: zip(replace(base, sheet2, { data: sheetXml(LEDGER, { merges: ['A1:XFD1048576'] }) })),
      expect: 'read',
    },
    {
      name: 'stray-rows-100k.xlsx',
      bytes: zip(replace(base, sheet2, { data: sheetXml(LEDGER, { extraRows: strayRows }) })),
      limitMs: 20_000,
      expect: 'read',
      says: /…另有 \d+ 个问题未列出/,
    },
    {
      name: 'no-r-attributes.xlsx',
      bytes: zip(
        replace(base, sheet2, { data: sheetXml(LEDGER, { noRefs: true, dateColumn: true }) }),
      ),
      expect: 'read',
    },
    {
      name: 'prefixed-xml.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: sheetXml(LEDGER, { dateColumn: true })
            .replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t)\b/g, '<$1x:$2')
            .replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`),
        }),
      ),
      expect: 'read',
    },
    {
      name: 'utf16-sheet.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from(
              sheetXml(LEDGER, { dateColumn: true }).replace('UTF-8', 'UTF-16'),
              'utf16le',
            ),
          ]),
        }),
      ),
      expect: 'read',
    },
    {
      name: 'absolute-odd-targets.xlsx',
      bytes: zip(
        bookEntries({
          sheets: [
            { name: '党员名册', xml: sheetXml(ROSTER), target: '/xl/Data/名册 表.xml' },
            {
              name: '记分台账',
              xml: sheetXml(LEDGER, { dateColumn: true }),
              target: '../xl/worksheets/../ledger.xml',
            },
          ],
        }),
      ),
      expect: 'read',
    },
    {
      name: 'stored-parts.xlsx',
      bytes: zip(base.map((e) => ({ ...e, store: true }))),
      expect: 'read',
    },
    {
      name: 'huge-numbers.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: sheetXml(LEDGER, { dateColumn: true })
            .replace('<v>6</v>', '<v>1e999</v>')
            .replace('<v>46087</v>', '<v>1e10</v>'),
        }),
      ),
      expect: 'read',
      says: /分值|日期/,
    },
    {
      name: 'formula-without-result.xlsx',
      bytes: zip(
        replace(base, sheet2, {
          data: sheetXml(LEDGER, { dateColumn: true }).replace('<v>6</v>', '<f>E2*2</f><v></v>'),
        }),
      ),
      expect: 'read',
      says: /无法识别分值\\"=E2\*2\\"/,
    },
  ];
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] ?? 'malformed-corpus';
  mkdirSync(dir, { recursive: true });
  for (const f of malformedCorpus()) writeFileSync(path.join(dir, f.name), f.bytes);
  console.log(`写好了 ${malformedCorpus().length} 个文件：${dir}`);
}
