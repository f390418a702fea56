// `twelve serve`'s Fastify app: the add-in's files and its manifest, the web page 工作台, and the
// API. Routes parse a request, call the functions the CLI commands call, and shape the reply.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import {
  parseIsoArg,
  parseWorkbook,
  scoreWorkbook,
  todayIso,
  UnusableWorkbookError,
} from '../../core/index.js';
import { UsageError } from '../command.js';
import { BrowserCrashError } from '../cards/shared-browser.js';
import type { SharedBrowser } from '../cards/shared-browser.js';
import { scoreJson } from '../commands/score.js';
import { RecipientError } from '../mail/compose.js';
import { SendLogError } from '../mail/send-log.js';
import { SmtpConfigError } from '../mail/smtp-config.js';
import { DeadlineError, JobQueue, QueueFullError, type Job } from '../jobs/queue.js';
import { PROJECT_ROOT } from '../paths.js';
import { WorkbookFileError } from '../read-workbook.js';
import { hostName } from './addresses.js';
import { gate, type Caller } from './callers.js';
import { JOB_KINDS, jobWork, mailCapabilities, type JobNote, type JobSetup } from './job-kinds.js';
import { manifestFor } from './manifest.js';
import { checkFields, readInput, RequestError, text } from './request-input.js';
import type { Unit } from './units.js';

export interface AppOptions {
  host: string;
  /** null: plain HTTP (loopback only). */
  https: { key: string; cert: string } | null;
  token: string | null;
  units: Unit[] | null;
  /** Bytes a request may carry. */
  bodyLimit: number;
  ttlMs: number;
  deadlineMs: number;
  concurrency: number;
  maxQueued: number;
  stateDir: string;
  smtpConfigFile?: string;
  /** The origin written into /manifest.xml; default the one the request came to. */
  publicUrl?: string;
  browser: SharedBrowser;
  /** Where the built add-in and page are; default addin/dist and web/dist. */
  addinDir?: string;
  webDir?: string;
  /** Requests to POST routes per minute per caller. */
  rateLimit?: number;
  /** Where a bug's details are written (never a user's mistake). */
  log?: (line: string) => void;
}

export interface App {
  fastify: FastifyInstance;
  queue: JobQueue;
}

/** The API's answer to any mistake: a status and one Chinese line, never a stack trace. */
const USER_ERRORS = [
  UsageError,
  WorkbookFileError,
  UnusableWorkbookError,
  RecipientError,
  SmtpConfigError,
  SendLogError,
  DeadlineError,
  BrowserCrashError,
];

export async function buildApp(options: AppOptions): Promise<App> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const addinDir = options.addinDir ?? path.join(PROJECT_ROOT, 'addin', 'dist');
  const webDir = options.webDir ?? path.join(PROJECT_ROOT, 'web', 'dist');
  const who = gate(options);
  const queue = new JobQueue({
    concurrency: options.concurrency,
    maxQueued: options.maxQueued,
    deadlineMs: options.deadlineMs,
    ttlMs: options.ttlMs,
    describeError: (error, job) => describe(error, `任务 ${job.id}`, log),
  });
  const notes = new Map<string, JobNote>();
  const setup: JobSetup = {
    browser: options.browser,
    stateDir: options.stateDir,
    smtpConfigFile: options.smtpConfigFile,
    mailLocks: new Map(),
  };

  const fastify = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    https: options.https ?? undefined,
    // Job ids and file numbers only: nothing in a path is ever a file name.
    routerOptions: { maxParamLength: 100 },
  } as never) as unknown as FastifyInstance;

  // JSON or a multipart upload, nothing else: text is refused with 415, not read as a body.
  fastify.removeContentTypeParser('text/plain');
  await fastify.register(helmet, {
    // Set per page below: the add-in's pages load office.js and are framed by Office.
    contentSecurityPolicy: false,
    frameguard: false,
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    hsts: options.https ? { maxAge: 15552000, includeSubDomains: false } : false,
  });
  await fastify.register(multipart, {
    limits: { fileSize: options.bodyLimit, files: 1, fields: 20, fieldSize: 64 * 1024 },
  });
  await fastify.register(rateLimit, {
    global: false,
    max: options.rateLimit ?? 120,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.headers.authorization ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: `请求太频繁：每分钟最多 ${context.max} 次，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
    }),
  });

  fastify.addHook('onSend', async (request, reply) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html'))
      reply.header('content-security-policy', pagePolicy(request.url));
  });

  fastify.setErrorHandler((error, request, reply) => {
    const { status, message } = errorReply(error, options.bodyLimit, request, log);
    void reply.code(status).type('application/json; charset=utf-8').send({ error: message });
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ error: `没有这个地址：${request.method} ${request.url.split('?')[0]}` });
  });

  // Every API request shows who it is from; the pages and the manifest hold no data.
  const callers = new WeakMap<FastifyRequest, Caller>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const result = who.check(request);
    if ('status' in result) {
      if (result.status === 401) reply.header('www-authenticate', 'Bearer realm="twelve"');
      return reply.code(result.status).send({ error: result.error });
    }
    callers.set(request, result.caller);
  });
  const callerOf = (request: FastifyRequest) => callers.get(request)!;

  fastify.get('/api/capabilities', async (request) => {
    const caller = callerOf(request);
    return {
      unit: caller.unit?.name ?? null,
      loginRequired: who.loginRequired,
      kinds: JOB_KINDS,
      bodyLimit: options.bodyLimit,
      mail: mailCapabilities(caller, setup),
      files: {
        folder: isLocal(caller) ? queue.folder : null,
        ttlMinutes: Math.round(options.ttlMs / 60000),
      },
    };
  });

  fastify.post('/api/score', { config: { rateLimit: {} } }, async (request) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twelve-score-'));
    try {
      const input = await readInput(request, dir);
      checkFields(input.fields, ['asOf'], '评分');
      const asOf = dateField(text(input.fields, 'asOf'));
      return scoreJson(scoreWorkbook(input.sheets, asOf));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The workbook as read, for the web page: it scores in the browser with the pane's core.
  fastify.post('/api/sheets', { config: { rateLimit: {} } }, async (request) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twelve-sheets-'));
    try {
      const input = await readInput(request, dir);
      checkFields(input.fields, [], '读取台账');
      parseWorkbook(input.sheets);
      return { sheets: input.sheets };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The seal panel (ui/seal-panel.ts): an upward report's sheets, read as they are; the page
  // checks them against the upward contract itself, as the county does.
  fastify.post('/api/report-sheets', { config: { rateLimit: {} } }, async (request) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twelve-report-'));
    try {
      return { sheets: (await readInput(request, dir)).sheets };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  fastify.post('/api/jobs', { config: { rateLimit: {} } }, async (request, reply) => {
    const caller = callerOf(request);
    const job = queue.create(caller.unit?.name ?? '');
    try {
      const input = await readInput(request, job.dir);
      const { kind, ...fields } = input.fields;
      const note: JobNote = {};
      const work = jobWork(kind, fields, input.sheets, caller, setup, note);
      notes.set(job.id, note);
      queue.submit(job, work);
    } catch (error) {
      queue.discard(job);
      throw error;
    }
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({ id: job.id });
  });

  fastify.get<{ Params: { id: string } }>('/api/jobs/:id', async (request, reply) => {
    const job = queue.get(request.params.id, callerOf(request).unit?.name ?? '');
    if (!job) return reply.code(404).send({ error: '没有这个任务：编号不对，或任务已过期被清除' });
    return jobReply(job, notes.get(job.id), isLocal(callerOf(request)));
  });

  fastify.get<{ Params: { id: string; n: string } }>(
    '/api/jobs/:id/files/:n',
    async (request, reply) => {
      const job = queue.get(request.params.id, callerOf(request).unit?.name ?? '');
      const n = /^\d{1,6}$/.test(request.params.n) ? Number(request.params.n) : -1;
      const file = job?.state === 'done' ? job.files[n] : undefined;
      if (!job || !file)
        return reply
          .code(404)
          .send({ error: '没有这个文件：任务编号或文件序号不对，或已过期被清除' });
      const rel = path.relative(job.dir, file.file);
      // `root` is taken at run time though the types do not list it.
      return reply.download(rel, file.name, { root: job.dir, cacheControl: false } as object);
    },
  );

  fastify.get('/manifest.xml', async (request, reply) => {
    const origin = options.publicUrl ?? ownOrigin(request, options.https !== null);
    if (!origin) return reply.code(400).send({ error: '请求的 Host 头无效' });
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', 'inline; filename="manifest.xml"')
      .send(manifestFor(origin));
  });

  // reply.sendFile and reply.download, whichever folders exist.
  await fastify.register(fastifyStatic, { root: PROJECT_ROOT, serve: false });
  if (existsSync(webDir)) {
    await fastify.register(fastifyStatic, {
      root: webDir,
      prefix: '/web/',
      index: false,
      decorateReply: false,
    });
    fastify.get('/', (_request, reply) => reply.sendFile('index.html', webDir));
  } else {
    fastify.get('/', (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>十二分制工作台</title><p>工作台页面尚未构建：请在项目文件夹运行 npm run build:web 后重启 twelve serve。</p>',
        ),
    );
  }
  if (existsSync(addinDir))
    await fastify.register(fastifyStatic, {
      root: addinDir,
      prefix: '/',
      index: false,
      decorateReply: false,
      wildcard: true,
      // The manifest is made per request, for the server's origin.
      allowedPath: (pathName) => pathName !== '/manifest.xml',
    });

  fastify.addHook('onClose', async () => {
    await queue.close();
  });
  return { fastify, queue };
}

/** Anyone on this machine, no token: the clerk's own PC, where server paths mean something. */
function isLocal(caller: Caller): boolean {
  return caller.unit === null && !caller.viaToken;
}

function jobReply(job: Job, note: JobNote | undefined, local: boolean) {
  return {
    state: job.state,
    progress: job.progress,
    files: job.files.map((f, i) => ({
      name: f.name,
      url: `/api/jobs/${job.id}/files/${i}`,
      bytes: f.bytes,
    })),
    ...(job.error !== undefined ? { error: job.error } : {}),
    ...(note?.message !== undefined ? { message: note.message } : {}),
    ...(job.expiresAt !== undefined ? { expiresAt: new Date(job.expiresAt).toISOString() } : {}),
    ...(local && job.state === 'done' ? { folder: job.dir } : {}),
  };
}

function dateField(value: string | undefined): string {
  if (value === undefined) return todayIso();
  const iso = parseIsoArg(value);
  if (!iso) throw new RequestError(400, `请求字段 asOf 的日期"${value}"无效，应如 2026-11-25`);
  return iso;
}

/** The origin the request came to: its Host header, if it is a host name at all. */
function ownOrigin(request: FastifyRequest, https: boolean): string | null {
  const host = request.headers.host;
  if (!host || hostName(host) === null) return null;
  return `${https ? 'https' : 'http'}://${host}`;
}

/**
 * The web page: its own scripts and styles only; the card preview is a srcdoc frame with
 * sandbox="", whose document inherits this policy, so its inline <style> needs
 * 'unsafe-inline' for styles (never for scripts). The add-in's pages also load office.js from
 * Microsoft and are framed by Office (Excel on the web), so they may be framed there.
 */
function pagePolicy(url: string): string {
  const common = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  const isPage = url === '/' || url.startsWith('/?') || url.startsWith('/web/');
  if (isPage) return [...common, "script-src 'self'", "frame-ancestors 'none'"].join('; ');
  return [
    ...common,
    "script-src 'self' https://appsforoffice.microsoft.com",
    "connect-src 'self'",
    "frame-ancestors 'self' https://*.office.com https://*.officeapps.live.com https://*.office365.com https://*.sharepoint.com https://*.microsoft.com",
  ].join('; ');
}

/** Chinese lines for what the request did wrong; a bug is logged and told without details. */
function errorReply(
  error: unknown,
  bodyLimit: number,
  request: FastifyRequest,
  log: (line: string) => void,
): { status: number; message: string } {
  if (error instanceof RequestError) return { status: error.status, message: error.message };
  if (error instanceof QueueFullError) return { status: 429, message: error.message };
  if (USER_ERRORS.some((E) => error instanceof E))
    return { status: 400, message: (error as Error).message };
  const e = error as { code?: string; statusCode?: number; message?: string };
  const mb = `${Math.round(bodyLimit / 1024 / 1024)} MB`;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, message: `上传的内容超过了 ${mb} 的上限` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        message:
          '请求的内容类型不对：上传台账请用 multipart/form-data（字段 workbook），或发送 application/json',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, message: '请求体是空的：应是 JSON 对象' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, message: '请求体不是有效的 JSON' };
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return {
        status: 400,
        message: '上传的字段或文件太多：只传一个台账文件（字段 workbook）和任务选项',
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
      return { status: 400, message: '上传的表单格式有误' };
  }
  if (error instanceof SyntaxError || e.statusCode === 400)
    return { status: 400, message: '请求格式有误（JSON 或表单无法解析）' };
  if (e.statusCode === 429) return { status: 429, message: e.message ?? '请求太频繁' };
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)
    return { status: e.statusCode, message: '请求有误' };
  return {
    status: 500,
    message: describe(error, `${request.method} ${request.url.split('?')[0]}`, log),
  };
}

/** A mistake's own Chinese line; for a bug, its details in the log and a plain line back. */
function describe(error: unknown, where: string, log: (line: string) => void): string {
  if (error instanceof RequestError || USER_ERRORS.some((E) => error instanceof E))
    return (error as Error).message;
  log(`内部错误（${where}）：${(error as Error)?.stack ?? String(error)}`);
  return '服务器内部错误，未能完成；请联系管理员（详情在服务器日志中）';
}
