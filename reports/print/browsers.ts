// The one place that decides where cards are rendered: the CLI starts a browser of its own for
// each run and closes it after; the server gives a job pages of its one shared browser, taken
// back when the job is stopped, and says so in Chinese where the browser went away under it.
import { UsageError } from '../args.js';
import { openCardSession } from '../cards/session.js';
import {
  BrowserCrashError,
  type SharedBrowser,
  type SharedSession,
} from '../cards/shared-browser.js';
import type { JobContext, JobWork } from '../jobs/queue.js';
import type { SessionOpener } from './work.js';

/** A browser started for one run of a command, closed with its session. */
export const privateBrowser: SessionOpener = (templates) => openCardSession({ templates });

/** A server job's work on pages of the shared browser; a page still open at the deadline is taken back. */
export function onSharedBrowser(
  browser: SharedBrowser,
  work: (context: JobContext, open: SessionOpener) => Promise<string[]>,
): JobWork {
  return async (context) => {
    const sessions: SharedSession[] = [];
    const open: SessionOpener = async (templates) => {
      if (context.signal.aborted) throw new UsageError('任务已停止');
      const session = await browser.session(templates);
      sessions.push(session);
      context.signal.addEventListener('abort', () => void session.abandon(), { once: true });
      return session;
    };
    try {
      return await work(context, open);
    } catch (error) {
      if (sessions.some((s) => s.crashed)) throw new BrowserCrashError();
      throw error;
    }
  };
}
