// The web page's client of `twelve serve`: the same API as the pane and scripts (docs/server.md),
// with the unit's token, where the server asks for one, kept for this tab only.
import type { SheetData } from '../core/index.js';
import { reviveSheets } from '../core/sheets-json.js';

const TOKEN_KEY = 'twelve-token';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Capabilities {
  unit: string | null;
  loginRequired: boolean;
  mail: { send: boolean; to: string | null };
  files: { ttlMinutes: number };
}

export interface JobFile {
  name: string;
  url: string;
  bytes: number;
}

export interface JobStatus {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  files: JobFile[];
  error?: string;
  message?: string;
}

export function token(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(value: string | null): void {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

async function call(method: string, url: string, body?: BodyInit, json = false): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  if (json) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, { method, body, headers, cache: 'no-store' });
  } catch {
    throw new ApiError('无法连接服务器：它可能已停止运行，或网络中断', 0);
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = (data as { error?: unknown } | null)?.error;
    throw new ApiError(
      typeof message === 'string' ? message : `服务器拒绝了请求（${response.status}）`,
      response.status,
    );
  }
  return data;
}

export const capabilities = () => call('GET', '/api/capabilities') as Promise<Capabilities>;

/** The workbook as the server reads it (the CLI's reader), Date cells restored. */
export async function readSheets(file: File): Promise<SheetData[]> {
  const form = new FormData();
  form.append('workbook', file, file.name);
  const data = (await call('POST', '/api/sheets', form)) as { sheets: SheetData[] };
  return reviveSheets(data.sheets);
}

/** An upward report's sheets (the seal panel checks them); any .xlsx, not only a ledger. */
export async function readReportSheets(file: File): Promise<SheetData[]> {
  const form = new FormData();
  form.append('workbook', file, file.name);
  const data = (await call('POST', '/api/report-sheets', form)) as { sheets: SheetData[] };
  return reviveSheets(data.sheets);
}

export async function startJob(body: Record<string, unknown>): Promise<string> {
  const data = (await call('POST', '/api/jobs', JSON.stringify(body), true)) as { id: string };
  return data.id;
}

export const job = (id: string) =>
  call('GET', `/api/jobs/${encodeURIComponent(id)}`) as Promise<JobStatus>;

/** A job's file, fetched with the token and saved under its own name. */
export async function download(file: JobFile): Promise<void> {
  const headers: Record<string, string> = {};
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  const response = await fetch(file.url, { headers });
  if (!response.ok)
    throw new ApiError(
      `无法下载"${file.name}"（${response.status}），任务可能已过期`,
      response.status,
    );
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
