// Reads an uploaded workbook with a memory bound: in a worker thread whose heap is capped, so
// a file that makes the reader hold gigabytes (XML nested millions deep, a bomb the reader's
// limits miss) ends that one request with a Chinese line while the server keeps serving every
// other unit. At most as many reads at once as cores, so the bounds add up to a known total.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { ClerkError, type ClerkErrorKind, type SheetData } from '../../core/index.js';
import { WorkbookFileError } from '../read-workbook.js';
import { answerJson, type JsonAnswer } from './json-answers.js';
import { JsonBytes } from './json-body.js';
import type { ReadTask } from './read-worker.js';
import { RequestError, type JobBody, type RequestInput } from './request-input.js';

/** Heap for one read: the 100,000-row workbook peaks far below this (see docs/server.md). */
export const READ_MEMORY_MB = 1024;

/**
 * From source (tests, tsx) the worker is TypeScript, loaded through tsx's tsImport by a
 * one-line entry: Node 20 loads a worker's entry before an --import loader is in place.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCE ? './read-worker.ts' : './read-worker.js', import.meta.url);

function workerEntry(): [string | URL, WorkerOptions] {
  if (!FROM_SOURCE) return [WORKER, {}];
  // The ES module build of tsx's API (its CommonJS build resolves its loader wrongly here).
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const target = JSON.stringify(WORKER.href);
  return [
    `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${target}, ${target}));`,
    { eval: true },
  ];
}

const waiting: (() => void)[] = [];
let reading = 0;

/** At most as many tasks at once as cores, each with its own bounded heap. */
async function bounded<T>(task: ReadTask, what: string, memoryMb: number): Promise<T> {
  if (reading >= availableParallelism()) await new Promise<void>((go) => waiting.push(go));
  reading++;
  try {
    return (await inWorker(task, what, memoryMb)) as T;
  } finally {
    reading--;
    waiting.shift()?.();
  }
}

/**
 * The workbook's sheets, read as readWorkbook() does. Throws WorkbookFileError for a file that
 * cannot be read or that takes more than `memoryMb` to read. TWELVE_READ_MEMORY_MB sets
 * another bound (a small server, or a test).
 */
export function readWorkbookBounded(file: string, memoryMb = readMemoryMb()): Promise<SheetData[]> {
  return bounded({ file }, `"${path.basename(file)}"读取时`, memoryMb);
}

/**
 * A large JSON body, parsed, checked and answered off the event loop as a route would answer
 * it (json-answers.ts): the reply's JSON as UTF-8, or a job's input. Throws RequestError for bad
 * JSON or fields, as the main thread would. The blocks are handed over, not copied: they are
 * unusable here afterwards.
 */
export function answerJsonBounded(
  body: JsonBytes,
  answer: JsonAnswer,
  today: string,
  memoryMb = readMemoryMb(),
): Promise<Buffer | JobBody> {
  return bounded(
    { blocks: body.blocks, length: body.length, answer, today },
    '以 JSON 发送的工作表处理时',
    memoryMb,
  );
}

/** A body as json-answers.ts answers it: here when small, in the read worker when large. */
export function answerBody(body: unknown, answer: 'job', today: string): Promise<JobBody>;
export function answerBody(
  body: unknown,
  answer: Exclude<JsonAnswer, 'job'>,
  today: string,
): Promise<string | Buffer>;
export async function answerBody(
  body: unknown,
  answer: JsonAnswer,
  today: string,
): Promise<string | Buffer | JobBody> {
  return body instanceof JsonBytes
    ? answerJsonBounded(body, answer, today)
    : answerJson(answer, body, today);
}

/** What the worker posts; a job's sheets come as a head and then rows a batch at a time. */
export interface Answer {
  sheets?: SheetData[];
  /** A reply's JSON text as UTF-8. */
  bytes?: Uint8Array;
  /** A job's input; with `rows`, its sheets' rows follow, one batch per 'more' asked. */
  job?: JobBody;
  rows?: number;
  batch?: { sheet: number; rows: SheetData['rows'] };
  end?: true;
  fileError?: string;
  requestError?: { status: number; message: string };
  /** A mistake in the sheets the scoring found (a structure problem), told as on the main thread. */
  clerkError?: { message: string; kind: ClerkErrorKind };
  bug?: string;
}

function inWorker(task: ReadTask, what: string, memoryMb: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const [entry, how] = workerEntry();
    const worker = new Worker(entry, {
      ...how,
      workerData: task,
      transferList: 'blocks' in task ? task.blocks : [],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    let job: JobBody | undefined;
    // A job's rows arrive in batches, each asked for when the last is in: each is a short
    // task on the event loop, where the whole tree at once held it for seconds.
    worker.on('message', (m: Answer) => {
      if (m.job && m.rows) return (void (job = m.job), worker.postMessage('more'));
      if (m.batch) {
        const rows = (job as RequestInput).sheets[m.batch.sheet].rows as unknown[];
        for (const row of m.batch.rows) rows.push(row);
        return worker.postMessage('more');
      }
      settle(() => {
        if (m.sheets) resolve(m.sheets);
        else if (m.bytes) resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.length));
        else if (m.end) resolve(job);
        else if (m.job) resolve(m.job);
        else if (m.fileError !== undefined) reject(new WorkbookFileError(m.fileError));
        else if (m.clerkError) reject(new ClerkError(m.clerkError.message, m.clerkError.kind));
        else if (m.requestError)
          reject(new RequestError(m.requestError.status, m.requestError.message));
        else
          reject(
            new Error(
              `${'file' in task ? path.basename(task.file) : 'JSON'} in a worker: ${m.bug}`,
            ),
          );
      });
    });
    worker.once('error', (error: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(task, what, memoryMb) : error,
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the read worker exited with ${code} before answering`))),
    );
  });
}

function outOfMemory(task: ReadTask, what: string, memoryMb: number): Error {
  return 'file' in task
    ? new WorkbookFileError(
        `${what}用尽了 ${memoryMb} MB 的内存上限，已停止：文件结构异常（如层层嵌套）或内容过多，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试`,
      )
    : new RequestError(
        413,
        `${what}用尽了 ${memoryMb} MB 的内存上限，已停止：请改为上传台账文件（.xlsx）`,
      );
}

function readMemoryMb(env = process.env): number {
  const set = Number(env.TWELVE_READ_MEMORY_MB);
  return Number.isInteger(set) && set >= 16 ? set : READ_MEMORY_MB;
}
