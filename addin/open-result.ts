/// <reference types="office-js" />
// Opening a job's PDF or .eml the way each Excel allows. Task panes on Windows and Mac are
// webviews that cannot save or show a download (Microsoft: "Directly downloading blobs as PDF
// files in an add-in isn't supported with EdgeHTML or WebView2"); where OpenBrowserWindowApi 1.1
// is supported (Microsoft 365 and retail Office on Windows from 1810, Office 2021, Mac, iPad)
// the file opens in the system browser. Excel on the web runs the pane in the clerk's own
// browser, so a plain link opens a new tab. Anywhere else (volume-licensed Office 2016/2019,
// whose panes are Trident or EdgeHTML) the pane shows the address to open in a browser.
// The url is always the server's own https address for the file, never a blob: or data: URL.

export type OpenWay = 'browser-window' | 'new-tab' | 'copy-address';

export function openWay(office: typeof Office | undefined): OpenWay {
  const context = office && office.context;
  if (!context) return 'copy-address';
  const requirements = context.requirements;
  if (
    requirements &&
    typeof requirements.isSetSupported === 'function' &&
    requirements.isSetSupported('OpenBrowserWindowApi', '1.1') &&
    context.ui &&
    typeof context.ui.openBrowserWindow === 'function'
  )
    return 'browser-window';
  return office.PlatformType && context.platform === office.PlatformType.OfficeOnline
    ? 'new-tab'
    : 'copy-address';
}

/** What the pane says under the list of files, for the way this Excel opens them. */
export const OPEN_HINTS: Record<OpenWay, string> = {
  'browser-window': '点击文件名，在浏览器中打开，可在浏览器中打印或另存。',
  'new-tab': '点击文件名，在浏览器新标签页中打开，可在那里打印或另存。',
  'copy-address': '此版本的 Excel 不能直接打开文件：请复制文件下方的地址，粘贴到浏览器中打开。',
};

/** Opens `url` outside the pane; false where this Excel cannot (the caller leaves the link be). */
export function openOutside(office: typeof Office | undefined, url: string): boolean {
  if (openWay(office) !== 'browser-window') return false;
  office!.context.ui.openBrowserWindow(url);
  return true;
}
