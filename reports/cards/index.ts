// The card printer's public face for other parts of the report tool (e.g. the quarterly mail).
export {
  openCardSession,
  renderQuarterly,
  renderRanking,
  type CardSession,
  type QuarterlyOptions,
  type RankingOptions,
  type SessionOptions,
} from './session.js';
export { renderNotices, DEFAULT_BATCH_SIZE, type RenderedNotice } from './notice-batch.js';
export { writeNotices, mergedNoticeName, NOTICE_DIR } from './write-notices.js';
export { noticeFileName, safePart, writeFileAtomic } from './files.js';
export {
  compileTemplates,
  TemplateError,
  type CardTemplates,
  type CardKind,
} from '../../render/card-html.js';
export { loadTemplates, readTemplateSources } from './template-folder.js';
export { BrowserLaunchError, BrowserNotFoundError, findBrowser, launchBrowser } from './browser.js';
export { MissingFontError, checkFonts } from './fonts.js';
export { asUsageErrors } from './errors.js';
