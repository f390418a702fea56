/// <reference types="office-js" />
// The task pane's Office entry point: wait for Office, then hand the page to the pane's logic.
import './polyfills.js';
import cardTemplates from 'virtual:card-templates';
import { noticeRenderer } from './card-preview.js';
import { mountPrintSection } from './print-section.js';
import { reportApi } from './report-api.js';
import { mountTaskPane } from './taskpane.js';

Office.onReady(() => {
  // `twelve serve` serves the pane and its API from one origin (IE11 has no location.origin).
  const origin = `${location.protocol}//${location.host}`;
  const section = document.querySelector('#print') as HTMLElement | null;
  const print = section ? mountPrintSection(document, section, reportApi(origin), Office) : null;
  mountTaskPane(
    document,
    (batch) => Excel.run(batch),
    noticeRenderer(cardTemplates),
    print ? (sheets, result) => print.scored(sheets, result) : null,
  );
});
