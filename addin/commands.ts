/// <reference types="office-js" />
// The ribbon's 检查并评分 (ExecuteFunction): scores without opening the pane and shows
// 积分汇总. The function name must match <FunctionName> in manifest.xml. The button is always
// released (event.completed), also where Excel never answers.
import './polyfills.js';
import { todayIso } from '../core/index.js';
import { whenExcelReady } from './office-start.js';
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
    // A ribbon command has no page to show errors in; the pane shows them in full.
    console.error(error);
  } finally {
    window.clearTimeout(timer);
    event.completed();
  }
}

void whenExcelReady(window).then((start) => {
  // Outside Excel there is no ribbon to serve; where office.js is missing there is no Office.
  if (start.ok) Office.actions.associate('scoreWorkbook', scoreWorkbook);
});
