// No one request takes the server down for every unit (issue 20, items 6 and 10), against a
// real `twelve serve` process: a workbook whose reading needs more memory than a read may have
// ends in one Chinese line while the server keeps serving; XML nested ten million deep is
// answered at once; and large JSON bodies (parsed and scored in the read worker) do not stop
// the server answering others.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { send, STACK } from '../helpers/serve.js';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/workbook.js';

/** Issue 20: a concurrent request is answered within this while large bodies arrive. */
const GOAL_MS = 200;

const scenes: string[] = [];
const running: ServeProcess[] = [];
afterAll(async () => {
  for (const server of running)
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  for (const dir of scenes) rmSync(dir, { recursive: true, force: true });
});

async function serve(env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const dir = tempDir('twelve-bounds-');
  scenes.push(dir);
  const server = await startServeProcess([], { tmp: path.join(dir, 'tmp'), env });
  running.push(server);
  return server;
}

/** The sample workbook with one part replaced. */
async function sampleWith(part: string, xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_WORKBOOK));
  expect(zip.file(part)).not.toBeNull();
  zip.file(part, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function upload(bytes: Buffer, name: string): FormData {
  const form = new FormData();
  form.append('workbook', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

/** The server still answers, and scores a good workbook right. */
async function stillServing(server: ServeProcess): Promise<void> {
  expect((await server.request('GET', '/api/capabilities')).status).toBe(200);
  const good = await server.request('POST', '/api/score', {
    form: upload(readFileSync(SAMPLE_WORKBOOK), '示例台账.xlsx'),
  });
  expect(good.status).toBe(200);
  expect((good.json().members as unknown[]).length).toBeGreaterThan(0);
}

describe('a read that needs more memory than it may have (item 6)', () => {
  it('ends that request in one Chinese line; the server keeps serving', async () => {
    // 2.5 million distinct shared strings: within every limit of the reader (5 million), and
    // far more than the 64 MB this server gives a read.
    const count = 2_500_000;
    const parts: string[] = [
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`,
    ];
    for (let i = 0; i < count; i++) parts.push(`<si><t>项目${i}</t></si>`);
    parts.push('</sst>');
    const book = await sampleWith('xl/sharedStrings.xml', parts.join(''));
    const server = await serve({ TWELVE_READ_MEMORY_MB: '64' });
    const started = Date.now();
    const reply = await server.request('POST', '/api/score', { form: upload(book, '大台账.xlsx') });
    console.log(`a read past its 64 MB: answered ${reply.status} in ${Date.now() - started} ms`);
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({
      error:
        '"大台账.xlsx"读取时用尽了 64 MB 的内存上限，已停止：文件结构异常（如层层嵌套）或内容过多，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试',
    });
    await stillServing(server);
    expect(server.stderr()).not.toMatch(STACK);
    expect(server.child.exitCode).toBeNull();
  }, 300_000);

  // Passes once the XML reader has its depth limit (issue 20 item 6, reader side): until then
  // the read runs into its memory bound, which takes longer than 2 s.
  it('answers XML nested ten million deep within 2 s, and keeps serving', async () => {
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1">'.repeat(1) +
      '<x>'.repeat(10_000_000);
    const book = await sampleWith('xl/worksheets/sheet1.xml', sheet);
    expect(book.length).toBeLessThan(200_000);
    const server = await serve();
    const started = Date.now();
    const reply = await server.request('POST', '/api/score', { form: upload(book, '嵌套.xlsx') });
    const took = Date.now() - started;
    console.log(`XML nested 10^7 deep: answered ${reply.status} in ${took} ms`);
    expect(reply.status).toBe(400);
    expect(reply.json().error).toMatch(/^"嵌套\.xlsx"/);
    // Chinese, but for the name of the part inside the file (for whoever repairs it).
    expect(String(reply.json().error).replace(/xl\/[\w/.]+/g, '')).not.toMatch(/[A-Za-z]{6,}/);
    await stillServing(server);
    expect(took).toBeLessThan(2000);
  }, 300_000);
});

describe('large JSON bodies (item 10)', () => {
  /** `{"sheets": …}` of about `mb` megabytes: a roster of many rows. */
  function sheetsJson(mb: number, fields: Record<string, string> = {}): Buffer {
    const rows: string[] = [];
    const row = (i: number) => `["M${i}","张三${i}","第一支部","科员","","在册"]`;
    let bytes = 0;
    for (let i = 0; bytes < mb * 1024 * 1024; i++) {
      const r = row(i);
      rows.push(r);
      bytes += r.length + 1;
    }
    const more = Object.entries(fields).map(
      ([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`,
    );
    return Buffer.from(
      `{"sheets":[{"name":"党员名册","rows":[${rows.join(',')}]}]${more.join('')}}`,
    );
  }

  /**
   * GETs /api/capabilities every 20 ms from a thread of its own: this test's own thread is busy
   * writing the bodies and reading the answers, and would add its own delays to the figure.
   */
  function probe(url: string) {
    const worker = new Worker(
      `const http = require('node:http');
       const { parentPort, workerData } = require('node:worker_threads');
       let stop = false, slowest = 0, answered = 0, failed = null;
       parentPort.once('message', () => (stop = true));
       (async () => {
         while (!stop) {
           const t = performance.now();
           const status = await new Promise((resolve) =>
             http.get(workerData + '/api/capabilities', (r) => {
               r.resume();
               r.on('end', () => resolve(r.statusCode));
             }).on('error', (e) => resolve(e.code)));
           if (status !== 200) failed = status;
           slowest = Math.max(slowest, performance.now() - t);
           answered++;
           await new Promise((r) => setTimeout(r, 20));
         }
         parentPort.postMessage({ slowest, answered, failed });
       })();`,
      { eval: true, workerData: url },
    );
    return {
      async stop(): Promise<{ slowest: number; answered: number }> {
        const result = new Promise<{ slowest: number; answered: number; failed: unknown }>((r) =>
          worker.once('message', r),
        );
        worker.postMessage('stop');
        const { failed, ...figures } = await result;
        await worker.terminate();
        expect(failed).toBeNull();
        return figures;
      },
    };
  }

  /** Sends the bodies at once, to the routes in turn; meanwhile the slowest other answer. */
  async function whileBodiesArrive(
    server: ServeProcess,
    body: Buffer,
    count: number,
    routes = ['/api/score'],
  ) {
    const probing = probe(server.url);
    const statuses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        send(server.url, null, 'POST', routes[i % routes.length], {
          body,
          headers: { 'content-type': 'application/json' },
        }).then(
          (r) => r.status,
          (e: NodeJS.ErrnoException) => e.code ?? 'error',
        ),
      ),
    );
    return { statuses, ...(await probing.stop()) };
  }

  /**
   * The quietest of up to three rounds: in CI another suite's Chromium shares the two cores and
   * can stall any one round; the figure wanted is this server's. (On a server that parses on
   * its main thread every round is over 2 s.)
   */
  async function quietest(round: () => ReturnType<typeof whileBodiesArrive>) {
    let best = await round();
    for (let i = 1; i < 3 && best.slowest >= GOAL_MS; i++) {
      const next = await round();
      if (next.slowest < best.slowest) best = next;
    }
    return best;
  }

  it('refuses 45 MB of JSON at once, in Chinese, and answers others meanwhile', async () => {
    const server = await serve();
    const body = sheetsJson(45);
    const one = await send(server.url, null, 'POST', '/api/score', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(one.status).toBe(413);
    expect(one.json()).toEqual({
      error: '以 JSON 发送的工作表超过了 24 MB 的上限：请改为上传台账文件（.xlsx）',
    });
    const { statuses, slowest, answered } = await quietest(() =>
      whileBodiesArrive(server, body, 8),
    );
    console.log(
      `eight 45 MB JSON bodies: ${statuses.join(' ')}; slowest of ${answered} GETs meanwhile ${slowest.toFixed(0)} ms`,
    );
    expect(statuses.every((s) => s === 413 || s === 'EPIPE' || s === 'ECONNRESET')).toBe(true);
    expect(slowest).toBeLessThan(GOAL_MS);
  }, 300_000);

  it('answers others within 200 ms while eight bodies the size of the pane’s largest arrive', async () => {
    const server = await serve();
    // About 16 MB: what the pane sends for the 100,000-row benchmark workbook, to every route
    // that takes sheets as JSON. Each is parsed, checked and answered in the read worker (the
    // job's rows come back in batches), so the event loop is never held long: on the main
    // thread one such body held it for 0.75-1.5 s.
    const body = sheetsJson(11, { kind: 'ranking' });
    const routes = ['/api/score', '/api/sheets', '/api/jobs'];
    const { statuses, slowest, answered } = await quietest(() =>
      whileBodiesArrive(server, body, 8, routes),
    );
    console.log(
      `eight ${(body.length / 1024 / 1024).toFixed(1)} MB JSON bodies to ${routes.join(' ')}: ${statuses.join(' ')}; slowest of ${answered} GETs meanwhile ${slowest.toFixed(0)} ms`,
    );
    // No ledger sheet: each is refused in Chinese once read (400).
    expect(statuses).toEqual(Array(8).fill(400));
    expect(slowest).toBeLessThan(GOAL_MS);
    await stillServing(server);
  }, 300_000);

  it('answers a large body on every JSON route as a small one is answered', async () => {
    const server = await serve();
    // Under 64 KB a body is parsed where it arrives; over it, in the read worker.
    for (const mb of [0.001, 0.2]) {
      const sheets = JSON.parse(sheetsJson(mb).toString()).sheets as unknown[];
      for (const [route, extra, status, error] of [
        ['/api/score', { asOf: '2026-13-01' }, 400, /^请求字段 asOf 的日期"2026-13-01"无效/],
        ['/api/sheets', { kind: 'x' }, 400, /^读取台账不认识请求字段"kind"/],
        ['/api/jobs', { kind: 'nothing' }, 400, /^不认识的任务类型 kind="nothing"/],
        ['/api/jobs', { workbook: 'x' }, 400, /^请求字段 workbook 与 sheets 只能用一个/],
      ] as const) {
        const reply = await server.request('POST', route, { json: { sheets, ...extra } });
        expect([route, reply.status, reply.json().error]).toEqual([
          route,
          status,
          expect.stringMatching(error),
        ]);
      }
    }
  }, 300_000);
});
