// The client of `twelve serve`'s job API (docs/server.md) for the pane and the web page: what
// the server can do for this caller, start a job, ask how a job is going. Requests and replies
// are ui/job-api.ts's types, checked as they arrive. Every failure becomes a ReportApiError
// with a Chinese message shown as it is. fetch or XMLHttpRequest (ui/http.ts): the pane runs in
// IE11 too.
import type { CellValue, SheetData } from '../core/index.js';
import { defaultTransport, NetworkError, type HttpMethod, type Transport } from './http.js';
import type { Capabilities, JobKind, JobRequest, JobStatus, SealReportsReply } from './job-api.js';

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
  startJob(request: JobRequest): Promise<string>;
  job(id: string): Promise<JobStatus>;
  /** An upward report (.eml or .xlsx) as `twelve verify --against` reads it, for the seal panel. */
  sealReports(file: Blob & { name: string }, unit: string): Promise<SealReportsReply>;
}

/**
 * The client for the server at `base` (the page's own origin, as `twelve serve` serves it).
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
      return capabilitiesOf(await call('GET', '/api/capabilities'));
    },
    async startJob(job) {
      const body = 'sheets' in job ? { ...job, sheets: jobSheets(job.sheets) } : job;
      const json = await call('POST', '/api/jobs', body);
      if (typeof json.id !== 'string')
        throw new ReportApiError('报表服务没有返回任务编号，请重试', 'refused');
      return json.id;
    },
    async job(id) {
      const json = await call('GET', `/api/jobs/${encodeURIComponent(id)}`);
      return jobStatus(json, root);
    },
    async sealReports(file, unit) {
      const form = new FormData();
      // FormData's own append (IE10 and later), not the DOM's ParentNode.append the rule is for.
      // eslint-disable-next-line no-restricted-properties
      form.append('unit', unit);
      // eslint-disable-next-line no-restricted-properties
      form.append('file', file);
      const json = await call('POST', '/api/seal-reports', form);
      if (!Array.isArray(json.reports) || !Array.isArray(json.skipped))
        throw new ReportApiError('报表服务的回答不完整：没有读出的报送', 'refused');
      return json as unknown as SealReportsReply;
    },
  };
}

function capabilitiesOf(json: Record<string, unknown>): Capabilities {
  const mail = (json.mail ?? {}) as Record<string, unknown>;
  const files = (json.files ?? {}) as Record<string, unknown>;
  return {
    unit: typeof json.unit === 'string' ? json.unit : null,
    loginRequired: json.loginRequired === true,
    kinds: Array.isArray(json.kinds) ? (json.kinds as JobKind[]) : [],
    bodyLimit: typeof json.bodyLimit === 'number' ? json.bodyLimit : 0,
    jsonLimit: typeof json.jsonLimit === 'number' ? json.jsonLimit : 0,
    mail: {
      send: mail.send === true,
      to: typeof mail.to === 'string' && mail.to ? mail.to : null,
    },
    files: { ttlMinutes: typeof files.ttlMinutes === 'number' ? files.ttlMinutes : 0 },
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
  const status: JobStatus = {
    state,
    progress:
      typeof json.progress === 'number' && isFinite(json.progress)
        ? Math.max(0, Math.min(1, json.progress))
        : 0,
    files: files
      .filter((f) => typeof f.name === 'string' && typeof f.url === 'string')
      .map((f) => ({
        name: f.name as string,
        url: absolute(f.url as string, root),
        bytes: typeof f.bytes === 'number' ? f.bytes : 0,
      })),
  };
  if (typeof json.error === 'string') status.error = json.error;
  if (typeof json.message === 'string') status.message = json.message;
  if (typeof json.expiresAt === 'string') status.expiresAt = json.expiresAt;
  return status;
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
  // FormData sets its own multipart type, with the boundary.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await transport(
      method,
      url,
      body === undefined ? null : form ? (body as FormData) : JSON.stringify(body),
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
