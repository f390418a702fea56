// Test helper: the built `twelve` command (bin/twelve.js over dist/) as a child process, as a
// clerk runs it, with its own temp folder, so that what it leaves there can be counted.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../reports/paths.js';
import { PROFILE_PREFIX, profileProcesses } from '../../reports/cards/browser-sweep.js';

const CLI = path.join(PROJECT_ROOT, 'bin', 'twelve.js');

/** Compiles dist/ from the current sources (the test runs what a clerk would install). */
export function buildCli(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
  });
}

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `twelve args…` in `cwd`, with TMPDIR set to `tmp` (created if missing). */
export function startCli(
  args: string[],
  options: { cwd: string; tmp: string; env?: NodeJS.ProcessEnv },
): CliRun {
  return startNode([CLI, ...args], options);
}

/** Starts `node argv…` with its own temp folder `tmp` (created if missing), output captured. */
export function startNode(
  argv: string[],
  options: { cwd: string; tmp: string; env?: NodeJS.ProcessEnv },
): CliRun {
  mkdirSync(options.tmp, { recursive: true });
  const child = spawn(process.execPath, argv, {
    cwd: options.cwd,
    env: {
      ...process.env,
      TMPDIR: options.tmp,
      TEMP: options.tmp,
      TMP: options.tmp,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The browser profiles in a temp folder (all of them, whoever owns them). */
export function profilesIn(tmp: string): string[] {
  return readdirSync(tmp)
    .filter((n) => n.startsWith(PROFILE_PREFIX))
    .map((n) => path.join(tmp, n));
}

/** Waits until the run `pid` has a profile in `tmp` with (at least `minProcesses`) Chromium processes on it. */
export async function browserStarted(
  pid: number,
  tmp: string,
  minProcesses = 1,
  timeoutMs = 60_000,
): Promise<{ profile: string; processes: number[] }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const profile = profilesIn(tmp).find((p) =>
      path.basename(p).startsWith(`${PROFILE_PREFIX}${pid}-`),
    );
    const processes = profile ? profileProcesses(profile) : [];
    if (profile && processes.length >= minProcesses) return { profile, processes };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`run ${pid} started no browser within ${timeoutMs} ms`);
}

/** Waits until no process uses `profile`; returns how long that took, or null on timeout. */
export async function processesGone(profile: string, timeoutMs: number): Promise<number | null> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (profileProcesses(profile).length === 0) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}

/** Every hidden temp file (.*.tmp) under `dir`, as paths relative to it. */
export function tempFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /(^|[\\/])\.[^\\/]*\.tmp$/.test(f),
  );
}
