// Clean-up that must happen however a run ends: a normal exit, an uncaught error, or a signal
// (Ctrl-C, a closed terminal, `kill`). Only SIGKILL escapes every handler; what such a run
// leaves is swept by the next one (cards/browser-sweep.ts, atomic-write.ts).
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const actions = new Set<() => void>();
let installed = false;

/**
 * Runs `action` (synchronous: nothing async runs on the way out) when the process ends,
 * unless the returned function is called first, once the thing is cleaned up normally.
 */
export function atRunEnd(action: () => void): () => void {
  install();
  actions.add(action);
  return () => {
    actions.delete(action);
  };
}

/** Runs every pending action once; one that fails does not stop the others. */
export function runEndActions(): void {
  for (const action of [...actions]) {
    actions.delete(action);
    try {
      action();
    } catch {
      // Best effort on the way out: the next run's sweep catches what is left.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runEndActions);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  // A program that handles the signal itself (a server shutting down gracefully) owns the
  // exit and closes its browsers; the 'exit' hook stays as the safety net.
  if (process.listenerCount(signal) > 1) return;
  runEndActions();
  for (const s of SIGNALS) process.off(s, onSignal);
  installed = false;
  process.off('exit', runEndActions);
  // Die of the signal, as without a handler: the shell sees 130 for Ctrl-C, 143 for kill.
  try {
    process.kill(process.pid, signal);
  } catch {
    // Where a signal cannot be raised again (Windows knows only a few): the same exit code.
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
}
