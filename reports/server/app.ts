// `twelve serve`'s Fastify app: the add-in's files and its manifest, the web page 工作台, and the
// API. Routes parse a request, call the functions the CLI commands call, and shape the reply.
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { parseWorkbook, type ClerkError } from '../../core/index.js';
import { BrowserCrashError } from '../cards/shared-browser.js';
import type { SharedBrowser } from '../cards/shared-browser.js';
import { DeadlineError, JobQueue, QueueFullError, type Job } from '../jobs/queue.js';
import { PROJECT_ROOT } from '../paths.js';
import { asClerkError } from '../file-errors.js';
import { isLoopback } from './addresses.js';
import { gate, type Caller } from './callers.js';
import { JOB_KINDS, jobWork, mailCapabilities, type JobNote, type JobSetup } from './job-kinds.js';
import { manifestFor } from './manifest.js';
import { answerBody } from './bounded-read.js';
import { jsonBodyParser } from './json-body.js';
import {
  BAD_JSON,
  checkFields,
  EMPTY_JSON,
  readInput,
  RequestError,
  saveUpload,
} from './request-input.js';
import { readSealReports } from '../seal/read-reports.js';
import { scoreRequest } from './score-request.js';
import type { Unit } from './units.js';
import { runToday } from '../today.js';
import { storedInput, WorkbookStore } from './workbooks.js';
import type {
  Capabilities,
  JobStatus,
  SealReportsReply,
  UploadedWorkbook,
} from '../../ui/job-api.js';

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
  /** Time a request may take to arrive, upload included; default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

/**
 * The sheets as JSON are held whole (in the read worker) before they are checked: eight 45 MB
 * bodies took 2.8 GB. The pane's JSON for the 100,000-row benchmark workbook (5,000 members) is 15.8 MB; a
 * larger unit uploads the .xlsx, which streams to disk and is read in a worker.
 */
export const JSON_BODY_LIMIT = 24 * 1024 * 1024;

/** The longest part of an API path: job ids (36) and file numbers, nothing longer. */
const MAX_PART = 100;

/** A 50 MB workbook at 4 Mbit/s arrives in under two minutes; a trickle is cut then. */
export const REQUEST_TIMEOUT_MS = 120_000;

export interface App {
  fastify: FastifyInstance;
  queue: JobQueue;
}

/** The API's answer to any mistake: a status and one Chinese line, never a stack trace. */
/** Not the clerk's mistakes, but told as they are: a job stopped at its deadline, a crash. */
const TOLD_AS_IS = [DeadlineError, BrowserCrashError];

/**
 * A clerk's mistake as the server tells it: the line, and for a request its status. A file,
 * permission or disk problem met by a job is the server's own folders, for the administrator.
 */
function clerkLine(error: ClerkError, inJob: boolean): string {
  const serverSide =
    error.kind === 'permission' || error.kind === 'disk' || (inJob && error.kind === 'file');
  return serverSide
    ? `服务器上的文件或文件夹有问题，未能完成：${error.message}；请联系管理员`
    : error.message;
}

function clerkStatus(error: ClerkError): number {
  switch (error.kind) {
    case 'permission':
    case 'setup':
      return 500;
    case 'disk':
      return 507;
    default:
      return 400;
  }
}

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
  const workbooks = new WorkbookStore(queue.folder, options.ttlMs);
  const callers = new WeakMap<FastifyRequest, Caller>();
  const setup: JobSetup = {
    browser: options.browser,
    stateDir: options.stateDir,
    smtpConfigFile: options.smtpConfigFile,
    mailLocks: new Map(),
  };

  // A request must arrive whole within this time, however it trickles in (a byte every few
  // seconds keeps a socket from ever going idle); Node checks every second for ones overdue.
  // Made here: Fastify's own server creation sets requestTimeout in a way Node 20 never
  // enforces (measured: a trickle stayed open past it).
  const timeouts = {
    requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: 1000,
  };
  const jsonLimit = Math.min(options.bodyLimit, JSON_BODY_LIMIT);
  const fastify = Fastify({
    logger: false,
    // Bodies read whole (JSON); an upload streams to disk under the multipart limit below.
    bodyLimit: jsonLimit,
    https: options.https ?? undefined,
    serverFactory: (handler: http.RequestListener) =>
      options.https
        ? https.createServer({ ...options.https, ...timeouts }, handler)
        : http.createServer(timeouts, handler),
    // Stopping must not wait out a browser's idle keep-alive sockets (72 s each, measured: a
    // pane's Chromium held three): Fastify closes idle ones itself only when told so here.
    forceCloseConnections: 'idle',
    // Job ids and file numbers only: nothing in a path is ever a file name.
    routerOptions: { maxParamLength: MAX_PART },
    // What Node reports before a request reaches Fastify: a trickle cut, a broken request line.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Duplex) =>
      clientError(error, socket, timeouts.requestTimeout),
    // A path that is not a path at all (`/%`, a 200-character id): Chinese, as every error.
    frameworkErrors: (error: { code?: string }, request: FastifyRequest, reply: FastifyReply) =>
      void reply
        .code(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400)
        .header('cache-control', 'no-store')
        .send({ error: `地址无效：${request.method} ${clip(request.url)}` }),
  } as never) as unknown as FastifyInstance;

  // JSON or a multipart upload, nothing else: text is refused with 415, not read as a body.
  fastify.removeContentTypeParser('text/plain');
  // A large JSON body is never parsed on this thread (json-body.ts): 16 MB took it 750 ms.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', jsonBodyParser(jsonLimit));
  /** A request's own scratch folder for an upload, removed after. */
  const inScratch = async <T>(use: (dir: string) => Promise<T>): Promise<T> => {
    const dir = queue.scratch();
    try {
      return await use(dir);
    } finally {
      queue.release(dir);
    }
  };
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
    // The caller as the gate found it, never the raw header: any other spelling of a token
    // (or any header at all on this machine) would be a fresh allowance.
    keyGenerator: (request) => callerKey(callers.get(request), request.ip),
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(
          `请求太频繁：每分钟最多 ${context.max} 次，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
        ),
        { statusCode: 429 },
      ),
  });
  // Wrong tokens count against the address they come from, on every API route.
  const refusedLimit = fastify.rateLimit({ keyGenerator: (request) => `refused ${request.ip}` });

  fastify.addHook('onSend', async (request, reply) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html'))
      reply.header('content-security-policy', pagePolicy(request.url));
    // Members' data (answers, PDFs, mail) is never kept by a browser or a proxy on the way.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  fastify.setErrorHandler((error, request, reply) => {
    const { status, message } = errorReply(
      error,
      { upload: options.bodyLimit, json: jsonLimit },
      request,
      log,
    );
    void reply.code(status).type('application/json; charset=utf-8').send({ error: message });
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: `没有这个地址：${request.method} ${clip(request.url)}` });
  });

  // Every API request shows who it is from; the pages and the manifest hold no data.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // The router says 414 only when no other route takes the path; once addin/dist is built
    // (`npm ci` builds it) the add-in's catch-all route took a 200-character id, and said 404.
    if (
      request.url
        .split('?')[0]
        .split('/')
        .some((part) => part.length > MAX_PART)
    )
      return reply.code(414).send({ error: `地址无效：${request.method} ${clip(request.url)}` });
    const result = who.check(request);
    if ('status' in result) {
      if (result.status === 401) {
        await refusedLimit.call(fastify, request, reply);
        reply.header('www-authenticate', 'Bearer realm="twelve"');
      }
      return reply.code(result.status).send({ error: result.error });
    }
    callers.set(request, result.caller);
  });
  const callerOf = (request: FastifyRequest) => callers.get(request)!;

  fastify.get('/api/capabilities', async (request): Promise<Capabilities> => {
    const caller = callerOf(request);
    return {
      unit: caller.unit?.name ?? null,
      loginRequired: who.loginRequired,
      kinds: JOB_KINDS,
      bodyLimit: options.bodyLimit,
      jsonLimit,
      mail: mailCapabilities(caller, setup),
      files: { ttlMinutes: Math.round(options.ttlMs / 60000) },
    };
  });

  // POST /api/score: an upload, or the sheets as JSON (scored in the read worker when large).
  fastify.post('/api/score', { config: { rateLimit: {} } }, async (request, reply) => {
    const scored = request.isMultipart()
      ? await inScratch((dir) => readInput(request, dir).then((i) => scoreRequest(i, runToday())))
      : await answerBody(request.body, 'score', runToday());
    return reply.type('application/json; charset=utf-8').send(scored);
  });

  // The workbook as read, for the web page: it scores in the browser with the pane's core.
  fastify.post('/api/sheets', { config: { rateLimit: {} } }, async (request, reply) => {
    if (!request.isMultipart())
      return reply
        .type('application/json; charset=utf-8')
        .send(await answerBody(request.body, 'sheets', runToday()));
    const input = await inScratch((dir) => readInput(request, dir));
    checkFields(input.fields, [], '读取台账');
    parseWorkbook(input.sheets);
    return { sheets: input.sheets };
  });

  // The web page's upload, read once and kept for its jobs (workbooks.ts).
  fastify.post(
    '/api/workbooks',
    { config: { rateLimit: {} } },
    async (request): Promise<UploadedWorkbook> => {
      const upload = workbooks.open();
      try {
        const input = await readInput(request, upload.dir);
        checkFields(input.fields, [], '上传台账');
        parseWorkbook(input.sheets);
        const expiresAt = workbooks.keep(upload, callerOf(request).unit?.name ?? '', input.file!);
        return {
          workbook: upload.id,
          sheets: [...input.sheets],
          expiresAt: expiresAt.toISOString(),
        };
      } catch (error) {
        workbooks.discard(upload);
        throw error;
      }
    },
  );
  // The seal panel (ui/seal-panel.ts) of the pane and the web page: an upward report (.eml or
  // .xlsx) read by what `twelve verify --against` reads it with, the same skipped lines included.
  fastify.post(
    '/api/seal-reports',
    { config: { rateLimit: {} } },
    async (request): Promise<SealReportsReply> =>
      inScratch(async (dir) => {
        const { file, fields } = await saveUpload(
          request,
          dir,
          ['.eml', '.xlsx'],
          '报送邮件（.eml）或汇总表（.xlsx）',
        );
        const unit = typeof fields.unit === 'string' && fields.unit !== '' ? fields.unit : null;
        const read = await readSealReports([file], unit, dir);
        return {
          reports: read.reports.map((r) => ({
            source: r.source,
            unit: r.unit,
            quarter: r.quarter,
            end: r.end,
            generated: r.generated,
            rows: r.rows,
          })),
          skipped: read.skipped,
        };
      }),
  );

  fastify.post('/api/jobs', { config: { rateLimit: {} } }, async (request, reply) => {
    const caller = callerOf(request);
    const owner = caller.unit?.name ?? '';
    const job = queue.create(owner);
    try {
      const given = request.isMultipart()
        ? await readInput(request, job.dir)
        : await answerBody(request.body, 'job', runToday());
      const input = 'workbook' in given ? await storedInput(given, workbooks, owner) : given;
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
    return jobReply(job, notes.get(job.id));
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
    const origin =
      options.publicUrl ??
      ownOrigin(options.host, request.socket.localPort, options.https !== null);
    if (!origin)
      return reply.code(404).send({
        error: `服务器监听所有地址（${options.host}），不知道对外的地址：请用 --public-url 指定后重启，清单才能生成`,
      });
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
      // Source maps would hand out the sources with their comments: not for a user.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
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
      allowedPath: (pathName) => pathName !== '/manifest.xml' && !pathName.endsWith('.map'),
    });

  fastify.addHook('onClose', async () => {
    workbooks.close();
    await queue.close();
  });
  return { fastify, queue };
}

/** Whose allowance a request uses: its unit, the server's one token, or its address. */
function callerKey(caller: Caller | undefined, ip: string): string {
  if (caller?.unit) return `unit ${caller.unit.name}`;
  if (caller?.viaToken) return 'token';
  return `ip ${ip}`;
}

function jobReply(job: Job, note: JobNote | undefined): JobStatus {
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
  };
}

/**
 * The server's own origin, from how it was started, never from a request's Host header (which
 * the caller writes). A loopback server is localhost, the name Office and the certificate know;
 * a server on every address (0.0.0.0) has no one name: --public-url says it.
 */
function ownOrigin(host: string, port: number | undefined, https: boolean): string | null {
  const bare = host.replace(/^\[|\]$/g, '');
  if (port === undefined || bare === '0.0.0.0' || bare === '::') return null;
  const name = isLoopback(bare) ? 'localhost' : bare.includes(':') ? `[${bare}]` : bare;
  return `${https ? 'https' : 'http'}://${name}:${port}`;
}

/** Node's client errors, answered as every other error: one Chinese line. */
function clientError(error: NodeJS.ErrnoException, socket: Duplex, requestTimeoutMs: number) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, line] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [
          '408 Request Timeout',
          `请求未在 ${Math.round(requestTimeoutMs / 1000)} 秒内传完，已中断：网络太慢，或上传的文件太大`,
        ]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', '请求头太长']
        : ['400 Bad Request', '请求格式有误'];
  const body = JSON.stringify({ error: line });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** A URL as shown in an error line: its path, not too long. */
function clip(url: string): string {
  const bare = url.split('?')[0];
  return bare.length > 120 ? `${bare.slice(0, 120)}…` : bare;
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
  limits: { upload: number; json: number },
  request: FastifyRequest,
  log: (line: string) => void,
): { status: number; message: string } {
  // The client went away mid-upload (closed the page, lost the network, or was cut for being
  // too slow): nobody to answer, and no fault of ours, whatever the reading threw on the way.
  // One line says so.
  if (request.raw.readableAborted || (request.raw.destroyed && !request.raw.complete)) {
    log(`上传中断：客户端在上传完成前断开了连接（${request.method} ${clip(request.url)}）`);
    return { status: 400, message: '上传中断：连接在上传完成前断开' };
  }
  if (error instanceof RequestError) return { status: error.status, message: error.message };
  if (error instanceof QueueFullError) return { status: 429, message: error.message };
  const clerk = asClerkError(error);
  if (clerk) return { status: clerkStatus(clerk), message: clerkLine(clerk, false) };
  if (TOLD_AS_IS.some((E) => error instanceof E))
    return { status: 400, message: (error as Error).message };
  const e = error as { code?: string; statusCode?: number; message?: string };
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        message: `以 JSON 发送的工作表超过了 ${mb(limits.json)} 的上限：请改为上传台账文件（.xlsx）`,
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, message: `上传的内容超过了 ${mb(limits.upload)} 的上限` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        message:
          '请求的内容类型不对：上传台账请用 multipart/form-data（字段 workbook），或发送 application/json',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, message: EMPTY_JSON };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, message: BAD_JSON };
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
  if (error instanceof RequestError || TOLD_AS_IS.some((E) => error instanceof E))
    return (error as Error).message;
  const clerk = asClerkError(error);
  if (clerk) return clerkLine(clerk, true);
  log(`内部错误（${where}）：${(error as Error)?.stack ?? String(error)}`);
  return '服务器内部错误，未能完成；请联系管理员（详情在服务器日志中）';
}
