/// <reference types="office-js" />
// The task pane's Office entry point: wait for Office, then hand the page to the pane's logic.
import './polyfills.js';
import cardTemplates from 'virtual:card-templates';
import { noticeRenderer } from './card-preview.js';
import { mountTaskPane } from './taskpane.js';

Office.onReady(() =>
  mountTaskPane(document, (batch) => Excel.run(batch), noticeRenderer(cardTemplates)),
);
