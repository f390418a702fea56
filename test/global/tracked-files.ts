// Vitest global setup: a test run must leave every file git tracks as it found it (a test that
// saved a screenshot into docs/ changed the repository on every run). The tracked files that
// differ from the index are fingerprinted before the run and compared after it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
}

/** Every tracked file's content fingerprint, where it differs from what git has. */
function changedTracked(): Map<string, string> {
  const changed = new Map<string, string>();
  for (const file of git('diff', '--name-only', '-z', 'HEAD').split('\0').filter(Boolean)) {
    const full = path.join(ROOT, file);
    changed.set(
      file,
      existsSync(full) ? createHash('sha256').update(readFileSync(full)).digest('hex') : 'gone',
    );
  }
  return changed;
}

export default function setup(): () => void {
  let before: Map<string, string>;
  try {
    before = changedTracked();
  } catch {
    // Not a git checkout (a packed copy): nothing to compare.
    return () => undefined;
  }
  return () => {
    const after = changedTracked();
    const rewritten = [...after]
      .filter(([file, hash]) => before.get(file) !== hash)
      .map(([f]) => f);
    if (rewritten.length === 0) return;
    // An error thrown here is only printed; the exit code is what CI reads.
    process.stderr.write(`FAIL: the test run changed tracked files: ${rewritten.join(', ')}\n`);
    process.exitCode = 1;
  };
}
