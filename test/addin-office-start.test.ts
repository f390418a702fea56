// How the pane starts: inside Excel, outside it (office.js says host null), without office.js,
// and where office.js is slow (the pane says so, and still starts when Office answers).
import { describe, expect, it } from 'vitest';
import { startMessage, whenExcelReady } from '../addin/office-start.js';

type Ready = (info: { host: string | null }) => void;

function fakeWindow(office: { onReady: (cb: Ready) => void } | undefined): Window {
  return { Office: office, setTimeout, clearTimeout } as unknown as Window;
}

describe('whenExcelReady', () => {
  it('starts in Excel, and tells a page outside Office or without office.js apart', async () => {
    const inExcel = fakeWindow({ onReady: (cb) => setTimeout(() => cb({ host: 'Excel' }), 1) });
    expect(await whenExcelReady(inExcel)).toEqual({ ok: true });
    const outside = fakeWindow({ onReady: (cb) => cb({ host: null }) });
    expect(await whenExcelReady(outside)).toEqual({ ok: false, reason: 'not-excel' });
    expect(await whenExcelReady(fakeWindow(undefined))).toEqual({ ok: false, reason: 'no-office' });
    expect(startMessage('not-excel')).toContain('需要在 Excel 中打开');
  });

  it('says it is slow after the timeout, and still starts when Office answers later', async () => {
    let answer: Ready = () => undefined;
    const slow = fakeWindow({ onReady: (cb) => (answer = cb) });
    let said = 0;
    const started = whenExcelReady(slow, () => said++, 20);
    await new Promise((r) => setTimeout(r, 60));
    expect(said).toBe(1);
    answer({ host: 'Excel' });
    expect(await started).toEqual({ ok: true });
    expect(startMessage('slow')).toContain('超时');
  });
});
