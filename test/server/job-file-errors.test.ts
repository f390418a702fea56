// A job that cannot write its files on the server (the outbox's folder is a file here) fails
// with one clear Chinese line naming the problem, not "服务器内部错误", and logs no stack.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { startTestServer, waitForJob, type TestServer } from '../helpers/serve.js';

let server: TestServer;
beforeAll(async () => {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'twelve-serve-state-'));
  // Where the mail job keeps its outbox there is a file: no folder can be made there.
  writeFileSync(path.join(stateDir, 'outbox'), 'not a folder');
  server = await startTestServer({ stateDir });
});
afterAll(async () => {
  await server?.close();
});

describe('a server job that cannot write', () => {
  it('fails with a Chinese line about the server’s folder, not an internal error', async () => {
    const form = new FormData();
    form.append('kind', 'mail');
    form.append('quarter', '2026Q3');
    form.append('workbook', new Blob([readFileSync(SAMPLE_WORKBOOK)]), '示例台账.xlsx');
    const start = await server.request('POST', '/api/jobs', { form });
    expect(start.status).toBe(202);
    const job = (await waitForJob(server, (start.json() as { id: string }).id)) as unknown as {
      state: string;
      error?: string;
    };
    expect(job.state).toBe('failed');
    expect(job.error).not.toContain('内部错误');
    expect(job.error).toMatch(/服务器/);
    expect(job.error).toMatch(/文件夹|路径/);
    // Node's own words (ENOTDIR: not a directory, open …) never reach the page.
    expect(job.error).not.toMatch(/ENOTDIR|not a directory|open '/);
    expect(job.error).toContain('请联系管理员');
    expect(server.logged.join('\n')).not.toMatch(/\n\s+at /);
  }, 120_000);
});
