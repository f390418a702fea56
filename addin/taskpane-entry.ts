/// <reference types="office-js" />
// The task pane's Office entry point: wait for Office, then hand the page to the pane's logic;
// outside Excel, or where office.js never answers, say so in Chinese.
import './polyfills.js';
import cardTemplates from 'virtual:card-templates';
import { noticeRenderer } from './card-preview.js';
import { findWebPage, startMessage, whenExcelReady } from './office-start.js';
import { mountPrintSection, type TokenStore } from '../ui/print-section.js';
import { reportApi, ReportApiError } from '../ui/report-api.js';
import { paneFileOpening } from './open-file.js';
import { mountTaskPane, offerWebPage, showCannotStart } from './taskpane.js';
import { mountSealPanel } from '../ui/seal-panel.js';

const slow = () => showCannotStart(document, startMessage('slow'));
void whenExcelReady(window, slow).then(async (start) => {
  if (start.ok) {
    mountPane();
    return;
  }
  showCannotStart(document, startMessage(start.reason));
  // Outside Excel, the page may be served by `twelve serve`, whose web page does the same work.
  const webPage = await findWebPage();
  if (webPage) offerWebPage(document, webPage);
});

function mountPane(): void {
  // `twelve serve` serves the pane and its API from one origin (IE11 has no location.origin).
  const origin = `${location.protocol}//${location.host}`;
  const section = document.querySelector('#print') as HTMLElement | null;
  const tokens = localTokens();
  const api = reportApi(origin, undefined, () => tokens.get());
  const print = section
    ? mountPrintSection(document, section, api, paneFileOpening(Office), tokens)
    : null;
  const sealSection = document.querySelector('#seal') as HTMLElement | null;
  // The last upward report, chosen in the pane, is read by `twelve serve` where it serves the
  // pane (the IE11 webview can unzip neither a mail nor a workbook); without it, say where to go.
  const seal = sealSection
    ? mountSealPanel(sealSection, {
        readReports: (file, unit) =>
          api.sealReports(file, unit).catch((error: Error) => {
            const failure = error instanceof ReportApiError ? error.failure : null;
            if (failure === 'absent' || failure === 'unreachable')
              throw new Error(
                '读取报送的邮件或汇总表要由报表服务（twelve serve）来读，本加载项现在没有连接到它；' +
                  '请用 twelve serve 打开加载项，或用命令 twelve verify 台账.xlsx --against 报送邮件.eml',
              );
            throw error;
          }),
      })
    : null;
  mountTaskPane(
    document,
    (batch) => Excel.run(batch),
    noticeRenderer(cardTemplates),
    (sheets, result) => {
      print?.scored({ sheets }, result);
      seal?.show(result.settings.unitName, result.entries);
    },
  );
}

/** The unit's token for a server not on loopback, kept in this browser only. */
function localTokens(): TokenStore {
  const key = 'twelve-points:token';
  let kept: string | null = null;
  return {
    get() {
      try {
        return window.localStorage.getItem(key) || kept;
      } catch {
        return kept; // storage refused (a locked-down webview): keep it for this session
      }
    },
    set(token) {
      kept = token;
      try {
        window.localStorage.setItem(key, token);
      } catch {
        // as above
      }
    },
  };
}
