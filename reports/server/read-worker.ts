// One request's heavy part in a worker thread of its own (bounded-read.ts): an uploaded
// workbook read, or a JSON body parsed, checked and scored. Whatever the input makes this
// thread hold, it is this thread's heap that runs out, and the server's event loop stays free.
import { parentPort, workerData } from 'node:worker_threads';
import { ClerkError } from '../../core/index.js';
import { readWorkbook, WorkbookFileError } from '../read-workbook.js';
import { jsonBytesInput, RequestError } from './request-input.js';
import { scoreRequest } from './score-request.js';

export type ReadTask = { file: string } | { json: Uint8Array; today: string };

const task = workerData as ReadTask;
try {
  parentPort!.postMessage(
    'file' in task
      ? { sheets: await readWorkbook(task.file) }
      : { scored: scoreRequest(jsonBytesInput(task.json), task.today) },
  );
} catch (error) {
  parentPort!.postMessage(
    error instanceof WorkbookFileError
      ? { fileError: error.message }
      : error instanceof RequestError
        ? { requestError: { status: error.status, message: error.message } }
        : error instanceof ClerkError
          ? { clerkError: { message: error.message, kind: error.kind } }
          : { bug: (error as Error)?.stack ?? String(error) },
  );
}
