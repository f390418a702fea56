// The server at its edges (issue 20, items 8, 9, 11): a trickling upload is cut and holds a
// place in the line meanwhile; the rate limit counts callers, however they spell their token;
// no answer is cached; source maps are not served; the manifest names the server's own origin
// whatever Host a request claims; a bad URL, a client gone mid-upload and mail files on disk.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { loadUnits } from '../../reports/server/units.js';
import { SEND_LOG_FILE } from '../../reports/mail/send-log.js';
import { cardSheets } from '../helpers/card-fixture.js';
import { startSmtp } from '../helpers/smtp.js';
import { STACK, startTestServer, waitForJob, type TestServer } from '../helpers/serve.js';
import { leftIn, startServeProcess } from '../helpers/serve-process.js';
import { tempDir, writeXlsx } from '../helpers/workbook.js';

const TOKEN_A = 'a-unit-token-0123456789abcdef';
const TOKEN_B = 'b-unit-token-fedcba9876543210';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

async function serve(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** An add-in folder as `npm run build:addin` leaves it, for a server to serve. */
function addinFolder(): string {
  const dir = tempDir('twelve-addin-');
  writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>任务窗格</title>');
  return dir;
}

function sampleForm(fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('workbook', new Blob([readFileSync(SAMPLE_WORKBOOK)]), '示例台账.xlsx');
  return form;
}

/**
 * An upload that trickles: the headers and the start of a multipart body, then one byte a
 * second. Resolves `closed` with the time the server cut it (ms after the start).
 */
function trickle(server: TestServer, url = '/api/jobs') {
  const { port } = new URL(server.url);
  const started = Date.now();
  const socket = net.connect(Number(port), '127.0.0.1');
  let answer = '';
  socket.on('data', (c: Buffer) => (answer += c.toString('utf8')));
  socket.on('error', () => undefined);
  socket.write(
    `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      `Content-Type: multipart/form-data; boundary=XX\r\nContent-Length: 10000000\r\n\r\n` +
      `--XX\r\nContent-Disposition: form-data; name="workbook"; filename="a.xlsx"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\nPK\x03\x04`,
  );
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write('x');
  }, 1000);
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    }),
  );
  return { closed, answer: () => answer, stop: () => socket.destroy() };
}

/** Upload folders under way in the server's folder (jobs not yet queued, requests read). */
function uploadFolders(server: TestServer): string[] {
  return readdirSync(server.queue.folder);
}

describe('a slow upload (item 8)', () => {
  it('is cut once the request time is up, though a byte keeps coming', async () => {
    const server = await serve({ requestTimeoutMs: 3000 });
    const slow = trickle(server);
    const cutAfter = await Promise.race([slow.closed, sleep(15_000).then(() => -1)]);
    slow.stop();
    console.log(`trickling upload cut after ${cutAfter} ms (request time 3000 ms)`);
    expect(cutAfter).toBeGreaterThanOrEqual(3000);
    expect(cutAfter).toBeLessThan(6000);
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.answer()).toContain(
      '{"error":"请求未在 3 秒内传完，已中断：网络太慢，或上传的文件太大"}',
    );
    await sleep(100);
    // Its folder went with it, and the log holds one plain line, no stack.
    expect(uploadFolders(server)).toEqual([]);
    expect(server.logged.join('\n')).not.toMatch(STACK);
    expect(server.logged.filter((l) => l.includes('内部错误'))).toEqual([]);
  }, 30_000);

  it('holds a place in the --queue line while it lasts', async () => {
    const server = await serve({ maxQueued: 2, requestTimeoutMs: 8000 });
    const slow = [trickle(server), trickle(server, '/api/score')];
    try {
      for (let i = 0; i < 50 && uploadFolders(server).length < 2; i++) await sleep(100);
      expect(uploadFolders(server)).toHaveLength(2);
      for (const url of ['/api/jobs', '/api/score']) {
        const refused = await server.request('POST', url, {
          form: sampleForm({ kind: 'ranking', month: '2026-11' }),
        });
        expect(refused.status, url).toBe(429);
        expect(refused.json().error).toBe('服务器正忙：已有 2 个任务在排队，请稍后再试');
      }
      await Promise.all(slow.map((s) => s.closed));
      // Cut, their places are free again.
      const scored = await server.request('POST', '/api/score', { form: sampleForm() });
      expect(scored.status).toBe(200);
    } finally {
      for (const s of slow) s.stop();
    }
  }, 30_000);
});

describe('the rate limit (item 9)', () => {
  it('on this machine counts the address, whatever Authorization header comes', async () => {
    const server = await serve({ rateLimit: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const headers: Record<string, string> = i === 0 ? {} : { authorization: `Bearer x${i}` };
      statuses.push((await server.request('POST', '/api/score', { json: {}, headers })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });

  it('with units counts the unit, however its token is spelt; a wrong token counts its address', async () => {
    const units = path.join(tempDir(), 'units.json');
    writeFileSync(
      units,
      JSON.stringify({
        units: [
          { name: '第一支部', token: TOKEN_A },
          { name: '第二支部', token: TOKEN_B },
        ],
      }),
    );
    const server = await serve({ host: '127.0.0.2', units: loadUnits(units), rateLimit: 5 });
    const post = (authorization: string) =>
      server.request('POST', '/api/score', { json: {}, headers: { authorization } });
    const spellings = [
      `Bearer ${TOKEN_A}`,
      `Bearer  ${TOKEN_A}`,
      `bearer ${TOKEN_A} `,
      `Bearer\t${TOKEN_A}`,
      `BEARER ${TOKEN_A}  `,
      `Bearer ${TOKEN_A}`,
    ];
    const statuses: number[] = [];
    for (const a of spellings) statuses.push((await post(a)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const limited = await post(`Bearer   ${TOKEN_A}`);
    expect(limited.json().error).toMatch(/^请求太频繁：每分钟最多 5 次，请 \d+ 秒后再试$/);
    // Another unit has its own allowance.
    expect((await post(`Bearer ${TOKEN_B}`)).status).toBe(400);

    const wrong: number[] = [];
    for (let i = 0; i < 7; i++)
      wrong.push(
        (
          await server.request('GET', '/api/capabilities', {
            headers: { authorization: `Bearer wrong-token-${i}-0123456789` },
          })
        ).status,
      );
    expect(wrong).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('what is answered, and how (item 11)', () => {
  it('marks every API answer and job file no-store', async () => {
    const server = await serve();
    const capabilities = await server.request('GET', '/api/capabilities');
    expect(capabilities.headers['cache-control']).toBe('no-store');
    const start = await server.request('POST', '/api/jobs', {
      form: sampleForm({ kind: 'ranking', month: '2026-11' }),
    });
    expect(start.status).toBe(202);
    expect(start.headers['cache-control']).toBe('no-store');
    const id = (start.json() as { id: string }).id;
    const status = await server.request('GET', `/api/jobs/${id}`);
    expect(status.headers['cache-control']).toBe('no-store');
    const job = await waitForJob(server, id);
    expect(job.state).toBe('done');
    const file = await server.request('GET', job.files[0].url);
    expect(file.status).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    for (const bad of ['/api/jobs/nope', '/api/nothing'])
      expect((await server.request('GET', bad)).headers['cache-control'], bad).toBe('no-store');
  }, 120_000);

  it('serves no source map, from the page or the add-in', async () => {
    const web = tempDir();
    const addin = tempDir();
    writeFileSync(path.join(web, 'page.js'), 'console.log(1);\n//# sourceMappingURL=page.js.map');
    writeFileSync(path.join(web, 'page.js.map'), '{"sources":["../ui/secret.ts"]}');
    mkdirSync(path.join(addin, 'assets'));
    writeFileSync(path.join(addin, 'taskpane.js'), 'var a = 1;');
    writeFileSync(path.join(addin, 'taskpane.js.map'), '{"sources":["x.ts"]}');
    writeFileSync(path.join(addin, 'assets', 'x.css.map'), '{}');
    const server = await serve({ webDir: web, addinDir: addin });
    expect((await server.request('GET', '/web/page.js')).status).toBe(200);
    expect((await server.request('GET', '/taskpane.js')).status).toBe(200);
    for (const url of ['/web/page.js.map', '/taskpane.js.map', '/assets/x.css.map']) {
      const reply = await server.request('GET', url);
      expect(reply.status, url).toBe(404);
      expect(reply.json().error).toBe(`没有这个地址：GET ${url}`);
    }
  });

  it('writes the manifest for its own origin, whatever Host the request names', async () => {
    const server = await serve();
    const port = new URL(server.url).port;
    for (const host of ['evil.example', `localhost:${port}`, `127.0.0.1:${port}`]) {
      const reply = await server.request('GET', '/manifest.xml', { headers: { host } });
      expect(reply.status).toBe(200);
      expect(reply.text).toContain(
        `<SourceLocation DefaultValue="http://localhost:${port}/taskpane.html"`,
      );
      expect(reply.text).not.toContain('evil.example');
    }
    const pub = await serve({ publicUrl: 'https://twelve.example.gov.cn' });
    const reply = await pub.request('GET', '/manifest.xml', { headers: { host: 'evil.example' } });
    expect(reply.text).toContain('https://twelve.example.gov.cn/taskpane.html');
  });

  it('answers a bad URL, a too long id and broken JSON in Chinese', async () => {
    const server = await serve();
    const raw = (line: string, target = server) =>
      new Promise<string>((resolve) => {
        const { port } = new URL(target.url);
        const socket = net.connect(Number(port), '127.0.0.1', () =>
          socket.write(`${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
        );
        let data = '';
        socket.on('data', (c: Buffer) => (data += c.toString('utf8')));
        socket.on('close', () => resolve(data));
      });
    const cases: [string, number, string][] = [
      ['GET /% HTTP/1.1', 400, '地址无效：GET /%'],
      ['GET /api/jobs/%zz HTTP/1.1', 400, '地址无效：GET /api/jobs/%zz'],
    ];
    for (const [line, status, error] of cases) {
      const answer = await raw(line);
      expect(answer.split('\r\n')[0], line).toBe(
        `HTTP/1.1 ${status} ${status === 414 ? 'URI Too Long' : 'Bad Request'}`,
      );
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error });
      expect(answer).toContain('cache-control: no-store');
    }
    // A 200-character id is too long (414), also beside the add-in's files: their catch-all
    // route (there whenever addin/dist is built, as `npm ci` builds it) once took it as 404.
    const withAddin = await serve({ addinDir: addinFolder() });
    for (const target of [server, withAddin]) {
      const long = await raw(`GET /api/jobs/${'a'.repeat(200)} HTTP/1.1`, target);
      expect(long.split('\r\n')[0]).toBe('HTTP/1.1 414 URI Too Long');
      expect(JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4))).toEqual({
        error: `地址无效：GET /api/jobs/${'a'.repeat(110)}…`,
      });
      expect(long).toContain('cache-control: no-store');
    }
    const broken = await server.request('POST', '/api/score', {
      body: '{"sheets": [',
      headers: { 'content-type': 'application/json' },
    });
    expect([broken.status, broken.json()]).toEqual([400, { error: '请求体不是有效的 JSON' }]);
  });

  it('logs a client that leaves mid-upload as one line, and keeps nothing of it', async () => {
    const server = await serve();
    const upload = trickle(server);
    for (let i = 0; i < 50 && uploadFolders(server).length < 1; i++) await sleep(50);
    upload.stop();
    await upload.closed;
    for (let i = 0; i < 50 && server.logged.length < 1; i++) await sleep(50);
    expect(server.logged).toEqual(['上传中断：客户端在上传完成前断开了连接（POST /api/jobs）']);
    expect(uploadFolders(server)).toEqual([]);
    // Still serving.
    expect((await server.request('GET', '/api/capabilities')).status).toBe(200);
  });

  it('keeps sent mail and its record readable by the server account only', async () => {
    const smtp = await startSmtp({ authOptional: true });
    try {
      const units = path.join(tempDir(), 'units.json');
      writeFileSync(
        units,
        JSON.stringify({
          units: [
            {
              name: '第一支部',
              token: TOKEN_A,
              upward: 'dangwei@example.gov.cn',
              smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'a@example.gov.cn' },
            },
          ],
        }),
      );
      const state = tempDir();
      const server = await serve({ host: '127.0.0.2', units: loadUnits(units), stateDir: state });
      const form = new FormData();
      form.append('kind', 'mail');
      form.append('quarter', '2026Q3');
      form.append('send', 'true');
      form.append('workbook', new Blob([readFileSync(await writeXlsx(cardSheets()))]), 'a.xlsx');
      const headers = { authorization: `Bearer ${TOKEN_A}` };
      const start = await server.request('POST', '/api/jobs', { form, headers });
      expect(start.status).toBe(202);
      const job = await waitForJob(server, (start.json() as { id: string }).id, headers);
      expect(job.state, job.error).toBe('done');
      expect(smtp.received).toHaveLength(1);
      expect((await simpleParser(smtp.received[0].raw)).to).toBeDefined();
      const outbox = path.join(state, 'outbox');
      const files = readdirSync(outbox, { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(outbox, f))
        .filter((f) => statSync(f).isFile());
      expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
      expect(files.some((f) => path.basename(f) === SEND_LOG_FILE)).toBe(true);
      for (const f of files) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
    } finally {
      await smtp.close();
    }
  }, 120_000);
});

describe('secret files others can read (item 11)', () => {
  const scenes: string[] = [];
  afterAll(() => undefined);

  it('warns in Chinese at start about a world-readable units file, not about a 0600 one', async () => {
    const dir = tempDir('twelve-secret-');
    scenes.push(dir);
    const units = path.join(dir, 'units.json');
    writeFileSync(units, JSON.stringify({ units: [{ name: '第一支部', token: TOKEN_A }] }));
    for (const [mode, warned] of [
      [0o644, true],
      [0o600, false],
    ] as const) {
      chmodSync(units, mode);
      const server = await startServeProcess(['--units', units], { tmp: path.join(dir, 'tmp') });
      server.child.kill('SIGTERM');
      await server.exited;
      const line = `注意：单位文件"${units}"本机任何用户都能读取（权限 644），其中有各单位的令牌和邮箱密码；请执行 chmod 600 "${units}"`;
      if (warned) expect(server.stderr()).toContain(line);
      else expect(server.stderr()).toBe('');
      expect(leftIn(path.join(dir, 'tmp'))).toEqual([]);
    }
  }, 120_000);
});
