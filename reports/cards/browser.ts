// Finds a Chromium-family browser on this machine or a clerk's (Windows, macOS, Linux) and
// starts it headless with no network chatter. Puppeteer never downloads one.
import { ClerkError } from '../../core/clerk-error.js';
import { existsSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { atRunEnd } from '../run-end.js';
import {
  killBrowser,
  profilePrefix,
  removeProfile,
  singletonFolder,
  sweepLeftovers,
} from './browser-sweep.js';

/** The environment variables that name a browser, first one set wins. */
export const BROWSER_ENV = ['TWELVE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'];

export class BrowserNotFoundError extends ClerkError {
  constructor(tried: string[]) {
    super(
      `找不到可用的浏览器（Chrome、Edge 或 Chromium），生成 PDF 需要其中之一。\n` +
        `已查找：${tried.join('；') || '无'}\n` +
        `解决办法：安装 Chrome 或 Edge；在 Linux 上运行 bash scripts/setup.sh（安装 chromium）；` +
        `或者设置环境变量 TWELVE_BROWSER 为浏览器程序的完整路径。`,
      'setup',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** A browser was found but would not start (a broken install, a wrong file named). */
export class BrowserLaunchError extends ClerkError {
  constructor(executablePath: string, cause: unknown) {
    const first = String((cause as Error)?.message ?? cause).split('\n')[0];
    super(
      `无法启动浏览器 ${executablePath}：${first}\n` +
        `解决办法：确认这是 Chrome、Edge 或 Chromium 的程序文件并能正常打开；` +
        `或者设置环境变量 TWELVE_BROWSER 为另一个浏览器的完整路径。`,
      'setup',
    );
    this.name = 'BrowserLaunchError';
  }
}

/** Where to look, in order: the environment variables, then the usual install places. */
export function browserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const fromEnv = BROWSER_ENV.map((name) => env[name]).filter((v): v is string => !!v);
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (v): v is string => !!v,
    );
    const tails = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ];
    return [...fromEnv, ...tails.flatMap((t) => roots.map((r) => path.win32.join(r, t)))];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    const home = env['HOME'];
    const dirs = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return [...fromEnv, ...apps.flatMap((a) => dirs.map((d) => path.posix.join(d, a)))];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = existsSync,
): string {
  // A browser named on purpose must be there: falling back silently would hide the mistake.
  const named = BROWSER_ENV.find((name) => env[name]);
  if (named) {
    const file = env[named]!;
    if (exists(file)) return file;
    throw new BrowserNotFoundError([`${named}=${file}（文件不存在）`]);
  }
  const candidates = browserCandidates(platform, env);
  const found = candidates.find((file) => exists(file));
  if (!found) throw new BrowserNotFoundError(candidates);
  return found;
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The browser's own profile folder (its user-data-dir), removed when it closes or dies. */
  profile: string;
  close(): Promise<void>;
}

/**
 * One headless browser with a fresh profile. Whatever ends it — close(), a crash, an error or
 * a signal ending this process — its processes are killed and its profile removed; a run
 * killed outright is swept by the next launch. Each call is its own browser, so a server may
 * hold several over time and launch another after one crashed.
 */
export async function launchBrowser(executablePath = findBrowser()): Promise<LaunchedBrowser> {
  sweepLeftovers();
  const profile = mkdtempSync(profilePrefix());
  // Known once launched; until then the clean-up finds the browser by its profile.
  const started: { pid?: number; singleton?: string | null } = {};
  const cleanUp = () => {
    killBrowser(started.pid, profile);
    removeProfile(profile, started.singleton ?? singletonFolder(profile));
  };
  const forget = atRunEnd(cleanUp);
  const done = () => {
    forget();
    cleanUp();
  };
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--mute-audio',
  ];
  // Chromium refuses to run as root with its sandbox on (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: profile,
      args,
      // Over a pipe, Chromium exits by itself when this process dies, even by SIGKILL
      // (measured: all 10 processes gone within a second; over a WebSocket all 10 stayed).
      pipe: true,
      // Signals are handled in run-end.ts, which also removes the profile; puppeteer's own
      // handlers would leave it, and its SIGTERM handler would keep the process alive.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    done();
    throw new BrowserLaunchError(executablePath, error);
  }
  started.pid = browser.process()?.pid;
  started.singleton = singletonFolder(profile);
  // A browser that crashes takes its processes and profile with it.
  browser.once('disconnected', done);
  return {
    browser,
    profile,
    async close() {
      await browser.close().catch(() => undefined);
      done();
    },
  };
}
