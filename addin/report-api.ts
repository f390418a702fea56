// The pane's client of `twelve serve` (docs/server.md): what the server can do for this caller
// (GET /api/capabilities), start a job on
// the sheets the pane read for scoring, ask how a job is going. Every failure becomes a
// ReportApiError with a Chinese message the pane shows as it is.
import type { CellValue, IsoDate, SheetData } from '../core/index.js';
import { defaultTransport, NetworkError, type HttpMethod, type Transport } from './http.js';

export type JobKind = 'notices' | 'ranking' | 'quarterly' | 'mail';

export type JobOptions =
  | { kind: 'notices'; since: IsoDate; until: IsoDate }
  | { kind: 'ranking'; month: string }
  | { kind: 'quarterly'; quarter: string }
  | { kind: 'mail'; quarter: string; send: boolean };

export interface JobFile {
  name: string;
  /** Absolute, resolved against the server's origin. */
  url: string;
  bytes: number;
}

export interface JobStatus {
  state: 'queued' | 'running' | 'done' | 'failed';
  /** 0…1 where the server knows it, else null. */
  progress: number | null;
  files: JobFile[];
  error: string | null;
  /** What the server says it did beyond the files, e.g. to whom it sent the mail. */
  message: string | null;
  /** Where the server keeps the job's files, and until when. */
  folder: string | null;
  expiresAt: string | null;
}

export interface Capabilities {
  /** The server has SMTP settings for this unit: 报上级 can send, not only write the .eml. */
  canSend: boolean;
  /** The upward address the server will send to, where it says. */
  upwardTo: string | null;
  /** Where job files are kept and for how long. */
  jobsFolder: string | null;
  ttlMinutes: number | null;
}

export type ApiFailure =
  /** No API at this origin (an answer that is not the server's JSON): not served by twelve serve. */
  | 'absent'
  /** No answer at all: the server stopped or the network is down. */
  | 'unreachable'
  /** The server answered with an error of its own (4xx/5xx with { error }). */
  | 'refused';

export class ReportApiError extends Error {
  constructor(
    message: string,
    readonly failure: ApiFailure,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ReportApiError';
  }
}

export interface ReportApi {
  capabilities(): Promise<Capabilities>;
  startJob(sheets: readonly SheetData[], asOf: IsoDate, options: JobOptions): Promise<string>;
  job(id: string): Promise<JobStatus>;
}

/**
 * The client for the server at `base` (the pane's own origin, as `twelve serve` serves it).
 * `token`: the unit's token where the server asks for one (a server not on loopback).
 */
export function reportApi(
  base: string,
  transport: Transport = defaultTransport(),
  token: () => string | null = () => null,
): ReportApi {
  const root = base.replace(/\/+$/, '');
  const call = (method: HttpMethod, path: string, body?: unknown) =>
    request(transport, method, root + path, body, token());
  return {
    async capabilities() {
      const json = await call('GET', '/api/capabilities');
      const mail = (json.mail ?? {}) as Record<string, unknown>;
      const files = (json.files ?? {}) as Record<string, unknown>;
      const to = Array.isArray(mail.to) ? mail.to.join('、') : mail.to;
      return {
        canSend: mail.send === true,
        upwardTo: typeof to === 'string' && to ? to : null,
        jobsFolder: typeof files.folder === 'string' ? files.folder : null,
        ttlMinutes: typeof files.ttlMinutes === 'number' ? files.ttlMinutes : null,
      };
    },
    async startJob(sheets, asOf, options) {
      // The pane's as-of date: notices count up to it, the ranking marks talks recorded by it.
      const body = { sheets: jobSheets(sheets), asOf };
      const json = await call('POST', '/api/jobs', { ...body, ...options });
      if (typeof json.id !== 'string')
        throw new ReportApiError('报表服务没有返回任务编号，请重试', 'refused');
      return json.id;
    },
    async job(id) {
      const json = await call('GET', `/api/jobs/${encodeURIComponent(id)}`);
      return jobStatus(json, root);
    },
  };
}

/**
 * The sheets as the server reads them (core/sheets-json.ts): a Date cell as JSON writes it,
 * 2026-03-05T00:00:00.000Z, which the server reads back as that Date, so a job scores exactly
 * the cells the pane scored; empty cells as null.
 */
export function jobSheets(sheets: readonly SheetData[]): SheetData[] {
  return sheets.map((sheet) => {
    const out: SheetData = { name: sheet.name, rows: sheet.rows.map(jsonRow) };
    if (sheet.origin) out.origin = sheet.origin;
    if (sheet.merges && sheet.merges.length) out.merges = sheet.merges;
    return out;
  });
}

function jsonRow(row: CellValue[]): CellValue[] {
  const out: CellValue[] = new Array(row.length);
  for (let i = 0; i < row.length; i++) out[i] = row[i] === undefined ? null : row[i];
  return out;
}

function jobStatus(json: Record<string, unknown>, root: string): JobStatus {
  const state = json.state;
  if (state !== 'queued' && state !== 'running' && state !== 'done' && state !== 'failed')
    throw new ReportApiError('报表服务返回的任务状态无法识别，请重试', 'refused');
  const files = Array.isArray(json.files) ? (json.files as Record<string, unknown>[]) : [];
  return {
    state,
    progress: progressOf(json.progress),
    files: files
      .filter((f) => typeof f.name === 'string' && typeof f.url === 'string')
      .map((f) => ({
        name: f.name as string,
        url: absolute(f.url as string, root),
        bytes: typeof f.bytes === 'number' ? f.bytes : 0,
      })),
    error: typeof json.error === 'string' ? json.error : null,
    message: typeof json.message === 'string' ? json.message : null,
    folder: typeof json.folder === 'string' ? json.folder : null,
    expiresAt: typeof json.expiresAt === 'string' ? json.expiresAt : null,
  };
}

/** A fraction, a percentage, or { done, total }: whichever the server sends, as 0…1. */
function progressOf(value: unknown): number | null {
  if (typeof value === 'number' && isFinite(value))
    return Math.max(0, Math.min(1, value > 1 ? value / 100 : value));
  const p = value as { done?: unknown; total?: unknown } | null;
  if (p && typeof p.done === 'number' && typeof p.total === 'number' && p.total > 0)
    return Math.max(0, Math.min(1, p.done / p.total));
  return null;
}

/** A file's url as the server gives it (/api/jobs/…/files/…) made absolute for a browser. */
function absolute(url: string, root: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  const origin = /^https?:\/\/[^/]+/i.exec(root);
  return url.charAt(0) === '/' && origin ? origin[0] + url : `${root}/${url}`;
}

async function request(
  transport: Transport,
  method: HttpMethod,
  url: string,
  body: unknown,
  token: string | null,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await transport(
      method,
      url,
      body === undefined ? null : JSON.stringify(body),
      headers,
    );
  } catch (error) {
    if (error instanceof NetworkError)
      throw new ReportApiError('无法连接报表服务（twelve serve），它可能已停止运行', 'unreachable');
    throw error;
  }
  let json: Record<string, unknown> | null = null;
  if (/json/i.test(response.contentType)) {
    try {
      const parsed: unknown = JSON.parse(response.body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        json = parsed as Record<string, unknown>;
    } catch {
      json = null;
    }
  }
  if (!json) throw new ReportApiError('这里没有报表服务', 'absent', response.status);
  if (response.status >= 400) {
    // twelve serve's own errors are Chinese; a bare HTTP reason (a server shutting down) is not.
    const said = typeof json.error === 'string' && /[\u4e00-\u9fff]/.test(json.error);
    throw new ReportApiError(
      said
        ? (json.error as string)
        : response.status >= 500
          ? `报表服务暂时无法处理请求（HTTP ${response.status}），请稍后再试`
          : `报表服务拒绝了请求（HTTP ${response.status}）`,
      'refused',
      response.status,
    );
  }
  return json;
}
