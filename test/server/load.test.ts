// Load and faults on the real server and browser: 16 clients at once each get their correct
// cards; a browser killed mid-job fails that job in Chinese and the next one succeeds; a full
// queue answers 429; a job past its deadline fails; and no Chromium outlives the server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCards, parseWorkbook, score } from '../../core/index.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { readWorkbook } from '../../reports/read-workbook.js';
import { pdfPages, squash } from '../helpers/pdf-text.js';
import {
  alive,
  manyCardSheets,
  processTree,
  startTestServer,
  waitForJob,
  type TestServer,
} from '../helpers/serve.js';

const AS_OF = '2026-11-24';
const SINCE = '2026-10-01';

function sampleForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('workbook', new Blob([readFileSync(SAMPLE_WORKBOOK)]), '示例台账.xlsx');
  return form;
}

/** Every process of the server's browser seen while it ran: none may be left afterwards. */
async function watchBrowser(server: TestServer, seen: Set<number>): Promise<void> {
  for (const pid of await server.browser.pids()) for (const p of processTree(pid)) seen.add(p);
}

describe('16 clients at once', () => {
  let server: TestServer;
  const seen = new Set<number>();
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('each gets its own correct merged notice PDF', async () => {
    const parsed = parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
    const cards = noticeCards(score(parsed, AS_OF), { since: SINCE, until: AS_OF });
    const watcher = setInterval(() => void watchBrowser(server, seen), 200);
    try {
      const jobs = await Promise.all(
        Array.from({ length: 16 }, async () => {
          const start = await server.request('POST', '/api/jobs', {
            form: sampleForm({ kind: 'notices', asOf: AS_OF, since: SINCE }),
          });
          expect(start.status).toBe(202);
          const id = (start.json() as { id: string }).id;
          const job = await waitForJob(server, id, {}, 300_000);
          const merged = await server.request('GET', job.files[0].url);
          return { id, job, pages: await pdfPages(merged.body) };
        }),
      );
      expect(new Set(jobs.map((j) => j.id)).size).toBe(16);
      for (const { job, pages } of jobs) {
        expect(job.state).toBe('done');
        expect(job.files).toHaveLength(cards.length + 1);
        expect(pages).toHaveLength(cards.length);
        pages.forEach((page, i) => expect(squash(page)).toContain(cards[i].memberName));
      }
      // One browser for all of them.
      expect(server.browser.launches).toBe(1);
    } finally {
      clearInterval(watcher);
    }
    await watchBrowser(server, seen);
    expect(seen.size).toBeGreaterThan(1);
    await server.close();
    expect([...seen].filter(alive)).toEqual([]);
  }, 400_000);
});

describe('faults', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ concurrency: 1, maxQueued: 1, deadlineMs: 300_000 });
  });
  afterAll(async () => {
    await server?.close();
  });

  const bigJob = () =>
    server.request('POST', '/api/jobs', {
      json: { kind: 'notices', asOf: AS_OF, sheets: manyCardSheets(1500) },
    });
  const smallJob = () =>
    server.request('POST', '/api/jobs', {
      form: sampleForm({ kind: 'ranking', month: '2026-11' }),
    });
  const idOf = (reply: { json: () => Record<string, unknown> }) => reply.json().id as string;

  it('a browser killed mid-job fails that job in Chinese; the next job succeeds', async () => {
    const id = idOf(await bigJob());
    // Wait until the job has its page on the browser, then kill the browser outright.
    let pids: number[] = [];
    for (let i = 0; i < 600 && pids.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const job = (await server.request('GET', `/api/jobs/${id}`)).json();
      if (job.state === 'running') pids = await server.browser.pids();
    }
    expect(pids).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    process.kill(pids[0], 'SIGKILL');
    const failed = await waitForJob(server, id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/浏览器意外退出/);
    expect(failed.files).toEqual([]);
    expect(server.logged).toEqual([]);

    const next = await waitForJob(server, idOf(await smallJob()));
    expect(next.state).toBe('done');
    expect(server.browser.launches).toBe(2);
  }, 120_000);

  it('answers 429 in Chinese when the queue is full', async () => {
    const running = idOf(await bigJob());
    const queued = await smallJob();
    expect(queued.status).toBe(202);
    const refused = await smallJob();
    expect(refused.status).toBe(429);
    expect(refused.json().error).toMatch(/服务器正忙/);
    const big = await waitForJob(server, running, {}, 300_000);
    expect(big.error).toBeUndefined();
    expect(big.state).toBe('done');
    expect((await waitForJob(server, idOf(queued))).state).toBe('done');
  }, 400_000);
});

describe('deadline', () => {
  it('fails a job past its deadline in Chinese, takes its page back, and runs the next', async () => {
    // Long enough for the small job after it, on a machine shared with other work.
    const server = await startTestServer({ concurrency: 1, deadlineMs: 5000 });
    try {
      const late = await server.request('POST', '/api/jobs', {
        json: { kind: 'notices', asOf: AS_OF, sheets: manyCardSheets(4000) },
      });
      const job = await waitForJob(server, late.json().id as string);
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/超过 5 秒未完成/);
      const next = await server.request('POST', '/api/jobs', {
        form: sampleForm({ kind: 'ranking', month: '2026-11' }),
      });
      const after = await waitForJob(server, next.json().id as string);
      expect(after.error).toBeUndefined();
      expect(after.state).toBe('done');
    } finally {
      await server.close();
    }
  }, 120_000);
});
