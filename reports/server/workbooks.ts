// Workbooks the web page uploads once (POST /api/workbooks) and its jobs then name by id, so a
// session sends its workbook once, not again with every job. Each is kept as uploaded in a
// folder of its own under the job queue's folder (so stopping the server removes it with the
// jobs) for as long as a finished job is kept, counted again from each use; it is found only by
// its id, which nobody can guess, and only by the unit that uploaded it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SheetData } from '../../core/index.js';
import { readWorkbook } from '../read-workbook.js';
import { RequestError, type Fields, type RequestInput } from './request-input.js';

interface Kept {
  owner: string;
  file: string;
  dir: string;
  expiresAt: number;
  timer: NodeJS.Timeout;
}

export interface Upload {
  id: string;
  dir: string;
}

export class WorkbookStore {
  private readonly kept = new Map<string, Kept>();
  private readonly root: string;

  constructor(
    parent: string,
    private readonly ttlMs: number,
  ) {
    // Made with the first upload: a server whose page never uploads keeps no folder for it.
    this.root = path.join(parent, 'workbooks');
  }

  /** A new upload's empty folder: the request's file is saved there. */
  open(): Upload {
    const id = randomUUID();
    const dir = path.join(this.root, id);
    mkdirSync(dir, { recursive: true });
    return { id, dir };
  }

  /** Keeps an upload read without a mistake; returns when it will be forgotten. */
  keep(upload: Upload, owner: string, file: string): Date {
    const expiresAt = Date.now() + this.ttlMs;
    const timer = this.timer(upload.id);
    this.kept.set(upload.id, { owner, file, dir: upload.dir, expiresAt, timer });
    return new Date(expiresAt);
  }

  /** An upload that was not kept (its request was bad): its folder goes now. */
  discard(upload: Upload): void {
    rmSync(upload.dir, { recursive: true, force: true });
  }

  /** The kept workbook's sheets, read again for a job; its time starts again. */
  async sheets(id: string, owner: string): Promise<SheetData[]> {
    const kept = this.kept.get(id);
    if (!kept || kept.owner !== owner)
      throw new RequestError(
        404,
        '服务器上已没有这份台账（请求字段 workbook 的编号不对，或已过期被清除）：请重新选择台账文件',
      );
    clearTimeout(kept.timer);
    kept.timer = this.timer(id);
    kept.expiresAt = Date.now() + this.ttlMs;
    return readWorkbook(kept.file);
  }

  /** Forgets every upload (the queue's close removes the folders). */
  close(): void {
    for (const [id, kept] of this.kept) {
      clearTimeout(kept.timer);
      rmSync(kept.dir, { recursive: true, force: true });
      this.kept.delete(id);
    }
  }

  private timer(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const kept = this.kept.get(id);
      if (!kept) return;
      this.kept.delete(id);
      rmSync(kept.dir, { recursive: true, force: true });
    }, this.ttlMs);
    timer.unref();
    return timer;
  }
}

/** A job request that names an uploaded workbook ({"workbook": id, …}): its sheets, read again. */
export async function storedInput(
  given: { workbook: string; fields: Fields },
  store: WorkbookStore,
  owner: string,
): Promise<RequestInput> {
  return { sheets: await store.sheets(given.workbook, owner), fields: given.fields };
}
