// `npm run bench serve`: from request to the merged notice PDF through `twelve serve`, beside
// the CLI doing the same in the same run (goal: within 1.2× the CLI), for the sample and for
// 1,000 cards; then jobs/s with 8 clients at once, and peak memory.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../reports/cli.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { startServer, type RunningServer } from '../reports/server/start.js';
import { writeBenchWorkbook } from './cards.bench.js';

// The year's end: every card of the 1,000-row ledger is counted.
const AS_OF = '2026-12-31';
const CLIENTS = 8;
const JOBS = 24;

export default async function bench(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'twelve-bench-serve-'));
  const memory = new TreeMemory();
  const big = await writeBenchWorkbook(path.join(work, 'bench.xlsx'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    http: true,
    token: null,
    units: null,
    ttlMs: 60_000,
    bodyLimit: 50 * 1024 * 1024,
    deadlineMs: 600_000,
    maxQueued: 100,
    stateDir: path.join(work, 'state'),
  });
  try {
    // The server's browser starts with its first job, once; the CLI starts one every run.
    const cold = await viaServer(server, SAMPLE_WORKBOOK);
    console.log(`server: first job (browser start included) ${ms(cold.ms)}`);
    for (const [label, file] of [
      ['sample', SAMPLE_WORKBOOK],
      ['1,000 cards', big],
    ] as const) {
      const cli = await viaCli(file, path.join(work, 'cli'));
      const served = await viaServer(server, file);
      console.log(
        `${label.padEnd(11)}: CLI ${ms(cli)} (browser start included), server ${ms(served.ms)} ` +
          `request to merged PDF (${served.cards} cards, ${kb(served.bytes)}); ` +
          `server/CLI ${(served.ms / cli).toFixed(2)}× (goal ≤ 1.2×)`,
      );
    }
    memory.reset();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < JOBS) {
          next++;
          await viaServer(server, SAMPLE_WORKBOOK);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${CLIENTS} clients, ${JOBS} notices jobs on the sample: ${(JOBS / seconds).toFixed(2)} jobs/s ` +
        `(${availableParallelism()} renders at once), peak memory ${mb(memory.peak())} (server and browser)`,
    );
  } finally {
    memory.stop();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function viaCli(file: string, out: string): Promise<number> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const start = performance.now();
  const code = await main(['notices', file, '--as-of', AS_OF, '--out', out], sink, sink);
  if (code > 1) throw new Error(`twelve notices exited ${code}`);
  return performance.now() - start;
}

/** One client: upload, poll, download the merged PDF. */
async function viaServer(
  server: RunningServer,
  file: string,
): Promise<{ ms: number; cards: number; bytes: number }> {
  const start = performance.now();
  const form = new FormData();
  form.append('kind', 'notices');
  form.append('asOf', AS_OF);
  form.append('workbook', new Blob([readFileSync(file)]), path.basename(file));
  const posted = await fetch(`${server.url}/api/jobs`, { method: 'POST', body: form });
  const { id } = (await posted.json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as {
      state: string;
      files: { url: string }[];
      error?: string;
    };
    if (job.state === 'failed') throw new Error(job.error);
    if (job.state === 'done') {
      const pdf = await (await fetch(server.url + job.files[0].url)).arrayBuffer();
      return { ms: performance.now() - start, cards: job.files.length - 1, bytes: pdf.byteLength };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Peak PSS of this process and all below it (the browser), every 50 ms (Linux /proc). */
class TreeMemory {
  private max = 0;
  private timer = setInterval(() => this.sample(), 50);
  constructor() {
    this.timer.unref();
  }
  private sample() {
    if (process.platform !== 'linux') {
      this.max = Math.max(this.max, process.memoryUsage().rss);
      return;
    }
    let sum = 0;
    const pending = [process.pid];
    while (pending.length) {
      const pid = pending.pop()!;
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        sum += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      } catch {
        // the process ended between two reads
      }
    }
    this.max = Math.max(this.max, sum);
  }
  reset() {
    this.max = 0;
  }
  peak() {
    this.sample();
    return this.max;
  }
  stop() {
    clearInterval(this.timer);
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
