// Workbooks the web page uploads once (POST /api/workbooks) and its jobs then name by id, so a
// session sends its workbook once, not again with every job. Each is kept as uploaded in a
// folder of its own under the job queue's folder (so stopping the server removes it with the
// jobs) for as long as a finished job is kept, counted again from each use; it is found only by
// its id, which nobody can guess, and only by the unit that uploaded it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { SheetData } from '../../core/index.js';
import { readWorkbook } from '../read-workbook.js';
import { readFields, RequestError, type RequestInput } from './request-input.js';

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

/**
 * A job request that names an uploaded workbook ({"workbook": id, …} as JSON) read from the
 * store; null for any other request (sheets or an upload of its own, as readInput takes).
 */
export async function storedInput(
  request: FastifyRequest,
  store: WorkbookStore,
  owner: string,
): Promise<RequestInput | null> {
  if (request.isMultipart()) return null;
  const body = request.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('workbook' in body))
    return null;
  const { workbook, sheets, ...rest } = body;
  if (sheets !== undefined)
    throw new RequestError(
      400,
      '请求字段 workbook 与 sheets 只能用一个：台账已上传时不再发送工作表',
    );
  if (typeof workbook !== 'string' || !/^[0-9a-f-]{36}$/.test(workbook))
    throw new RequestError(400, '请求字段 workbook 应是上传台账时返回的编号');
  return { sheets: await store.sheets(workbook, owner), fields: readFields(rest) };
}
