/// <reference types="office-js" />
// The ribbon's 检查并评分 (ExecuteFunction): scores without opening the pane and shows
// 积分汇总. The function name must match <FunctionName> in manifest.xml. A workbook that
// cannot be scored says why in 校验结果; any other failure says why in a dialog (and in
// 校验结果 where Excel still allows it), not only in the console.
import './polyfills.js';
import { todayIso } from '../core/index.js';
import { failureMessage, noticeUrl, showDialog, writeFailure } from './command-failure.js';
import { scoreOpenWorkbook } from './score-workbook.js';

async function scoreWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run((context) => scoreOpenWorkbook(context, todayIso(), { activateSummary: true }));
  } catch (error) {
    console.error(error);
    const message = failureMessage(error);
    await Excel.run((context) => writeFailure(context, message)).catch(() => undefined);
    // completed() may end this page, and the dialog with it: wait for the clerk to close it.
    await showDialog(Office, noticeUrl(location.href, message));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('scoreWorkbook', scoreWorkbook);
});
