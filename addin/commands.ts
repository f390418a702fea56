/// <reference types="office-js" />
// The ribbon's 检查并评分 (ExecuteFunction): scores without opening the pane and shows
// 积分汇总. The function name must match <FunctionName> in manifest.xml.
import './polyfills.js';
import { todayIso } from '../core/index.js';
import { scoreOpenWorkbook } from './score-workbook.js';

async function scoreWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run((context) => scoreOpenWorkbook(context, todayIso(), { activateSummary: true }));
  } catch (error) {
    // A ribbon command has no page to show errors in; the pane shows them in full.
    console.error(error);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('scoreWorkbook', scoreWorkbook);
});
