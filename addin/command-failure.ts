/// <reference types="office-js" />
// When the ribbon's 检查并评分 fails there is no pane to speak in. Microsoft's guidance for
// function commands: "the function … can call displayDialogAsync to show a dialog, which is a
// good way to display an error". So the clerk sees a dialog (addin/notice.html) with the reason
// in Chinese, and the same reason goes into 校验结果 where Excel still lets us write, so it
// is still there after the dialog is closed.
import { PROBLEMS_SHEET, problemRows, type Problem } from '../core/index.js';
import { PAYLOAD_BUDGET } from './payload.js';
import { sheetNames } from './read-sheets.js';
import { officeFeatures } from './host-features.js';
import { writeSheets } from './write-sheets.js';

const HAN = /[\u4e00-\u9fff]/;

/** Office's error codes a clerk can act on, in the clerk's words. */
const OFFICE_ERRORS: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'Excel 正在编辑某个单元格：请先按 Enter 或 Esc 结束编辑，再点“检查并评分”。',
  AccessDenied: '工作簿处于保护或只读状态，无法写入“积分汇总”“校验结果”：请撤销工作表保护后再试。',
  RequestPayloadSizeLimitExceeded:
    '台账太大，Excel 网页版一次处理不了：请在“记分面板”中评分，或改用桌面版 Excel。',
  ResponsePayloadSizeLimitExceeded:
    '台账太大，Excel 网页版一次处理不了：请在“记分面板”中评分，或改用桌面版 Excel。',
};

/** The reason 检查并评分 stopped, in Chinese, whatever was thrown. */
export function failureMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && OFFICE_ERRORS[code]) return OFFICE_ERRORS[code];
  const message = error instanceof Error ? error.message : String(error);
  // Our own errors are already Chinese; Excel's and the engine's are not.
  if (HAN.test(message)) return `检查并评分未能完成：${message}`;
  const what = typeof code === 'string' && code ? code : message || '未知错误';
  return `检查并评分未能完成（Excel 报告：${what}）。请打开“记分面板”再试一次，面板会显示详细原因。`;
}

/** One row in 校验结果 saying why, and that sheet shown. Throws where Excel refuses that too. */
export async function writeFailure(context: Excel.RequestContext, message: string): Promise<void> {
  const problem: Problem = {
    severity: 'error',
    sheet: '',
    row: null,
    column: null,
    cell: null,
    message,
    fix: '改正后再点一次“检查并评分”；仍不成功时请打开“记分面板”查看详细原因',
  };
  const names = await sheetNames(context);
  await writeSheets(
    context,
    [{ name: PROBLEMS_SHEET, rows: problemRows([problem]) }],
    names,
    officeFeatures(),
    PAYLOAD_BUDGET,
  );
  context.workbook.worksheets.getItem(PROBLEMS_SHEET).activate();
  await context.sync();
}

/** The dialog's address: notice.html beside the command page, the message in its query. */
export function noticeUrl(pageUrl: string, message: string): string {
  const base = pageUrl.split('#')[0].split('?')[0];
  return `${base.slice(0, base.lastIndexOf('/') + 1)}notice.html?message=${encodeURIComponent(message)}`;
}

/** ?message=… among whatever else Office adds to the query (IE11 has no URLSearchParams). */
export function messageFrom(search: string): string {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === 'message')
      return decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
  }
  return '检查并评分未能完成。请打开“记分面板”再试一次。';
}

/**
 * Shows `message` in an Office dialog and resolves when the clerk closes it (or at once where
 * the dialog cannot open: DialogApi missing, a pop-up blocked in Excel on the web). Resolves
 * to whether the dialog was shown.
 */
export function showDialog(office: typeof Office, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ui = office.context && office.context.ui;
    if (!ui || typeof ui.displayDialogAsync !== 'function') {
      resolve(false);
      return;
    }
    // displayInIframe: Excel on the web shows it inside the page, where pop-up blockers don't reach.
    ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        resolve(false);
        return;
      }
      const dialog = result.value;
      const closed = () => resolve(true);
      // 确定 sends a message; the window's own close button raises DialogEventReceived.
      dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
        dialog.close();
        closed();
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, closed);
    });
  });
}
