// What docs/server.md promises on stop, against a real `twelve serve` process: after a job has
// run (Chromium included), Ctrl+C (SIGINT) or SIGTERM leaves no file of any member in the temp
// folder; and a server killed outright (kill -9) has its folders removed by the next start.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { profileProcesses } from '../../reports/cards/browser-sweep.js';
import { waitForJob } from '../helpers/serve.js';
import { leftIn, startServeProcess, type ServeProcess } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/workbook.js';

const scenes: string[] = [];
const running: ServeProcess[] = [];
afterAll(() => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const dir of scenes) rmSync(dir, { recursive: true, force: true });
});

function scene(): string {
  const dir = tempDir('twelve-stop-');
  scenes.push(dir);
  return path.join(dir, 'tmp');
}

async function serve(tmp: string): Promise<ServeProcess> {
  const server = await startServeProcess([], { tmp });
  running.push(server);
  return server;
}

/** A notices job on the sample, to the end: Chromium has run and PDFs lie in the job folder. */
async function runJob(server: ServeProcess): Promise<void> {
  const form = new FormData();
  form.append('kind', 'notices');
  form.append('asOf', '2026-11-24');
  form.append('workbook', new Blob([readFileSync(SAMPLE_WORKBOOK)]), '示例台账.xlsx');
  const start = await server.request('POST', '/api/jobs', { form });
  expect(start.status).toBe(202);
  const job = await waitForJob(server, (start.json() as { id: string }).id);
  expect(job.state).toBe('done');
  expect(job.files.length).toBeGreaterThan(1);
}

/** Every file under the server's folders in `tmp` (uploads, PDFs). */
function memberFiles(tmp: string): string[] {
  return leftIn(tmp)
    .filter((n) => n.startsWith('twelve-jobs-'))
    .flatMap((n) =>
      readdirSync(path.join(tmp, n), { recursive: true, encoding: 'utf8' }).map((f) =>
        path.join(n, f),
      ),
    );
}

describe('stopping the server', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    it(`${signal} after a job leaves 0 files in the temp folder`, async () => {
      const tmp = scene();
      const server = await serve(tmp);
      await runJob(server);
      expect(memberFiles(tmp).some((f) => f.endsWith('.pdf'))).toBe(true);
      expect(memberFiles(tmp).some((f) => f.endsWith('.xlsx'))).toBe(true);
      const profiles = leftIn(tmp).filter((n) => n.startsWith('twelve-chromium-'));
      expect(profiles).toHaveLength(1);
      server.child.kill(signal);
      const ended = await server.exited;
      expect(ended).toEqual({ code: 0, signal: null });
      expect(server.stdout()).toContain('正在停止…');
      expect(leftIn(tmp)).toEqual([]);
      expect(profileProcesses(path.join(tmp, profiles[0]))).toEqual([]);
      expect(server.stderr()).toBe('');
    }, 180_000);

  it('after kill -9, the next start removes the dead server’s folders', async () => {
    const tmp = scene();
    const dead = await serve(tmp);
    await runJob(dead);
    const left = leftIn(tmp).filter((n) => n.startsWith('twelve-jobs-'));
    expect(left).toEqual([expect.stringMatching(new RegExp(`^twelve-jobs-${dead.pid}-`))]);
    expect(memberFiles(tmp).length).toBeGreaterThan(1);
    dead.child.kill('SIGKILL');
    await dead.exited;
    expect(existsSync(path.join(tmp, left[0]))).toBe(true);

    const next = await serve(tmp);
    try {
      expect(existsSync(path.join(tmp, left[0]))).toBe(false);
      // Only the new server's own (empty) folder; the dead one's browser profile is gone too.
      expect(leftIn(tmp)).toEqual([expect.stringMatching(new RegExp(`^twelve-jobs-${next.pid}-`))]);
      expect(memberFiles(tmp)).toEqual([]);
    } finally {
      next.child.kill('SIGTERM');
      await next.exited;
    }
    expect(leftIn(tmp)).toEqual([]);
  }, 180_000);
});
