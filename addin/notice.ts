/// <reference types="office-js" />
// The dialog the ribbon command opens when 检查并评分 fails: shows the message from its query
// (as text) and tells the command when the clerk has read it.
import './polyfills.js';
import { messageFrom } from './command-failure.js';

Office.onReady(() => {
  (document.querySelector('#message') as HTMLElement).textContent = messageFrom(location.search);
  const ok = document.querySelector('#ok') as HTMLButtonElement;
  ok.onclick = () => Office.context.ui.messageParent('closed');
  ok.focus();
});
