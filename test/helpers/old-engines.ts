// Built-ins the oldest webviews Office uses lack, from MDN's browser-compat-data (the first
// Edge release with each; IE11 has none of them). A test deletes them from Chromium before any
// script of the page runs, so the pane must do without them or bring its own polyfill.
// Kept, because the test driver itself needs them: Promise and Symbol (IE11 lacks both; the
// bundle's core-js covers them and the ES5 core runs without them in duktape).
export const MISSING_IN_OLD_ENGINES: readonly { path: string; edge: string }[] = [
  { path: 'TextEncoder', edge: '79' },
  { path: 'TextDecoder', edge: '79' },
  { path: 'Element.prototype.replaceChildren', edge: '86' },
  { path: 'Element.prototype.append', edge: '17 (IE11: none)' },
  { path: 'Element.prototype.prepend', edge: '17 (IE11: none)' },
  { path: 'Element.prototype.closest', edge: '15 (IE11: none)' },
  { path: 'Element.prototype.toggleAttribute', edge: '79' },
  { path: 'HTMLIFrameElement.prototype.srcdoc', edge: '79' },
  { path: 'Array.prototype.flat', edge: '79' },
  { path: 'Array.prototype.flatMap', edge: '79' },
  { path: 'Array.prototype.at', edge: '92' },
  { path: 'Array.prototype.findLast', edge: '97' },
  { path: 'Object.fromEntries', edge: '79' },
  { path: 'Object.hasOwn', edge: '93' },
  { path: 'String.prototype.replaceAll', edge: '85' },
  { path: 'String.prototype.matchAll', edge: '79' },
  { path: 'String.prototype.at', edge: '92' },
  { path: 'String.prototype.trimStart', edge: '79' },
  { path: 'String.prototype.trimEnd', edge: '79' },
  { path: 'Promise.allSettled', edge: '79' },
  { path: 'Promise.any', edge: '85' },
  { path: 'globalThis', edge: '79' },
  { path: 'queueMicrotask', edge: '79' },
  { path: 'structuredClone', edge: '98' },
  { path: 'fetch', edge: '14 (IE11: none)' },
  { path: 'URLSearchParams', edge: '17 (IE11: none)' },
  { path: 'String.prototype.normalize', edge: '12 (IE11: none)' },
  { path: 'String.prototype.padStart', edge: '15 (IE11: none)' },
  { path: 'Object.entries', edge: '14 (IE11: none)' },
  { path: 'Object.values', edge: '14 (IE11: none)' },
  { path: 'Array.prototype.includes', edge: '14 (IE11: none)' },
  { path: 'String.prototype.includes', edge: '12 (IE11: none)' },
  { path: 'String.prototype.startsWith', edge: '12 (IE11: none)' },
  { path: 'Array.from', edge: '12 (IE11: none)' },
  { path: 'Object.assign', edge: '12 (IE11: none)' },
  { path: 'Number.isInteger', edge: '12 (IE11: none)' },
];

/** A script that deletes them all (run before the page's own scripts). */
export function removeBuiltinsScript(): string {
  const paths = JSON.stringify(MISSING_IN_OLD_ENGINES.map((m) => m.path));
  return `(${String(remove)})(${paths});`;
}

function remove(paths: string[]): void {
  for (const path of paths) {
    const parts = path.split('.');
    const key = parts.pop()!;
    let owner: Record<string, unknown> = window as never;
    for (const p of parts) owner = owner[p] as Record<string, unknown>;
    delete owner[key];
    if (key in owner) Object.defineProperty(owner, key, { value: undefined, configurable: true });
  }
}
