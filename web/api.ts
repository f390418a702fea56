// The web page's own calls to `twelve serve`, beside the job API it shares with the pane
// (ui/report-api.ts): the unit's token, kept for this tab only; the one upload of the workbook;
// a job's file fetched with the token and saved under its own name.
import { reviveSheets } from '../core/sheets-json.js';
import type { JobFile, UploadedWorkbook } from '../ui/job-api.js';
import { ReportApiError } from '../ui/report-api.js';

const TOKEN_KEY = 'twelve-token';

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

function authorization(): Record<string, string> {
  const t = token();
  return t ? { authorization: `Bearer ${t}` } : {};
}

/**
 * Uploads the workbook once: the server reads it with the CLI's reader, keeps it for this
 * session's jobs and gives back its sheets (Date cells restored) for scoring here.
 */
export async function uploadWorkbook(file: File): Promise<UploadedWorkbook> {
  const data = await postFile('/api/workbooks', file);
  if (typeof data.workbook !== 'string')
    throw new ReportApiError('服务器的回答不完整：没有台账编号', 'refused');
  const uploaded = data as unknown as UploadedWorkbook;
  return { ...uploaded, sheets: reviveSheets(uploaded.sheets) };
}

/** A file in the form field workbook; the reply's JSON, or the server's Chinese error. */
async function postFile(url: string, file: File): Promise<Record<string, unknown>> {
  const form = new FormData();
  form.append('workbook', file, file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json', ...authorization() },
      cache: 'no-store',
    });
  } catch {
    throw new ReportApiError('无法连接服务器：它可能已停止运行，或网络中断', 'unreachable');
  }
  let data: Record<string, unknown> | null = null;
  try {
    data = (await response.json()) as Record<string, unknown>;
  } catch {
    data = null;
  }
  if (!response.ok || !data || !Array.isArray(data.sheets)) {
    const message = data?.error;
    throw new ReportApiError(
      typeof message === 'string' ? message : `服务器拒绝了请求（${response.status}）`,
      'refused',
      response.status,
    );
  }
  return data;
}

/** A job's file, fetched with the token and saved under its own name. */
export async function download(file: JobFile): Promise<void> {
  const response = await fetch(file.url, { headers: authorization() });
  if (!response.ok)
    throw new ReportApiError(
      `无法下载"${file.name}"（${response.status}），任务可能已过期`,
      'refused',
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
