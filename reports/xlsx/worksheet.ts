// One worksheet part, streamed: every cell's raw value and number format go through the core's
// cellValue, as the add-in's do, so a date, an error value or a 1904 serial reads alike in both.
import {
  cellValue,
  isDateFormat,
  isoToExcelSerial,
  parseRangeRef,
  type CellValue,
  type MergeArea,
  type SheetData,
} from '../../core/index.js';
import { damaged, tooBig } from './errors.js';
import { LIMITS } from './limits.js';
import type { PackageInfo } from './package.js';
import { parsePart, unescapeOoxml } from './xml.js';
import type { ZipParts } from './zip.js';

export async function readSheet(
  parts: ZipParts,
  info: PackageInfo,
  sheetName: string,
  part: string | null,
): Promise<SheetData> {
  if (part === null) return { name: sheetName, rows: [] };
  const reader = new SheetReader(parts.fileName, sheetName, info);
  await parsePart(parts, part, reader);
  return reader.result();
}

class SheetReader {
  private readonly rows: CellValue[][] = [];
  private readonly merges: MergeArea[] = [];
  private inSheetData = false;
  private inRow = false;
  private rowIndex = -1;
  private col = -1;
  private cells = 0;
  private width = 0;
  // The cell being read.
  private inCell = false;
  private type = '';
  private style = 0;
  private hasValue = false;
  private value = '';
  private inline = '';
  private formula: string | null = null;
  private collect: 'v' | 't' | 'f' | null = null;
  private phonetic = 0;

  constructor(
    private readonly fileName: string,
    private readonly sheetName: string,
    private readonly info: PackageInfo,
  ) {}

  open(name: string, a: Record<string, string>): void {
    if (this.inCell) {
      if (name === 'v') {
        this.collect = 'v';
        this.hasValue = true;
      } else if (name === 'f') {
        this.collect = 'f';
        this.formula ??= '';
      } else if (name === 'rPh') this.phonetic++;
      else if (name === 't' && this.phonetic === 0) {
        this.collect = 't';
        this.hasValue = true;
      }
      return;
    }
    if (name === 'c' && this.inRow) this.openCell(a);
    else if (name === 'row' && this.inSheetData) this.openRow(a.r);
    else if (name === 'sheetData') this.inSheetData = true;
    else if (name === 'mergeCell' && a.ref !== undefined) this.addMerge(a.ref);
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === 'c') this.closeCell();
      else if (name === 'v' || name === 't' || name === 'f') this.collect = null;
      else if (name === 'rPh') this.phonetic--;
    } else if (name === 'row') this.inRow = false;
    else if (name === 'sheetData') this.inSheetData = false;
  }

  text(text: string): void {
    if (this.collect === 'v') this.value += text;
    else if (this.collect === 't') this.inline += text;
    else if (this.collect === 'f') this.formula += text;
  }

  result(): SheetData {
    const rows = this.rows;
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    this.checkMergedCells();
    const sheet: SheetData = { name: this.sheetName, rows };
    if (this.merges.length > 0) sheet.merges = this.merges;
    return sheet;
  }

  private openRow(r: string | undefined): void {
    const index = r === undefined ? this.rowIndex + 1 : Number(r) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= LIMITS.rows)
      throw this.damaged(`行号"${r}"无效`);
    this.rowIndex = index;
    // The row's array is made with its first value: Excel writes empty styled rows by the
    // thousand, and result() gives every row up to the last with a value its own [].
    this.inRow = true;
    this.col = -1;
  }

  private openCell(a: Record<string, string>): void {
    const ref = a.r;
    this.col = ref === undefined ? this.col + 1 : columnIndex(ref);
    if (this.col < 0 || this.col >= LIMITS.columns) throw this.damaged(`单元格地址"${ref}"无效`);
    this.inCell = true;
    this.type = a.t ?? 'n';
    this.style = a.s === undefined ? 0 : Number(a.s);
    this.hasValue = false;
    this.formula = null;
    this.value = '';
    this.inline = '';
    this.phonetic = 0;
  }

  private closeCell(): void {
    this.inCell = false;
    this.collect = null;
    const format = this.info.formats[this.style];
    // A formula saved without its result (openpyxl, scripts): the formula as the clerk sees it
    // in the formula bar, so the core names the cell instead of reading it as blank.
    const unsaved = this.formula !== null && this.value === '' && this.inline === '';
    if (!this.hasValue && !unsaved) return;
    const value = unsaved ? `=${this.formula || '…'}` : this.decode(format);
    if (value === null || value === undefined) return;
    // Only cells with a value count: a column filled down to row 1,048,576 is a million cells,
    // not a million times its column number. Gaps in a row stay holes (blank to the core).
    if (++this.cells > LIMITS.cellsPerSheet)
      throw tooBig(
        this.fileName,
        `的工作表"${this.sheetName}"超过 ${LIMITS.cellsPerSheet} 个单元格`,
      );
    // A row's first value far from column A sizes its array exactly (a stray cell in column H
    // of a million rows would otherwise cost V8's growth slack a million times).
    const row = (this.rows[this.rowIndex] ??=
      this.col > 0 ? new Array<CellValue>(this.col + 1) : []);
    row[this.col] = value;
    if (this.col + 1 > this.width) this.width = this.col + 1;
  }

  private decode(format: string | undefined): CellValue {
    const v = this.value;
    switch (this.type) {
      case 's': {
        const text = this.info.strings[Number(v)];
        if (text === undefined) throw this.damaged(`共享字符串编号"${v}"不存在`);
        return cellValue(text, format, this.info.date1904);
      }
      case 'inlineStr':
        return cellValue(unescapeOoxml(this.inline || v), format, this.info.date1904);
      case 'str':
        return cellValue(unescapeOoxml(v), format, this.info.date1904);
      case 'b':
        return v === '' ? null : v === '1' || v === 'true';
      case 'e':
        return v === '' ? null : v;
      case 'd':
        return this.isoDate(v, format);
      default: {
        const t = v.trim();
        if (t === '') return null;
        const n = Number(t);
        // A number no double holds (1e999) stays as its text: the core says what is wrong.
        return Number.isFinite(n) ? cellValue(n, format, this.info.date1904) : t;
      }
    }
  }

  /** t="d" (SheetJS, ISO 8601): the wall-clock date and time as written, as Excel reads it. */
  private isoDate(v: string, format: string | undefined): CellValue {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
        v.trim(),
      );
    if (!m) return v.trim() || null;
    const [mo, d] = [Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return v.trim();
    const time = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
    const serial =
      isoToExcelSerial(`${m[1]}-${m[2]}-${m[3]}`) + time - (this.info.date1904 ? 1462 : 0);
    return cellValue(serial, isDateFormat(format) ? format : 'yyyy-mm-dd', this.info.date1904);
  }

  private addMerge(ref: string): void {
    const area = parseRangeRef(ref);
    if (!area || area.bottom > LIMITS.rows || area.right > LIMITS.columns || area.top < 1)
      throw this.damaged(`合并区域"${ref}"无效`);
    if (this.merges.length >= LIMITS.mergesPerSheet)
      throw tooBig(
        this.fileName,
        `的工作表"${this.sheetName}"有超过 ${LIMITS.mergesPerSheet} 个合并区域`,
      );
    this.merges.push(area);
  }

  /** The core fills merged areas inside the used range only; that work is bounded here. */
  private checkMergedCells(): void {
    let covered = 0;
    for (const m of this.merges) {
      const rows = Math.max(0, Math.min(m.bottom, this.rows.length) - m.top + 1);
      const cols = Math.max(0, Math.min(m.right, this.width) - m.left + 1);
      covered += rows * cols;
      if (covered > LIMITS.mergedCellsPerSheet)
        throw tooBig(
          this.fileName,
          `的工作表"${this.sheetName}"的合并单元格覆盖超过 ${LIMITS.mergedCellsPerSheet} 个单元格`,
        );
    }
  }

  private damaged(what: string) {
    return damaged(this.fileName, `工作表"${this.sheetName}"中${what}`);
  }
}

/** 0-based column of an A1 reference ("AB12" → 27); -1 where it has no column letters. */
function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > LIMITS.columns) return -1;
  }
  return i === 0 ? -1 : col - 1;
}
