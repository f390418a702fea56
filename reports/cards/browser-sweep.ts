// What a browser run leaves when it cannot clean up (the tool killed with SIGKILL, a power
// cut): Chromium processes and a profile folder. Each profile is named for the process that
// owns it (twelve-chromium-<pid>-xxxxxx in the temp folder), so the next launch can tell an
// orphan from a profile another run is still using, and remove it with its processes. The
// same sweep takes the workbook reader's temp files a dead run left in the temp folder, and a
// dead server's folders of uploads and job files (twelve-jobs-<pid>-xxxxxx), named likewise.
import { readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRunning } from '../pid-alive.js';

export const PROFILE_PREFIX = 'twelve-chromium-';
/** A server's folder of uploads and job files (its jobs' folders and its requests' scratch). */
export const SERVER_FOLDER_PREFIX = 'twelve-jobs-';
const OWNED = new RegExp(`^${PROFILE_PREFIX}(\\d+)-[A-Za-z0-9]+$`);
const SERVER_OWNED = new RegExp(`^${SERVER_FOLDER_PREFIX}(\\d+)-[A-Za-z0-9]+$`);
/** Scratch folders of servers before they carried their owner's pid: a request lasts seconds. */
const SERVER_UNOWNED = /^twelve-(score|sheets)-[A-Za-z0-9]{6}$/;
/** Profiles made before they carried their owner's pid (mkdtemp's six characters). */
const UNOWNED = new RegExp(`^${PROFILE_PREFIX}[A-Za-z0-9]{6}$`);
/** The `tmp` package's names (used by exceljs): tmp-<pid>-<12 characters>. */
const READER_TEMP = /^tmp-(\d+)-[A-Za-z0-9]{12}$/;
/** org.chromium.Chromium.xxxxxx, com.google.Chrome.xxxxxx, com.microsoft.Edge.xxxxxx */
const SINGLETON = /^(org|com)\.[\w.]+\.[A-Za-z0-9]{6}$/;
const UNOWNED_MIN_AGE_MS = 24 * 3600 * 1000;

/** The temp folder's profile name prefix for this process (mkdtemp adds the rest). */
export function profilePrefix(root = tmpdir()): string {
  return path.join(root, `${PROFILE_PREFIX}${process.pid}-`);
}

/** The temp folder's server folder name prefix for this process (mkdtemp adds the rest). */
export function serverFolderPrefix(root = tmpdir()): string {
  return path.join(root, `${SERVER_FOLDER_PREFIX}${process.pid}-`);
}

/**
 * Removes the profiles whose owner is gone, killing any Chromium still using them first, the
 * temp files a dead run's workbook reading left (exceljs's streaming reader keeps sheets in
 * tmp-<pid>-xxxxxxxxxxxx files, removed only when the run exits normally), and a dead
 * server's uploads and job files. Returns what was removed. Never throws: a sweep must not
 * stop a run.
 */
export function sweepLeftovers(root = tmpdir(), now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    const reading = READER_TEMP.exec(name) ?? SERVER_OWNED.exec(name);
    if (reading) {
      const owner = Number(reading[1]);
      if (owner !== process.pid && !isRunning(owner) && remove(dir)) removed.push(dir);
      continue;
    }
    if (SERVER_UNOWNED.test(name)) {
      if (isOld(dir, now) && remove(dir)) removed.push(dir);
      continue;
    }
    const owned = OWNED.exec(name);
    if (owned) {
      const owner = Number(owned[1]);
      if (owner === process.pid || isRunning(owner)) continue;
    } else if (!UNOWNED.test(name) || !isOldUnused(dir, now)) continue;
    killProfileProcesses(dir);
    if (removeProfile(dir)) removed.push(dir);
  }
  return removed;
}

/** Kills the group a browser leads (its own, as puppeteer starts it detached) and stragglers. */
export function killBrowser(pid: number | undefined, profile: string): void {
  if (pid !== undefined && process.platform !== 'win32') signal(-pid);
  else if (pid !== undefined) signal(pid);
  killProfileProcesses(profile);
}

/** The pids of processes started with this profile (Linux: /proc; elsewhere none known). */
export function profileProcesses(profile: string): number[] {
  if (process.platform !== 'linux') return [];
  const flag = Buffer.from(`--user-data-dir=${profile}`);
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (hasArgument(readFileSync(`/proc/${entry}/cmdline`), flag)) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * The browser's own arguments end in NUL; its children rewrite theirs into one line with
 * spaces (setproctitle). Either way the flag must end there, or it names another folder.
 */
function hasArgument(cmdline: Buffer, flag: Buffer): boolean {
  for (let at = cmdline.indexOf(flag); at >= 0; at = cmdline.indexOf(flag, at + 1)) {
    const next = cmdline[at + flag.length];
    if (next === undefined || next === 0 || next === 0x20) return true;
  }
  return false;
}

/** Removes a profile and its socket folder (found now, or as found while it ran). */
export function removeProfile(dir: string, singleton = singletonFolder(dir)): boolean {
  try {
    removeSingletonFolder(singleton);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    return true;
  } catch {
    // Another user's folder, or files still held (Windows): left for a later sweep.
    return false;
  }
}

/**
 * Chromium keeps its single-instance socket in a folder of its own in the temp folder
 * (org.chromium.Chromium.xxxxxx), linked from the profile. On a clean exit it removes the
 * link but leaves the folder (measured with Chromium 156), so the launcher asks for the
 * folder while the browser runs, and a sweep while the link is still there.
 */
export function singletonFolder(profile: string): string | null {
  let target: string;
  try {
    target = readlinkSync(path.join(profile, 'SingletonSocket'));
  } catch {
    return null;
  }
  const folder = path.dirname(target);
  return path.basename(target) === 'SingletonSocket' && SINGLETON.test(path.basename(folder))
    ? folder
    : null;
}

function remove(file: string): boolean {
  try {
    rmSync(file, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

function removeSingletonFolder(folder: string | null): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}

function killProfileProcesses(profile: string): void {
  for (const pid of profileProcesses(profile)) signal(pid);
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone, or not ours.
  }
}

function isOldUnused(dir: string, now: number): boolean {
  return isOld(dir, now) && profileProcesses(dir).length === 0;
}

function isOld(dir: string, now: number): boolean {
  try {
    return now - statSync(dir).mtimeMs > UNOWNED_MIN_AGE_MS;
  } catch {
    return false;
  }
}
