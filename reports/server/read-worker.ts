// One uploaded workbook read in a worker thread of its own (bounded-read.ts): whatever the file
// makes the reader hold, it is this thread's heap that runs out, not the server's.
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbook, WorkbookFileError } from '../read-workbook.js';

const { file } = workerData as { file: string };
try {
  parentPort!.postMessage({ sheets: await readWorkbook(file) });
} catch (error) {
  parentPort!.postMessage(
    error instanceof WorkbookFileError
      ? { fileError: error.message }
      : { bug: (error as Error)?.stack ?? String(error) },
  );
}
