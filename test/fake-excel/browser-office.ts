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

const w = window as unknown as {
  __fakeSeed?: SeedSheet[];
  __fakeOptions?: FakeOptions;
  /** 'Excel', or null as office.js reports a page opened outside Office. */
  __fakeHost?: string | null;
  __fakeDate1904?: boolean;
  __fakeState: FakeWorkbookState;
  __fakeActions: Map<string, Handler>;
  Office: unknown;
  Excel: unknown;
};

const state = new FakeWorkbookState(w.__fakeSeed ?? [], w.__fakeDate1904 ?? false);
const host = w.__fakeHost === undefined ? 'Excel' : w.__fakeHost;
const level = w.__fakeOptions?.apiLevel ?? LATEST_API;
const actions = new Map<string, Handler>();
w.__fakeState = state;
w.__fakeActions = actions;

w.Office = {
  HostType: { Excel: 'Excel' },
  context: {
    platform: 'PC',
    requirements: {
      isSetSupported: (name: string, version = '1.1') =>
        name === 'ExcelApi' && supportsAt(level)(version),
    },
  },
  onReady(callback?: (info: { host: string | null; platform: string | null }) => void) {
    const info = { host, platform: host ? 'PC' : null };
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
