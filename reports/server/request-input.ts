// What a request brings: the workbook (an uploaded .xlsx in the multipart field `workbook`, or
// the sheets as JSON, as the pane reads them) and the named fields beside it. Every mistake is
// a RequestError: a 4xx with one Chinese line.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { parseIsoArg, type SheetData } from '../../core/index.js';
import { fromJsonCell } from '../../core/sheets-json.js';
import { safePart } from '../cards/files.js';
import { readWorkbookBounded } from './bounded-read.js';
import { runToday } from '../today.js';

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export type Fields = Record<string, string | boolean>;

export interface RequestInput {
  sheets: readonly SheetData[];
  fields: Fields;
  /** Where an upload was saved. */
  file?: string;
}

/** Reads an uploaded workbook and the fields beside it, saved in `dir` first (a job's folder). */
export async function readInput(request: FastifyRequest, dir: string): Promise<RequestInput> {
  if (!request.isMultipart())
    throw new RequestError(400, '上传台账请用 multipart/form-data，文件放在字段 workbook 中');
  return readMultipart(request, dir);
}

/** What Fastify's own JSON parser would say; said for every JSON body, wherever parsed. */
export const BAD_JSON = '请求体不是有效的 JSON';
export const EMPTY_JSON = '请求体是空的：应是 JSON 对象';

/** A parsed JSON body: `{"sheets": […], field: …}`. */
export function jsonInput(body: unknown): RequestInput {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new RequestError(
      400,
      '请求应是 JSON 对象 {"sheets": […]}，或上传台账文件（multipart 字段 workbook）',
    );
  const { sheets, ...rest } = body as Record<string, unknown>;
  return { sheets: checkSheets(sheets), fields: readFields(rest) };
}

/** A job's JSON body: a kept upload's id ({"workbook": id, …}) or the sheets themselves. */
export type JobBody = RequestInput | { workbook: string; fields: Fields };

export function jobBody(body: unknown): JobBody {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('workbook' in body))
    return jsonInput(body);
  const { workbook, sheets, ...rest } = body as Record<string, unknown>;
  if (sheets !== undefined)
    throw new RequestError(
      400,
      '请求字段 workbook 与 sheets 只能用一个：台账已上传时不再发送工作表',
    );
  if (typeof workbook !== 'string' || !/^[0-9a-f-]{36}$/.test(workbook))
    throw new RequestError(400, '请求字段 workbook 应是上传台账时返回的编号');
  return { workbook, fields: readFields(rest) };
}

/** A JSON body's fields beside the workbook: text or true/false, nothing else. */
export function readFields(rest: Record<string, unknown>): Fields {
  // No prototype: a field named "__proto__" is then named as unknown, as any other.
  const fields: Fields = Object.create(null) as Fields;
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string' || typeof value === 'boolean') fields[key] = value;
    else if (value !== null && value !== undefined)
      throw new RequestError(400, `请求字段 ${key} 应是文字或 true/false`);
  }
  return fields;
}

async function readMultipart(request: FastifyRequest, dir: string): Promise<RequestInput> {
  const fields: Fields = {};
  let file: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'workbook' || file !== null) {
        part.file.resume();
        throw new RequestError(400, `上传的文件应放在字段 workbook 中，且只传一个台账文件`);
      }
      const given = path.win32.basename(part.filename || 'workbook.xlsx');
      if (!/\.xlsx$/i.test(given)) {
        part.file.resume();
        throw new RequestError(
          400,
          `上传的"${part.filename}"不是 .xlsx 文件：请在 Excel 或 WPS 中另存为"Excel 工作簿 (*.xlsx)"`,
        );
      }
      // The clerk's own name, made safe: messages about the file then name it as they know it.
      file = path.join(dir, `${safePart(given.slice(0, -5), 80)}.xlsx`);
      await pipeline(part.file, createWriteStream(file));
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (file === null)
    throw new RequestError(400, '没有收到台账文件：请在字段 workbook 中上传 .xlsx 文件');
  return { sheets: await readWorkbookBounded(file), fields, file };
}

/**
 * One uploaded file of the given kinds (multipart field `file`) saved in `dir` under the
 * clerk's own name made safe, and the fields beside it: an upward report for the seal panel.
 */
export async function saveUpload(
  request: FastifyRequest,
  dir: string,
  extensions: readonly string[],
  kinds: string,
): Promise<{ file: string; fields: Fields }> {
  if (!request.isMultipart())
    throw new RequestError(400, `请用 multipart/form-data 上传${kinds}，文件放在字段 file 中`);
  const fields: Fields = {};
  let file: string | null = null;
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const given = path.win32.basename(part.filename || '');
    const ext = path.extname(given).toLowerCase();
    if (part.fieldname !== 'file' || file !== null || !extensions.includes(ext)) {
      part.file.resume();
      throw new RequestError(
        400,
        part.fieldname !== 'file' || file !== null
          ? `上传的文件应放在字段 file 中，且只传一个${kinds}`
          : `上传的"${given}"不是${kinds}`,
      );
    }
    file = path.join(dir, `${safePart(given.slice(0, -ext.length), 80)}${ext}`);
    await pipeline(part.file, createWriteStream(file));
  }
  if (file === null) throw new RequestError(400, `没有收到文件：请在字段 file 中上传${kinds}`);
  return { file, fields };
}

/** The sheets as JSON: [{ name, rows: [[…]] }], cells text, numbers, true/false or null. */
function checkSheets(value: unknown): SheetData[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new RequestError(400, '请求字段 sheets 应是工作表列表 [{"name": …, "rows": [[…]]}]');
  return value.map((sheet, i) => {
    const where = `sheets[${i}]`;
    if (!sheet || typeof sheet !== 'object')
      throw new RequestError(400, `请求字段 ${where} 应是 {"name": …, "rows": [[…]]}`);
    const { name, rows, origin, merges } = sheet as Record<string, unknown>;
    if (typeof name !== 'string' || name === '')
      throw new RequestError(400, `请求字段 ${where}.name 应是工作表名称`);
    if (!Array.isArray(rows))
      throw new RequestError(400, `请求字段 ${where}.rows（工作表"${name}"）应是二维数组`);
    rows.forEach((row, r) => {
      if (!Array.isArray(row))
        throw new RequestError(400, `请求字段 ${where}.rows[${r}]（工作表"${name}"）应是数组`);
      row.forEach((cell, c) => {
        row[c] = fromJsonCell(cell);
        if (cell !== null && !['string', 'number', 'boolean'].includes(typeof cell))
          throw new RequestError(
            400,
            `请求字段 ${where}.rows[${r}][${c}]（工作表"${name}"）应是文字、数字、true/false 或 null`,
          );
      });
    });
    const data: SheetData = { name, rows: rows as SheetData['rows'] };
    if (origin !== undefined) data.origin = checkOrigin(origin, where);
    if (merges !== undefined) data.merges = checkMerges(merges, where);
    return data;
  });
}

function checkOrigin(value: unknown, where: string): SheetData['origin'] {
  const o = value as { row?: unknown; col?: unknown } | null;
  if (!o || !isPositive(o.row) || !isPositive(o.col))
    throw new RequestError(400, `请求字段 ${where}.origin 应是 {"row": 正整数, "col": 正整数}`);
  return { row: o.row as number, col: o.col as number };
}

function checkMerges(value: unknown, where: string): SheetData['merges'] {
  const ok =
    Array.isArray(value) &&
    value.every(
      (m) =>
        m &&
        typeof m === 'object' &&
        ['top', 'left', 'bottom', 'right'].every((k) => isPositive((m as never)[k])),
    );
  if (!ok)
    throw new RequestError(400, `请求字段 ${where}.merges 应是 [{"top","left","bottom","right"}]`);
  return value as SheetData['merges'];
}

function isPositive(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

/** Fields a kind takes; anything else is named, not ignored. */
export function checkFields(fields: Fields, allowed: string[], what: string): void {
  for (const key of Object.keys(fields))
    if (!allowed.includes(key))
      throw new RequestError(
        400,
        `${what}不认识请求字段"${key}"；可用的字段：${allowed.join('、') || '无'}`,
      );
}

/** The asOf field: an ISO date, default today. */
export function dateField(value: string | undefined): string {
  if (value === undefined) return runToday();
  const iso = parseIsoArg(value);
  if (!iso) throw new RequestError(400, `请求字段 asOf 的日期"${value}"无效，应如 2026-11-25`);
  return iso;
}

/** A text field, or undefined; true/false is not text. */
export function text(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new RequestError(400, `请求字段 ${key} 应是文字`);
  return value;
}

/** A yes/no field: JSON true/false, or "true"/"false" in a form. */
export function flag(fields: Fields, key: string): boolean {
  const value = fields[key];
  if (value === undefined || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true' || value === 'on' || value === '1') return true;
  throw new RequestError(400, `请求字段 ${key} 应是 true 或 false，收到"${String(value)}"`);
}
