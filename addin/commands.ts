/// <reference types="office-js" />
// The ribbon's 检查并评分 (ExecuteFunction): scores without opening the pane and shows
// 积分汇总. The function name must match <FunctionName> in manifest.xml. A workbook that
// cannot be scored says why in 校验结果; any other failure says why in a dialog (and in
// 校验结果 where Excel still allows it), not only in the console. The button is always
// released (event.completed), also where Excel never answers.
import './polyfills.js';
import { todayIso } from '../core/index.js';
import { whenExcelReady } from './office-start.js';
import { failureMessage, noticeUrl, showDialog, writeFailure } from './command-failure.js';
import { scoreOpenWorkbook } from './score-workbook.js';

/** A ribbon command Excel is still waiting on after this long is given back to the clerk. */
const COMMAND_TIMEOUT_MS = 120_000;

async function scoreWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  let timer = 0;
  try {
    await Promise.race([
      Excel.run((context) => scoreOpenWorkbook(context, todayIso(), { activateSummary: true })),
      new Promise((resolve) => (timer = window.setTimeout(resolve, COMMAND_TIMEOUT_MS))),
    ]);
  } catch (error) {
    console.error(error);
    const message = failureMessage(error);
    await Excel.run((context) => writeFailure(context, message)).catch(() => undefined);
    // completed() may end this page, and the dialog with it: wait for the clerk to close it.
    await showDialog(Office, noticeUrl(location.href, message));
  } finally {
    window.clearTimeout(timer);
    event.completed();
  }
}

void whenExcelReady(window).then((start) => {
  // Outside Excel there is no ribbon to serve; where office.js is missing there is no Office.
  if (start.ok) Office.actions.associate('scoreWorkbook', scoreWorkbook);
});
