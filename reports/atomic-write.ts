// Writes that never leave a half-written file: the data goes to a hidden temp file beside the
// target (same folder, so the rename is atomic), then replaces it. The temp file carries the
// writer's pid; one whose writer is gone (killed mid-write) is removed by the next write into
// that folder, so no temp file outlives a rerun.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { isRunning } from './pid-alive.js';

/** .<name>.<pid>.<random>.tmp */
const TEMP = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/;
const swept = new Set<string>();

export interface AtomicOptions {
  /** Flush to disk before the rename (and the folder after it): for records that must survive a crash. */
  durable?: boolean;
  /** The file's permissions (0o600: its owner's only); default as the umask allows. */
  mode?: number;
}

/** Members' mail and its record: readable by the account that wrote them only. */
export const OWNER_ONLY = 0o600;

export function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: AtomicOptions = {},
): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  if (!swept.has(dir)) {
    swept.add(dir);
    sweepStaleTemps(dir);
  }
  const temp = tempPath(file);
  try {
    const fd = openSync(temp, 'w', options.mode);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      if (options.durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (options.durable) syncFolder(dir);
}

export function tempPath(file: string): string {
  const random = Math.random().toString(36).slice(2, 10) || '0';
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${random}.tmp`);
}

/** Removes the temp files in `dir` whose writer is no longer running; returns their names. */
export function sweepStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match) continue;
    const writer = Number(match[1]);
    if (writer === process.pid || isRunning(writer)) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to remove: left as it is.
    }
  }
  return removed;
}

/** A rename is durable once the folder itself is flushed (POSIX; Windows has no folder handle). */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse: the data itself was flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
