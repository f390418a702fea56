// No one request takes the server down for every unit (issue 20, items 6 and 10), against a
// real `twelve serve` process: a workbook whose reading needs more memory than a read may have
// ends in one Chinese line while the server keeps serving; XML nested ten million deep is
// answered at once; and large JSON bodies (parsed and scored in the read worker) do not stop
// the server answering others.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { send, STACK } from '../helpers/serve.js';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/workbook.js';

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
  function sheetsJson(mb: number): Buffer {
    const rows: string[] = [];
    const row = (i: number) => `["M${i}","张三${i}","第一支部","科员","","在册"]`;
    let bytes = 0;
    for (let i = 0; bytes < mb * 1024 * 1024; i++) {
      const r = row(i);
      rows.push(r);
      bytes += r.length + 1;
    }
    return Buffer.from(`{"sheets":[{"name":"党员名册","rows":[${rows.join(',')}]}]}`);
  }

  /** Sends the bodies at once; meanwhile GETs capabilities and keeps the slowest answer. */
  async function whileBodiesArrive(server: ServeProcess, body: Buffer, count: number) {
    let done = false;
    let slowest = 0;
    let answered = 0;
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        const reply = await server.request('GET', '/api/capabilities');
        expect(reply.status).toBe(200);
        slowest = Math.max(slowest, performance.now() - t);
        answered++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const statuses = await Promise.all(
      Array.from({ length: count }, () =>
        send(server.url, null, 'POST', '/api/score', {
          body,
          headers: { 'content-type': 'application/json' },
        }).then(
          (r) => r.status,
          (e: NodeJS.ErrnoException) => e.code ?? 'error',
        ),
      ),
    );
    done = true;
    await probe;
    return { statuses, slowest, answered };
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
    const { statuses, slowest, answered } = await whileBodiesArrive(server, body, 8);
    console.log(
      `eight 45 MB JSON bodies: ${statuses.join(' ')}; slowest of ${answered} GETs meanwhile ${slowest.toFixed(0)} ms`,
    );
    expect(statuses.every((s) => s === 413 || s === 'EPIPE' || s === 'ECONNRESET')).toBe(true);
    // The goal is 200 ms; 1 s is asserted so that a busy shared machine does not fail it.
    expect(slowest).toBeLessThan(1000);
  }, 300_000);

  it('answers others while eight bodies the size of the pane’s largest are scored', async () => {
    const server = await serve();
    // About 16 MB: what the pane sends for the 100,000-row benchmark workbook. Parsed and
    // scored in the read worker, so the event loop stays free (it was 32 s on the main thread).
    const body = sheetsJson(11);
    const { statuses, slowest, answered } = await whileBodiesArrive(server, body, 8);
    console.log(
      `eight ${(body.length / 1024 / 1024).toFixed(1)} MB JSON bodies: ${statuses.join(' ')}; slowest of ${answered} GETs meanwhile ${slowest.toFixed(0)} ms`,
    );
    expect(statuses.every((s) => s === 200 || s === 400)).toBe(true);
    // The goal is 200 ms; on a shared 2-core machine the workers take both cores, so 1 s is
    // asserted (the event loop itself is free: the figure is CPU contention, not blocking).
    expect(slowest).toBeLessThan(1000);
    await stillServing(server);
  }, 300_000);
});
