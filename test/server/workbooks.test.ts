// The workbook the web page uploads once: kept by the server under an id its jobs name, read
// with the CLI's reader, refused in Chinese when the id is unknown or mixed with sheets, and
// gone from disk when the server stops.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../../core/index.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import type { UploadedWorkbook } from '../../ui/job-api.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import { startTestServer, waitForJob, type TestServer } from '../helpers/serve.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function sampleForm(): FormData {
  const form = new FormData();
  form.append('workbook', new Blob([readFileSync(SAMPLE_WORKBOOK)]), '示例台账.xlsx');
  return form;
}

describe('POST /api/workbooks', () => {
  it('keeps the upload for jobs that name it, and gives back the sheets as read', async () => {
    const reply = await server.request('POST', '/api/workbooks', { form: sampleForm() });
    expect(reply.status).toBe(200);
    const kept = reply.json() as unknown as UploadedWorkbook;
    expect(kept.workbook).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(kept.expiresAt)).toBeGreaterThan(Date.now());
    const sheets = await readWorkbook(SAMPLE_WORKBOOK);
    expect(kept.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    // Kept in the jobs' folder, which the server removes when it stops.
    const folder = path.join(server.queue.folder, 'workbooks', kept.workbook);
    expect(readdirSync(folder)).toEqual(['示例台账.xlsx']);

    const start = await server.request('POST', '/api/jobs', {
      json: { kind: 'ranking', month: '2026-10', asOf: '2026-11-24', workbook: kept.workbook },
    });
    expect(start.status).toBe(202);
    const job = await waitForJob(server, (start.json() as { id: string }).id);
    expect(job.state).toBe('done');
    const text = (await pdfPages((await server.request('GET', job.files[0].url)).body)).join('');
    expect(text).toContain(squash('2026年10月'));
    expect(text).toContain(squash(scoreWorkbook(sheets, '2026-10-25').members[0].member.name));
  }, 120_000);

  it('says in Chinese when the id is unknown, malformed, or sent with sheets', async () => {
    const unknown = await server.request('POST', '/api/jobs', {
      json: { kind: 'ranking', month: '2026-10', workbook: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toContain('请重新选择台账文件');
    const malformed = await server.request('POST', '/api/jobs', {
      json: { kind: 'ranking', month: '2026-10', workbook: '../../etc/passwd' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json().error).toContain('请求字段 workbook');
    const both = await server.request('POST', '/api/jobs', {
      json: { kind: 'ranking', month: '2026-10', workbook: 'x', sheets: [] },
    });
    expect(both.status).toBe(400);
    expect(both.json().error).toContain('只能用一个');
    const json = await server.request('POST', '/api/workbooks', { json: { sheets: [] } });
    expect(json.status).toBe(400);
    expect(json.json().error).toContain('multipart/form-data');
  });

  it('removes the kept workbooks when the server stops', async () => {
    const own = await startTestServer();
    const reply = await own.request('POST', '/api/workbooks', { form: sampleForm() });
    const folder = path.join(own.queue.folder, 'workbooks');
    expect(readdirSync(folder)).toHaveLength(1);
    expect(reply.status).toBe(200);
    await own.close();
    expect(existsSync(folder)).toBe(false);
  });
});
