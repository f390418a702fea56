// The scoring core: pure TypeScript, no I/O. The report tool and the add-in both call this.
export * from './types.js';
export { parseWorkbook } from './parse.js';
export { score, scoreWorkbook, entryState, assignRanks } from './score.js';
export { monthlyRanking, rankingDate } from './ranking.js';
export { quarterlySummary } from './quarter.js';
export { BUILTIN_RULES, RuleIndex } from './catalog.js';
export { DEFAULT_SETTINGS, SETTING_ROWS } from './settings.js';
export { LEVEL_LABELS, ACTIONS, BOTTOM_TALK, levelOf } from './levels.js';
export { warningLabel, warningAfterSteps, type WarningLabel } from './warning.js';
export {
  summaryRows,
  problemRows,
  problemLine,
  SUMMARY_SHEET,
  PROBLEMS_SHEET,
  SUMMARY_HEADER,
  PROBLEMS_HEADER,
  SEVERITY_LABELS,
} from './tables.js';
export { blankWorkbook, type BlankSheet, type DropdownSpec } from './blank.js';
export { SHEET_NAMES, OUTPUT_SHEETS } from './sheets.js';
export { describeRule, STATUS_CHOICES } from './ledger.js';
export {
  parseDate,
  parseIsoArg,
  parseMonth,
  quarterRange,
  todayIso,
  chineseDate,
  excelSerialToIso,
  isoToExcelSerial,
  addDays,
} from './dates.js';
export { cellText, normalize } from './text.js';
export {
  cellValue,
  isDateFormat,
  serialToDate,
  fillMerges,
  parseRangeRef,
  columnNumber,
} from './cells.js';
export {
  noticeCards,
  cardNumber,
  quarterlyView,
  rankingView,
  signed,
  typographicQuotes,
  REWARD_NOTICE_TITLE,
  NOTICE_TITLE,
  QUARTERLY_TITLE,
  RANKING_TITLE,
  type NoticeCard,
  type NoticeCardView,
  type NoticeOptions,
  type QuarterlyView,
  type QuarterlyVersion,
  type RankingView,
  type MemberView,
} from './cards.js';
