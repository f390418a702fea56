// What each route makes of a JSON body, in one place: run on the main thread for a small body
// and in the read worker for a large one (bounded-read.ts), so both answer alike.
import { parseWorkbook } from '../../core/index.js';
import { checkJob } from './job-check.js';
import { checkFields, jobBody, jsonInput, type JobBody } from './request-input.js';
import { scoreRequest } from './score-request.js';

export type JsonAnswer = 'score' | 'sheets' | 'job';

/** The reply's JSON text, or for a job what it was given (its sheets are needed here). */
export function answerJson(kind: JsonAnswer, body: unknown, today: string): string | JobBody {
  switch (kind) {
    case 'score':
      return scoreRequest(jsonInput(body), today);
    case 'sheets': {
      // The workbook as read, for the web page, once it is known to be a ledger at all.
      const input = jsonInput(body);
      checkFields(input.fields, [], '读取台账');
      parseWorkbook(input.sheets);
      return JSON.stringify({ sheets: input.sheets });
    }
    case 'job': {
      // Checked here as jobWork checks it, so that a large body that would be refused is
      // refused here, and never held on the main thread (eight such held its heap: GC pauses
      // of 100-220 ms); one that passes is parsed again there, for its work.
      const job = jobBody(body);
      if (!('workbook' in job)) checkJob(job.fields.kind, job.sheets, today);
      return job;
    }
  }
}
