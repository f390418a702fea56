/// <reference types="office-js" />
// The task pane's Office entry point: wait for Office, then hand the page to the pane's logic;
// outside Excel, or where office.js never answers, say so in Chinese.
import './polyfills.js';
import cardTemplates from 'virtual:card-templates';
import { noticeRenderer } from './card-preview.js';
import { findWebPage, startMessage, whenExcelReady } from './office-start.js';
import { mountTaskPane, offerWebPage, showCannotStart } from './taskpane.js';

const slow = () => showCannotStart(document, startMessage('slow'));
void whenExcelReady(window, slow).then(async (start) => {
  if (start.ok) {
    mountTaskPane(document, (batch) => Excel.run(batch), noticeRenderer(cardTemplates));
    return;
  }
  showCannotStart(document, startMessage(start.reason));
  // Outside Excel, the page may be served by `twelve serve`, whose web page does the same work.
  const webPage = await findWebPage();
  if (webPage) offerWebPage(document, webPage);
});
