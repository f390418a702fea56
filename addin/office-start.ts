/// <reference types="office-js" />
// How the pane and the ribbon command start: wait for Office.onReady, but never forever. The
// page may have been opened outside Excel (office.js says so with host null), office.js may be
// missing (a blocked CDN and no local copy), or a CDN may hang; each gets its own Chinese
// sentence instead of "正在连接 Excel…" for ever.

export type OfficeStart = { ok: true } | { ok: false; reason: 'no-office' | 'not-excel' };

/** How long the pane waits for office.js before saying it cannot reach Excel. */
export const OFFICE_TIMEOUT_MS = 10_000;

interface OfficeGlobal {
  Office?: { onReady?: (callback?: (info: { host: string | null }) => void) => unknown };
}

/**
 * Resolves once Office is ready (or at once where there is no office.js). Where office.js is
 * slow, `onSlow` runs after `timeoutMs`, and the pane still starts if Office answers later.
 */
export function whenExcelReady(
  win: Window,
  onSlow: () => void = () => undefined,
  timeoutMs = OFFICE_TIMEOUT_MS,
): Promise<OfficeStart> {
  const office = (win as unknown as OfficeGlobal).Office;
  if (!office || typeof office.onReady !== 'function')
    return Promise.resolve({ ok: false, reason: 'no-office' });
  return new Promise((resolve) => {
    const timer = win.setTimeout(onSlow, timeoutMs);
    office.onReady!((info) => {
      win.clearTimeout(timer);
      resolve(info && info.host === 'Excel' ? { ok: true } : { ok: false, reason: 'not-excel' });
    });
  });
}

/** What the pane says when it cannot work. */
export function startMessage(reason: 'no-office' | 'not-excel' | 'slow'): string {
  if (reason === 'slow')
    return '连接 Excel 超时：加载项的 office.js 还没有响应。请稍候，或关闭面板后重新打开；仍不行时请管理员改用本地副本（npm run build:addin 默认即是）。';
  return '本页面是 Excel 加载项，需要在 Excel 中打开：在 Excel“开始”选项卡的“十二分制”组中点击“记分面板”。';
}

/**
 * Where `twelve serve` hosts this page, its web page 工作台 is at the same origin's `/`:
 * resolves with that address, or null. XMLHttpRequest, not fetch: IE11 has no fetch.
 */
export function findWebPage(timeoutMs = 3000): Promise<string | null> {
  return new Promise((resolve) => {
    let xhr: XMLHttpRequest;
    try {
      xhr = new XMLHttpRequest();
      xhr.open('GET', '/', true);
    } catch {
      resolve(null);
      return;
    }
    xhr.timeout = timeoutMs;
    xhr.onload = () =>
      resolve(xhr.status === 200 && xhr.responseText.indexOf('工作台') >= 0 ? '/' : null);
    xhr.onerror = xhr.ontimeout = () => resolve(null);
    xhr.send();
  });
}
