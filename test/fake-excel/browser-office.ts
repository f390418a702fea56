// The e2e test's stand-in for office.js: answers the CDN URL with `Office` and `Excel` backed
// by the strict fake workbook, seeded from window.__fakeSeed (set just before this script).
import {
  FakeRequestContext,
  FakeWorkbookState,
  LATEST_API,
  supportsAt,
  type FakeOptions,
} from './fake-excel.js';
import type { SeedSheet } from './seed.js';

type Handler = (event: { completed: () => void }) => unknown;

/**
 * The host the test stands for: Office's platform and whether OpenBrowserWindowApi 1.1 is
 * there (desktop Excel from 1810; never Excel on the web). Default: desktop, supported.
 */
export interface FakeHost {
  platform?: 'PC' | 'Mac' | 'OfficeOnline';
  openBrowserWindow?: boolean;
}

export interface FakeDialog {
  url: string;
  options: unknown;
  closed: boolean;
  /** What the clerk does: click 确定 (a message) or the window's close button (an event). */
  message(text: string): void;
  closeByUser(): void;
}

type DialogHandler = (arg: unknown) => void;

const w = window as unknown as {
  __fakeSeed?: SeedSheet[];
  __fakeOptions?: FakeOptions;
  /** How the fake host behaves; null as office.js reports a page opened outside Office. */
  __fakeHost?: FakeHost | null;
  __fakeDate1904?: boolean;
  __fakeDialogs: FakeDialog[];
  __fakeOpened: string[];
  __fakeParentMessages: string[];
  __fakeState: FakeWorkbookState;
  __fakeActions: Map<string, Handler>;
  Office: unknown;
  Excel: unknown;
};

const state = new FakeWorkbookState(w.__fakeSeed ?? [], w.__fakeDate1904 ?? false);
const host = w.__fakeHost === null ? null : 'Excel';
const level = w.__fakeOptions?.apiLevel ?? LATEST_API;
const actions = new Map<string, Handler>();
const hostOptions = w.__fakeHost ?? {};
const platform = hostOptions.platform ?? 'PC';
const dialogs: FakeDialog[] = [];
const opened: string[] = [];
const parentMessages: string[] = [];
w.__fakeState = state;
w.__fakeActions = actions;
w.__fakeDialogs = dialogs;
w.__fakeOpened = opened;
w.__fakeParentMessages = parentMessages;

/** Office insists on a full URL; the dialog's first page must share the opener's origin. */
function checkUrl(url: string, what: string): void {
  if (!/^https?:\/\//.test(url)) throw new Error(`${what}: not a full URL: ${url}`);
}

const ui = {
  // Real Office also refuses http: (error 12005); the e2e tests serve over http on loopback,
  // so the fake checks only what it can (a full URL on the pane's own origin, error 12004).
  displayDialogAsync(
    url: string,
    options: unknown,
    callback: (result: { status: string; value?: unknown; error?: unknown }) => void,
  ) {
    checkUrl(url, 'displayDialogAsync');
    if (new URL(url).origin !== location.origin) {
      setTimeout(() => callback({ status: 'failed', error: { code: 12004 } }), 0);
      return;
    }
    const handlers: Record<string, DialogHandler[]> = {};
    const fire = (type: string, arg: unknown) => {
      for (const h of handlers[type] ?? []) h(arg);
    };
    const dialog: FakeDialog = {
      url,
      options,
      closed: false,
      message: (text) => fire('dialogMessageReceived', { message: text, origin: location.origin }),
      closeByUser: () => {
        dialog.closed = true;
        fire('dialogEventReceived', { error: 12006 });
      },
    };
    dialogs.push(dialog);
    const value = {
      addEventHandler: (type: string, handler: DialogHandler) =>
        (handlers[type] = handlers[type] ?? []).push(handler),
      close: () => (dialog.closed = true),
    };
    setTimeout(() => callback({ status: 'succeeded', value }), 0);
  },
  messageParent: (message: string) => parentMessages.push(message),
  ...(hostOptions.openBrowserWindow === false || platform === 'OfficeOnline'
    ? {}
    : {
        openBrowserWindow(url: string) {
          checkUrl(url, 'openBrowserWindow');
          opened.push(url);
        },
      }),
};

w.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: {
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
  },
  context: {
    platform,
    ui,
    requirements: {
      isSetSupported: (name: string, version = '1.1') =>
        name === 'OpenBrowserWindowApi'
          ? 'openBrowserWindow' in ui && version === '1.1'
          : name === 'ExcelApi'
            ? supportsAt(level)(version)
            : name === 'DialogApi',
    },
  },
  onReady(callback?: (info: { host: string | null; platform: string | null }) => void) {
    const info = { host, platform: host ? platform : null };
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
  actions: { associate: (name: string, handler: Handler) => actions.set(name, handler) },
};

w.Excel = {
  run: <T>(batch: (context: FakeRequestContext) => Promise<T>) =>
    batch(new FakeRequestContext(state, w.__fakeOptions)),
};
