// Test helper: a real `twelve serve` as a child process (the CLI from source, run by tsx), on
// 127.0.0.1 over HTTP, with its own temp folder, so that what it leaves there can be counted
// and signals reach it as they reach a clerk's server.
import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../reports/paths.js';
import { startNode } from './cli-process.js';
import { send, type Reply, type RequestOptions } from './serve.js';

const ENTRY = path.join(PROJECT_ROOT, 'test', 'helpers', 'cli-entry.ts');

export interface ServeProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request(method: string, url: string, options?: RequestOptions): Promise<Reply>;
}

/** Starts `twelve serve --http --port 0 args…` with TMPDIR `tmp`; resolves once it listens. */
export async function startServeProcess(
  args: string[],
  options: { tmp: string; env?: NodeJS.ProcessEnv; state?: string },
): Promise<ServeProcess> {
  const state = options.state ?? path.join(options.tmp, '..', 'state');
  const { child, stdout, stderr, exited } = startNode(
    ['--import', 'tsx', ENTRY, 'serve', '--http', '--port', '0', '--state', state, ...args],
    { cwd: PROJECT_ROOT, tmp: options.tmp, env: options.env },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start: ${stdout()}${stderr()}`)),
      60_000,
    );
    const look = () => {
      const m = /已启动：(http:\/\/\S+?)\/\n/.exec(stdout());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited: ${stdout()}${stderr()}`));
    });
  });
  return {
    child,
    pid: child.pid!,
    url,
    stdout,
    stderr,
    exited,
    request: (method, target, o) => send(url, null, method, target, o),
  };
}

/** What is in a temp folder, less tsx's own cache (it runs the CLI from source). */
export function leftIn(tmp: string): string[] {
  return readdirSync(tmp).filter((n) => !/^tsx-\d+$/.test(n));
}
