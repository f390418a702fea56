// The server's work queue: first in, first out, a fixed number of jobs at once, a deadline per
// job, a bounded wait line, and each job's files in a temp folder of its own that is deleted a
// while after the job ends. A job is found only by its id, which nobody can guess. Every file
// lives under one folder named for this process: removed on close, on any exit or signal
// (run-end.ts), and after a kill -9 by the next start's sweep (cards/browser-sweep.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { serverFolderPrefix } from '../cards/browser-sweep.js';
import { atRunEnd } from '../run-end.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobFile {
  /** The name a clerk sees and saves under (may contain Chinese). */
  name: string;
  file: string;
  bytes: number;
}

export interface Job {
  id: string;
  /** Who submitted it (a unit's name, or '' on a server without units): others never see it. */
  owner: string;
  state: JobState;
  /** 0 to 1. */
  progress: number;
  files: JobFile[];
  error?: string;
  /** The job's own folder: its upload and what it writes. */
  dir: string;
  /** When a finished job and its files are deleted (ms since the epoch). */
  expiresAt?: number;
}

export interface JobContext {
  dir: string;
  /** Aborted at the deadline, and when the server stops. */
  signal: AbortSignal;
  progress(fraction: number): void;
}

/** A job's work: writes into its folder and returns the files to offer, in the order shown. */
export type JobWork = (context: JobContext) => Promise<string[]>;

/** The wait line is full: 429. */
export class QueueFullError extends Error {
  constructor(limit: number) {
    super(`服务器正忙：已有 ${limit} 个任务在排队，请稍后再试`);
    this.name = 'QueueFullError';
  }
}

export interface QueueOptions {
  /** Jobs running at once (the server: as many as cores). */
  concurrency: number;
  /** Jobs waiting at most, beyond those running. */
  maxQueued: number;
  /** Time a job may run. */
  deadlineMs: number;
  /** How long a finished job and its files are kept. */
  ttlMs: number;
  /** The folder under which each job's temp folder is made; default the system's. */
  root?: string;
  /** The Chinese line a failed job shows; for a bug, a line without its details. */
  describeError(error: unknown, job: Job): string;
}

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: { job: Job; work: JobWork }[] = [];
  private readonly running = new Map<string, AbortController>();
  /** Folders of uploads under way (jobs not yet submitted, requests being read). */
  private readonly uploading = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly root: string;
  private readonly forget: () => void;
  private closed = false;

  constructor(private readonly options: QueueOptions) {
    this.root = mkdtempSync(serverFolderPrefix(options.root));
    const root = this.root;
    this.forget = atRunEnd(() => rmSync(root, { recursive: true, force: true }));
  }

  /**
   * A new job with its empty folder, not yet queued: the caller puts its input there. An
   * upload under way holds a place in the line, as a queued job does: many slow uploads at
   * once meet the same limit as many jobs.
   */
  create(owner: string): Job {
    const dir = this.hold(randomUUID());
    return { id: path.basename(dir), owner, state: 'queued', progress: 0, files: [], dir };
  }

  /**
   * A folder for one request's upload (scoring, reading), under the queue's own folder; it
   * holds a place in the line until release().
   */
  scratch(): string {
    return this.hold(`request-${randomUUID()}`);
  }

  /** A scratch folder's request is answered: its folder and its place go. */
  release(dir: string): void {
    this.uploading.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  }

  /** Queues a job made by create(); throws QueueFullError if the line filled meanwhile. */
  submit(job: Job, work: JobWork): Job {
    this.uploading.delete(job.dir);
    if (this.waiting.length >= this.options.maxQueued) {
      this.discard(job);
      throw new QueueFullError(this.options.maxQueued);
    }
    this.jobs.set(job.id, job);
    this.waiting.push({ job, work });
    this.next();
    return job;
  }

  /** A job not submitted after all (its request was bad): its folder goes now. */
  discard(job: Job): void {
    this.release(job.dir);
  }

  private hold(name: string): string {
    if (this.closed) throw new Error('queue closed');
    if (this.waiting.length + this.uploading.size >= this.options.maxQueued)
      throw new QueueFullError(this.options.maxQueued);
    const dir = path.join(this.root, name);
    mkdirSync(dir);
    this.uploading.add(dir);
    return dir;
  }

  /** The job with this id, if it is the owner's and still kept. */
  get(id: string, owner: string): Job | undefined {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? job : undefined;
  }

  /** The folder holding every job's folder. */
  get folder(): string {
    return this.root;
  }

  get counts(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.waiting.length };
  }

  /** Stops every job and removes every folder. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { job } of this.waiting.splice(0)) this.fail(job, '服务器已停止，任务未执行');
    for (const controller of this.running.values()) controller.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    rmSync(this.root, { recursive: true, force: true });
    this.forget();
  }

  private next(): void {
    while (!this.closed && this.running.size < this.options.concurrency) {
      const item = this.waiting.shift();
      if (!item) return;
      void this.run(item.job, item.work);
    }
  }

  private async run(job: Job, work: JobWork): Promise<void> {
    const controller = new AbortController();
    this.running.set(job.id, controller);
    job.state = 'running';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new DeadlineError(this.options.deadlineMs));
        controller.abort();
      }, this.options.deadlineMs);
    });
    try {
      const context: JobContext = {
        dir: job.dir,
        signal: controller.signal,
        progress: (fraction) => {
          if (job.state === 'running') job.progress = Math.max(0, Math.min(1, fraction));
        },
      };
      // A job past its deadline frees its place at once; its work is told to stop (signal).
      const files = await Promise.race([work(context), deadline]);
      job.files = files.map((file) => ({
        name: path.basename(file),
        file,
        bytes: statSync(file).size,
      }));
      job.state = 'done';
      job.progress = 1;
    } catch (error) {
      this.fail(job, this.options.describeError(error, job));
    } finally {
      clearTimeout(timer);
      this.running.delete(job.id);
      this.expire(job);
      this.next();
    }
  }

  private fail(job: Job, message: string): void {
    job.state = 'failed';
    job.error = message;
    job.files = [];
  }

  private expire(job: Job): void {
    if (this.closed) return;
    job.expiresAt = Date.now() + this.options.ttlMs;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.jobs.delete(job.id);
      this.discard(job);
    }, this.options.ttlMs);
    timer.unref();
    this.timers.add(timer);
  }
}

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(
      `任务超过 ${Math.ceil(ms / 1000)} 秒未完成，已停止；台账很大时请分期间打印，或联系管理员`,
    );
    this.name = 'DeadlineError';
  }
}
