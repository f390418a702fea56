// One browser for many jobs at once (the server): each job gets a page of its own on it. A
// browser that dies is noticed and the next job starts a new one; a job that hangs has its page
// taken away, and where the browser does not answer even that, the browser is killed.
import type { CardTemplates } from '../../render/card-html.js';
import { launchBrowser, type LaunchedBrowser } from './browser.js';
import { checkFonts } from './fonts.js';
import { PdfRenderer } from './renderer.js';
import type { CardSession } from './session.js';

/** The browser went away while a job was using it (crashed, or killed). */
export class BrowserCrashError extends Error {
  constructor() {
    super('生成 PDF 的浏览器意外退出，本任务未完成；请重新提交（其他任务不受影响）');
    this.name = 'BrowserCrashError';
  }
}

export interface SharedSession extends CardSession {
  /** Ends the session now (a job past its deadline); kills the browser if it will not answer. */
  abandon(): Promise<void>;
  /** Whether the browser this session ran on has gone away. */
  readonly crashed: boolean;
}

interface Launch {
  launched: LaunchedBrowser;
  gone: boolean;
}

export class SharedBrowser {
  private current: Promise<Launch> | null = null;
  private readonly all = new Set<Promise<Launch>>();
  private closed = false;
  /** Browsers started so far (a relaunch adds one). */
  launches = 0;

  constructor(
    private readonly launch: () => Promise<LaunchedBrowser> = () => launchBrowser(),
    /** How long a page may take to close before the browser counts as hung. */
    private readonly answerMs = 5000,
  ) {}

  /** A page of its own on the shared browser, started on first use or after a crash. */
  async session(templates: CardTemplates): Promise<SharedSession> {
    if (this.closed) throw new Error('shared browser closed');
    const launch = await this.browser();
    let renderer: PdfRenderer;
    try {
      renderer = await PdfRenderer.open(launch.launched.browser);
    } catch (error) {
      if (launch.gone) throw new BrowserCrashError();
      throw error;
    }
    let done = false;
    const close = async () => {
      if (done) return;
      done = true;
      await renderer.close();
    };
    return {
      templates,
      renderer,
      close,
      get crashed() {
        return launch.gone;
      },
      abandon: async () => {
        const answered = await Promise.race([
          close().then(() => true),
          new Promise<false>((r) => setTimeout(r, this.answerMs, false).unref()),
        ]);
        if (!answered) this.kill(launch);
      },
    };
  }

  /** The pids of the browsers running now (for tests and for the shutdown check). */
  async pids(): Promise<number[]> {
    const launches = await Promise.all([...this.all].map((p) => p.catch(() => null)));
    return launches
      .filter((l): l is Launch => l !== null && !l.gone)
      .map((l) => l.launched.browser.process()?.pid)
      .filter((pid): pid is number => pid !== undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const launches = await Promise.all([...this.all].map((p) => p.catch(() => null)));
    // A profile folder that will not go away must not stop the server from stopping.
    await Promise.all(launches.map((l) => l?.launched.close().catch(() => undefined)));
    this.all.clear();
    this.current = null;
  }

  private browser(): Promise<Launch> {
    if (this.current) return this.current;
    checkFonts();
    const starting = this.launch().then((launched) => {
      const launch: Launch = { launched, gone: false };
      this.launches++;
      launched.browser.once('disconnected', () => {
        launch.gone = true;
        this.forget(starting);
        // The profile folder goes too; the process is already gone.
        void launched.close().catch(() => undefined);
      });
      return launch;
    });
    this.current = starting;
    this.all.add(starting);
    // A launch that fails is not kept: the next job tries again.
    starting.catch(() => this.forget(starting));
    return starting;
  }

  private forget(launch: Promise<Launch>): void {
    if (this.current === launch) this.current = null;
    this.all.delete(launch);
  }

  private kill(launch: Launch): void {
    launch.gone = true;
    launch.launched.browser.process()?.kill('SIGKILL');
  }
}
