// Starts `twelve serve`: the certificate, the shared browser, the app, listening; and stops it
// all again, the browser included, so no Chromium outlives the server.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sweepLeftovers } from '../cards/browser-sweep.js';
import { SharedBrowser } from '../cards/shared-browser.js';
import { UsageError } from '../command.js';
import { isDefaultLoopback, isLoopback } from './addresses.js';
import { buildApp, type App } from './app.js';
import { configDir } from './config-dir.js';
import { answerPlainHttp } from './plain-http.js';
import { loadCertificate, tlsServerOptions, type Certificate } from './tls.js';
import type { Unit } from './units.js';

export interface ServeOptions {
  port: number;
  host: string;
  http: boolean;
  cert?: string;
  key?: string;
  /** A certificate already loaded (tests). */
  certificate?: { key: string; cert: string };
  token: string | null;
  units: Unit[] | null;
  ttlMs: number;
  bodyLimit: number;
  deadlineMs: number;
  maxQueued: number;
  concurrency?: number;
  stateDir?: string;
  smtpConfigFile?: string;
  publicUrl?: string;
  rateLimit?: number;
  addinDir?: string;
  webDir?: string;
  log?: (line: string) => void;
  /** Time a request may take to arrive (tests cut a trickle sooner). */
  requestTimeoutMs?: number;
}

export interface RunningServer extends App {
  /** https://127.0.0.1:3000 */
  url: string;
  browser: SharedBrowser;
  certificate: Certificate | null;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (options.http && !isLoopback(options.host))
    throw new UsageError(
      `--http 只能用于本机地址（127.0.0.1、localhost）；在 ${options.host} 上请用 HTTPS（--cert/--key）`,
    );
  if (!options.token && !options.units && !isDefaultLoopback(options.host))
    throw new UsageError(
      `在 ${options.host} 上提供服务须用 --token 或 --units 指定令牌，否则网络上任何人都能调用`,
    );
  if (options.token !== null && options.token.length < 16)
    throw new UsageError('--token 应至少 16 个字符（随机生成，勿用单词）');
  const certificate = options.http
    ? null
    : options.certificate
      ? {
          ...options.certificate,
          source: '（测试证书）',
          certFile: null,
          trustFile: null,
          notes: [],
        }
      : await loadCertificate({ cert: options.cert, key: options.key });
  // A server killed outright (kill -9, a power cut) left its members' files: they go now.
  sweepLeftovers();
  const browser = new SharedBrowser();
  let app: App;
  try {
    app = await buildApp({
      host: options.host,
      https: certificate ? tlsServerOptions(certificate) : null,
      token: options.token,
      units: options.units,
      bodyLimit: options.bodyLimit,
      ttlMs: options.ttlMs,
      deadlineMs: options.deadlineMs,
      concurrency: options.concurrency ?? availableParallelism(),
      maxQueued: options.maxQueued,
      stateDir: options.stateDir ?? path.join(configDir(), 'serve'),
      smtpConfigFile: options.smtpConfigFile,
      publicUrl: options.publicUrl,
      rateLimit: options.rateLimit,
      browser,
      addinDir: options.addinDir,
      webDir: options.webDir,
      log: options.log,
      requestTimeoutMs: options.requestTimeoutMs,
    });
    // TLS (tls.ts, plain-http.ts): http:// typed at the HTTPS port is answered, not dropped.
    if (certificate) answerPlainHttp(app.fastify, options.publicUrl);
    await app.fastify.listen({ port: options.port, host: options.host });
  } catch (error) {
    await browser.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(
        `端口 ${options.port} 已被占用：换一个端口（--port），或先停止占用它的程序`,
      );
    if (code === 'EACCES')
      throw new UsageError(`没有权限使用端口 ${options.port}：请用 1024 以上的端口`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`本机没有地址 ${options.host}（--host）`);
    throw error;
  }
  const address = app.fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | null = null;
  return {
    ...app,
    url: `${certificate ? 'https' : 'http'}://${shownHost}:${port}`,
    browser,
    certificate,
    close: () =>
      (closing ??= (async () => {
        await app.fastify.close();
        await browser.close();
      })()),
  };
}
