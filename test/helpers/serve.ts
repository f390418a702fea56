// Test helper: our own server on 127.0.0.1 (HTTPS with a certificate made for the test, or
// plain HTTP), a real HTTP client for it (node:https with the test CA), and what the server
// wrote to its log.
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { makeLocalhostCertificate } from '../../reports/server/tls.js';
import { startServer, type RunningServer, type ServeOptions } from '../../reports/server/start.js';

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

export interface JobReply {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  files: { name: string; url: string; bytes: number }[];
  error?: string;
  message?: string;
}

/** The file name a Content-Disposition header gives, read from its RFC 5987 form. */
export function dispositionName(header: string | string[] | undefined): string | null {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(String(header ?? ''));
  return m ? decodeURIComponent(m[1]) : null;
}

/** A stack trace's tell-tale line. */
export const STACK = /\n\s+at .+:\d+:\d+/;
