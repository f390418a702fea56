// The e2e test's stand-in for office.js: answers the CDN URL with `Office` and `Excel` backed
// by the strict fake workbook, seeded from window.__fakeSeed (set just before this script).
import { FakeRequestContext, FakeWorkbookState, type FakeOptions } from './fake-excel.js';
import type { SeedSheet } from './seed.js';

type Handler = (event: { completed: () => void }) => unknown;

const w = window as unknown as {
  __fakeSeed?: SeedSheet[];
  __fakeOptions?: FakeOptions;
  __fakeState: FakeWorkbookState;
  __fakeActions: Map<string, Handler>;
  Office: unknown;
  Excel: unknown;
};

const state = new FakeWorkbookState(w.__fakeSeed ?? []);
const actions = new Map<string, Handler>();
w.__fakeState = state;
w.__fakeActions = actions;

w.Office = {
  HostType: { Excel: 'Excel' },
  context: { platform: 'PC' },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'PC' };
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
