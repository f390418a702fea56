// The one request and reply of `twelve serve`'s job API (docs/server.md), as the server sends
// them and the pane and the web page read them: the server types its replies with these, the
// clients check what arrives against them. Types only: nothing here runs.
import type { IsoDate, SealReport, SheetData } from '../core/index.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobFile {
  /** The name a clerk sees and saves under (Chinese). */
  name: string;
  /** /api/jobs/<id>/files/<n> (the clients make it absolute against the server's origin). */
  url: string;
  bytes: number;
}

/** GET /api/jobs/<id>. */
export interface JobStatus {
  state: JobState;
  /** 0…1. */
  progress: number;
  files: JobFile[];
  /** A failed job's one Chinese line. */
  error?: string;
  /** What the job says beyond its files ("已发送至 …", "注意：… 尚未结束"). */
  message?: string;
  /** When the job and its files are deleted (ISO time), once it has ended. */
  expiresAt?: string;
}

/** What a job prints, with its own fields. */
export type JobOptions =
  | { kind: 'notices'; since: IsoDate; until: IsoDate }
  | { kind: 'ranking'; month: string }
  | { kind: 'quarterly'; quarter: string }
  | { kind: 'mail'; quarter: string; send: boolean; resend?: boolean; to?: string };

export type JobKind = JobOptions['kind'];

/**
 * The workbook a job reads: the sheets as the pane read them, or the id of a workbook the web
 * page uploaded once (POST /api/workbooks), kept by the server for the session.
 */
export type WorkbookRef = { sheets: readonly SheetData[] } | { workbook: string };

/** POST /api/jobs: the as-of date of the scoring run, the job, and its workbook. */
export type JobRequest = JobOptions & { asOf: IsoDate } & WorkbookRef;

/** GET /api/capabilities. */
export interface Capabilities {
  /** The caller's unit, where the server has units. */
  unit: string | null;
  loginRequired: boolean;
  kinds: readonly JobKind[];
  bodyLimit: number;
  /** The largest sheets-as-JSON body /api/score takes; a larger workbook goes as .xlsx. */
  jsonLimit: number;
  mail: {
    /** The server has SMTP settings for this caller: 报上级 can send, not only write the .eml. */
    send: boolean;
    /** The upward address the server sends to, where it decides it (units). */
    to: string | null;
  };
  files: { ttlMinutes: number };
}

/** POST /api/workbooks: the uploaded workbook as read, and the id jobs name it by. */
export interface UploadedWorkbook {
  workbook: string;
  sheets: SheetData[];
  /** When the server forgets it (ISO time), unless a job uses it again before. */
  expiresAt: string;
}

/**
 * POST /api/seal-reports (multipart: `file`, an upward .eml or .xlsx; `unit`, the ledger's unit):
 * the reports in it as `twelve verify --against` reads them, and one `[跳过] …` line for each
 * it could not use (another unit's, format 1, not a summary).
 */
export interface SealReportsReply {
  reports: SealReport[];
  skipped: string[];
}
