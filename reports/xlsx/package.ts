// The package's structure: which part is the workbook, its sheets in workbook order with their
// parts, the shared strings and styles, and the date system. Parts are found by relationship,
// never by a guessed file name: openpyxl writes absolute targets ("/xl/worksheets/sheet1.xml"),
// others relative ones, and any part may have any name.
import { BUILTIN_FORMATS } from './formats.js';
import { damaged, tooBig } from './errors.js';
import { LIMITS } from './limits.js';
import { parsePart, prefixedAttribute, unescapeOoxml } from './xml.js';
import type { ZipParts } from './zip.js';

export interface SheetPart {
  name: string;
  /** The part holding the cells; null for a chart sheet. Hidden sheets are read like any. */
  part: string | null;
}

export interface PackageInfo {
  sheets: SheetPart[];
  date1904: boolean;
  strings: string[];
  /** Number format code per cellXfs index (the cell's s attribute). */
  formats: (string | undefined)[];
}

interface Relationship {
  type: string;
  target: string;
}

export async function readPackage(parts: ZipParts): Promise<PackageInfo> {
  const workbookPart = (await officeDocument(parts)) ?? 'xl/workbook.xml';
  if (!parts.has(workbookPart)) throw notWorkbook(parts);
  const rels = await relationships(parts, workbookPart);
  const { sheets, date1904 } = await readWorkbookPart(parts, workbookPart, rels);
  const strings = await readSharedStrings(parts, byType(rels, 'sharedStrings'));
  const formats = await readStyles(parts, byType(rels, 'styles'));
  return { sheets, date1904, strings, formats };
}

function notWorkbook(parts: ZipParts) {
  return damaged(parts.fileName, '压缩包中没有工作簿部件 workbook.xml');
}

async function officeDocument(parts: ZipParts): Promise<string | null> {
  if (!parts.has('_rels/.rels')) return null;
  const rels = await relationships(parts, '');
  return byType(rels, 'officeDocument');
}

function byType(rels: Map<string, Relationship>, type: string): string | null {
  // Sorted by id so that two relationships of one type always resolve the same way.
  const ids = [...rels.keys()].sort();
  for (const id of ids) if (rels.get(id)!.type.endsWith(`/${type}`)) return rels.get(id)!.target;
  return null;
}

/** A part's relationships by id, targets resolved to part names. `source` '' is the package. */
async function relationships(parts: ZipParts, source: string): Promise<Map<string, Relationship>> {
  const slash = source.lastIndexOf('/');
  const dir = slash < 0 ? '' : source.slice(0, slash + 1);
  const relsName = `${dir}_rels/${source.slice(slash + 1)}.rels`;
  const out = new Map<string, Relationship>();
  if (!parts.has(relsName)) return out;
  await parsePart(parts, relsName, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      if (!out.has(a.Id)) out.set(a.Id, { type: a.Type ?? '', target: resolve(dir, a.Target) });
    },
  });
  return out;
}

/** A relationship target as a part name: absolute from the package root, or relative to dir. */
export function resolve(dir: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray % is part of the name.
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : dir + decoded;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

async function readWorkbookPart(
  parts: ZipParts,
  workbookPart: string,
  rels: Map<string, Relationship>,
): Promise<{ sheets: SheetPart[]; date1904: boolean }> {
  const sheets: SheetPart[] = [];
  let date1904 = false;
  await parsePart(parts, workbookPart, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const rel = rels.get(prefixedAttribute(a, 'id') ?? '');
        const sheetName = a.name ?? '';
        if (!sheetName) throw damaged(parts.fileName, '有一张工作表没有名称');
        if (!rel) throw damaged(parts.fileName, `工作表"${sheetName}"找不到对应的内容部件`);
        const isCells = /\/worksheet$/.test(rel.type);
        if (isCells && !parts.has(rel.target))
          throw damaged(parts.fileName, `工作表"${sheetName}"的内容 ${rel.target} 不存在`);
        sheets.push({
          name: sheetName,
          part: isCells ? rel.target : null,
        });
      }
    },
  });
  if (sheets.length === 0) throw damaged(parts.fileName, '工作簿中没有工作表');
  return { sheets, date1904 };
}

/** Shared strings: the text of each <si>, rich-text runs joined, phonetic runs (rPh) left out. */
async function readSharedStrings(parts: ZipParts, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (!part || !parts.has(part)) return strings;
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  await parsePart(parts, part, {
    open(name) {
      if (name === 'si') {
        current = [];
        if (strings.length >= LIMITS.strings)
          throw tooBig(parts.fileName, `的共享字符串超过 ${LIMITS.strings} 个`);
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = phonetic === 0 && current !== null;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(text) {
      if (inT && current) current.push(text);
    },
  });
  return strings;
}

/** The number format of each cell style (cellXfs), custom numFmts first, then built-in ids. */
async function readStyles(parts: ZipParts, part: string | null): Promise<(string | undefined)[]> {
  const formats: (string | undefined)[] = [];
  if (!part || !parts.has(part)) return formats;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  await parsePart(parts, part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of ids) formats.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
  return formats;
}
