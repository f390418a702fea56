// The scoring core: pure TypeScript, no I/O. The report tool and the add-in both call this.
export * from './input-types.js';
export * from './problem-types.js';
export * from './workbook-types.js';
export * from './result-types.js';
export * from './figure-types.js';
export * from './clerk-error.js';
export { parseWorkbook, type ParseOptions } from './parse.js';
export { score, scoreWorkbook, entryState, assignRanks } from './score.js';
export { monthlyRanking, rankingDate } from './ranking.js';
export { quarterlySummary } from './quarter.js';
export { upwardBlock } from './upward-block.js';
export { problemCounts, MAX_PROBLEMS, type ProblemCounts } from './problem-list.js';
export {
  canonicalCell,
  canonicalData,
  canonicalRows,
  metaRows,
  DETAIL_HEADER,
  FIGURES,
  FIGURE_HEADER,
  META_LABELS,
  NOT_COUNTED,
  SUMMARY_HEADER as UPWARD_SUMMARY_HEADER,
  TOTAL_LABEL,
  UPWARD_FORMAT_VERSION,
  UPWARD_SHEETS,
  upwardTables,
  READABLE_FORMATS,
  SEAL_DIGEST_LABEL,
  SEAL_HEADER,
  sealCells,
  unitFigures,
  type MetaKey,
  type UpwardCell,
  type UpwardIdentity,
  type UpwardMeta,
  type UpwardTable,
} from './upward.js';
export {
  consolidate,
  readSubmission,
  sealTrouble,
  unitList,
  type Candidate,
  type Consolidation,
  type CountyNote,
  type CountyUnit,
  type ReadSubmission,
  type Submission,
} from './county.js';
export {
  countyView,
  figureText,
  COUNTY_COLUMNS,
  COUNTY_TITLE,
  type CountyView,
  type CountyViewOptions,
} from './county-view.js';
export { BUILTIN_RULES, RuleIndex } from './catalog.js';
export {
  futureRankingLine,
  monthLabel,
  printPeriods,
  quarterLabel,
  unfinishedQuarterLine,
  type PrintPeriods,
} from './periods.js';
export { DEFAULT_SETTINGS, SETTING_ROWS } from './settings.js';
export { LEVEL_LABELS, ACTIONS, BOTTOM_TALK, levelOf, levelCounts } from './levels.js';
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
export {
  todoItems,
  todoRows,
  todoLine,
  TODO_SHEET,
  TODO_HEADER,
  type TodoItem,
  type TodoKind,
} from './todo.js';
export { BLANK_LOOK, blankWorkbook, type BlankSheet, type DropdownSpec } from './blank.js';
export {
  SHEET_NAMES,
  OUTPUT_SHEETS,
  WORKBOOK_LAYOUT,
  dropdownAlert,
  type ColumnLayout,
  type ColumnSpec,
  type DropdownSource,
  type SheetLayout,
  type SheetRole,
} from './layout.js';
export { describeRule, STATUS_CHOICES, REVIEW_CHOICES } from './ledger.js';
export { KIND_LABELS, KIND_CHOICES, parseKind } from './records.js';
export { countsAt, revokedOnReview } from './entry-state.js';
export {
  parseDate,
  parseIsoArg,
  futureDateProblem,
  parseMonth,
  quarterRange,
  todayIso,
  chineseDate,
  excelSerialToIso,
  isoToExcelSerial,
  addDays,
  daysBetween,
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
export { cardNumbers } from './card-numbers.js';
export {
  signed,
  typographicQuotes,
  DOCUMENT_NAMES,
  documentTitle,
  schemeName,
  type MemberView,
} from './card-text.js';
export {
  noticeCards,
  type NoticeCard,
  type NoticeCardView,
  type NoticeOptions,
} from './notice-cards.js';
export { quarterlyView, type QuarterlyView, type QuarterlyVersion } from './quarterly-view.js';
export { rankingView, type RankingView } from './ranking-view.js';
export { obligationStateText } from './obligations.js';
export {
  compareSeals,
  correctionOf,
  lookupSeal,
  lookupText,
  parseSealCode,
  sealCode,
  sealDigest,
  sealedEntries,
  sealLine,
  sealLines,
  sealPlace,
  sealRow,
  sealRows,
  sealBroken,
  verifySeal,
  type Sha256Hex,
  verifySealRows,
  verificationLines,
  verificationSummary,
  noSealReportText,
  SEAL_KIND_LABELS,
  STATUS_TEXT as SEAL_STATUS_TEXT,
  type SealChange,
  type SealComparison,
  type SealKind,
  type SealLookup,
  type SealRow,
  type SealReport,
  type SealVerification,
  type VerifiedChange,
} from './seal.js';
