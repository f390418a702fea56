// One request's heavy part in a worker thread of its own (bounded-read.ts): an uploaded
// workbook read, or a large JSON body parsed, checked and answered. Whatever the input makes
// this thread hold, it is this thread's heap that runs out, and the server's event loop stays
// free.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ClerkError } from '../../core/index.js';
import { readWorkbook, WorkbookFileError } from '../read-workbook.js';
import type { Answer } from './bounded-read.js';
import { answerJson, type JsonAnswer } from './json-answers.js';
import { parseJson } from './json-body.js';
import { RequestError, type JobBody } from './request-input.js';

export type ReadTask =
  { file: string } | { blocks: ArrayBuffer[]; length: number; answer: JsonAnswer; today: string };

/** Rows a batch: each a few milliseconds for the main thread to take in. */
const BATCH_ROWS = 2000;

// Background work: on Linux a thread has its own nice value (setpriority on this thread's id),
// so the event loop gets a core first when reads fill both (measured on 2 cores: GETs during
// eight 16 MB bodies). Elsewhere the call would lower the whole server: not made.
if (process.platform === 'linux')
  try {
    setPriority(10);
  } catch {
    // Not allowed here: the read runs at the server's own priority.
  }

const task = workerData as ReadTask;
const port = parentPort!;
try {
  if ('file' in task) port.postMessage({ sheets: await readWorkbook(task.file) } satisfies Answer);
  else {
    const answer = answerJson(task.answer, parseJson(task.blocks, task.length), task.today);
    if (typeof answer === 'string') {
      // As the bytes the reply sends, handed over: a string would be copied twice more on the
      // main thread, once in and once encoded (16 MB of sheets held it 100-440 ms).
      const bytes = new TextEncoder().encode(answer);
      port.postMessage({ bytes } satisfies Answer, [bytes.buffer]);
    } else sendJob(answer);
  }
} catch (error) {
  port.postMessage(
    (error instanceof WorkbookFileError
      ? { fileError: error.message }
      : error instanceof RequestError
        ? { requestError: { status: error.status, message: error.message } }
        : error instanceof ClerkError
          ? { clerkError: { message: error.message, kind: error.kind } }
          : { bug: (error as Error)?.stack ?? String(error) }) satisfies Answer,
  );
}

/** A job's input: its sheets without rows first, then the rows a batch per 'more'. */
function sendJob(job: JobBody): void {
  if ('workbook' in job) return port.postMessage({ job } satisfies Answer);
  const batches: Answer['batch'][] = [];
  job.sheets.forEach((sheet, i) => {
    for (let r = 0; r < sheet.rows.length; r += BATCH_ROWS)
      batches.push({ sheet: i, rows: sheet.rows.slice(r, r + BATCH_ROWS) });
  });
  const head = { ...job, sheets: job.sheets.map((sheet) => ({ ...sheet, rows: [] })) };
  port.on('message', () =>
    port.postMessage((batches.length ? { batch: batches.shift() } : { end: true }) as Answer),
  );
  port.postMessage({ job: head, rows: batches.length + 1 } satisfies Answer);
}
