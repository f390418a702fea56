// Test helper: our own server on 127.0.0.1 (HTTPS with a certificate made for the test, or
// plain HTTP), a real HTTP client for it (node:https with the test CA), and what the server
// wrote to its log.
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { makeLocalhostCertificate } from '../../reports/server/tls.js';
import { startServer, type RunningServer, type ServeOptions } from '../../reports/server/start.js';
import type { JobStatus } from '../../ui/job-api.js';

export interface TestServer extends RunningServer {
  /** Lines the server logged (bugs only: a user's mistake is never logged). */
  logged: string[];
  /** The CA that signed its certificate (the certificate itself), for the client. */
  ca: string | null;
  request(method: string, url: string, options?: RequestOptions): Promise<Reply>;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  body?: Buffer | string;
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: () => Record<string, unknown>;
}

let certificate: Promise<{ key: string; cert: string }> | null = null;

export async function startTestServer(
  options: Partial<ServeOptions> & { https?: boolean } = {},
): Promise<TestServer> {
  const useHttps = options.https ?? false;
  certificate ??= makeLocalhostCertificate();
  const cert = useHttps ? await certificate : undefined;
  const logged: string[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    http: !useHttps,
    certificate: cert,
    token: null,
    units: null,
    ttlMs: 60_000,
    bodyLimit: 50 * 1024 * 1024,
    deadlineMs: 120_000,
    maxQueued: 50,
    stateDir: mkdtempSync(path.join(tmpdir(), 'twelve-serve-state-')),
    log: (line) => logged.push(line),
    ...options,
  });
  const ca = cert?.cert ?? null;
  return Object.assign(server, {
    logged,
    ca,
    request: (method: string, url: string, o: RequestOptions = {}) =>
      send(server.url, ca, method, url, o),
  });
}

export async function send(
  base: string,
  ca: string | null,
  method: string,
  url: string,
  options: RequestOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body: Buffer | undefined;
  if (options.json !== undefined) {
    body = Buffer.from(JSON.stringify(options.json));
    headers['content-type'] ??= 'application/json';
  } else if (options.form) {
    // Encoded by the platform's own multipart writer, as a browser does.
    const encoded = new Response(options.form);
    body = Buffer.from(await encoded.arrayBuffer());
    headers['content-type'] = encoded.headers.get('content-type')!;
  } else if (options.body !== undefined) {
    body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
  }
  const target = new URL(url, base);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      { method, headers, ...(ca ? { ca } : {}), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const data = Buffer.concat(chunks);
          const text = data.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: data,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls a job until it is done or failed. */
export async function waitForJob(
  server: { request: TestServer['request'] },
  id: string,
  headers: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<JobReply> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reply = await server.request('GET', `/api/jobs/${id}`, { headers });
    if (reply.status !== 200) throw new Error(`job ${id}: ${reply.status} ${reply.text}`);
    const job = reply.json() as unknown as JobReply;
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.state}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A job as GET /api/jobs/:id answers: the one type the server, pane and page share. */
export type JobReply = JobStatus;

/** The file name a Content-Disposition header gives, read from its RFC 5987 form. */
export function dispositionName(header: string | string[] | undefined): string | null {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(String(header ?? ''));
  return m ? decodeURIComponent(m[1]) : null;
}

/** A stack trace's tell-tale line. */
export const STACK = /\n\s+at .+:\d+:\d+/;

/** A clean workbook as sheets with `cards` counted entries (one notice card each) in 2026. */
export function manyCardSheets(cards: number, members = 50) {
  const roster: (string | null)[][] = [['编号', '姓名', '支部', '职务', '邮箱', '状态']];
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
  for (let i = 0; i < members; i++)
    roster.push([
      `M${String(i + 1).padStart(3, '0')}`,
      `${surnames[i % 20]}${'伟芳娜敏静'[i % 5]}${i}`,
      `第${(i % 4) + 1}支部`,
      '科员',
      '',
      '在册',
    ]);
  const ledger: (string | null)[][] = [['日期', '编号', '事项', '情形', '分值', '状态', '说明']];
  for (let i = 0; i < cards; i++) {
    const month = 1 + Math.floor((i * 10) / cards);
    const day = 1 + (i % 28);
    ledger.push([
      `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `M${String((i % members) + 1).padStart(3, '0')}`,
      'P2',
      '请假',
      '',
      '',
      `第${i + 1}次主题党日请假`,
    ]);
  }
  return [
    { name: '党员名册', rows: roster },
    { name: '记分台账', rows: ledger },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['单位名称', '测试党工委'],
      ],
    },
  ];
}

/** Every process below `pid` (and itself), from /proc. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** Whether a process is still running (a zombie waiting to be reaped counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
