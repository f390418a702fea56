// The shapes the scoring core takes and gives. Both adapters (the exceljs report tool and
// the Office.js add-in) hand sheets in as plain 2-D arrays and render what comes out.
import { ClerkError } from './clerk-error.js';
import type { SealRow } from './seal.js';

/** A cell as both exceljs (flattened) and Office.js `values` give it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One worksheet as a 2-D array of values. `rows[0][0]` is the cell at `origin`. */
export interface SheetData {
  name: string;
  rows: CellValue[][];
  /** 1-based Excel row and column of rows[0][0]; default A1. */
  origin?: { row: number; col: number };
  /**
   * The sheet's merged areas, in absolute 1-based Excel coordinates. Readers give the value
   * at the top-left cell only, as Excel does; the core decides what a merge means (cells.ts).
   */
  merges?: MergeArea[];
}

/** A merged area, 1-based and inclusive: B3:D10 is { top: 3, left: 2, bottom: 10, right: 4 }. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An ISO calendar date, 'YYYY-MM-DD'. Plain dates avoid every time-zone trap. */
export type IsoDate = string;

export type Severity = 'error' | 'warning' | 'info';

/** Where a number or a problem came from: the sheet, the Excel row, the column header. */
export interface SourceRef {
  sheet: string;
  /** Excel row number (1-based), or null for a problem about a whole sheet. */
  row: number | null;
  /** The column's canonical header (e.g. 日期), or null. */
  column: string | null;
  /** A1-style address of the cell, where one cell is meant. */
  cell: string | null;
}

export interface Problem extends SourceRef {
  severity: Severity;
  /** Plain Chinese: what is wrong, e.g. 无法识别日期 "2026-13-01". */
  message: string;
  /** Plain Chinese: how to fix it. */
  fix: string;
  /**
   * A structure problem: a role's sheet missing, empty while another sheet for it has rows,
   * chosen between two, or unread for want of a header. Rows sit unread, so nothing goes
   * upward until it is fixed (upwardBlock); absent on every other problem.
   */
  structure?: true;
  /**
   * Only on the last line of a capped list ("…另有 N 个问题未列出"): the counts of every
   * problem of the reading, kept or not (problem-list.ts).
   */
  counts?: { error: number; warning: number; info: number; errorRows: number };
}

export type Level = 'normal' | 'reminder' | 'warning' | 'unqualified';

/** One line of the rules catalog: a rule code with one variant (情形). */
export interface Rule {
  code: string;
  category: string;
  norm: string;
  /** null where the rule has no variants. */
  variant: string | null;
  /** Magnitude of the points; null where the committee decides case by case (J2). */
  points: number | null;
  /** True for rewards (奖励分): they cancel points instead of adding them. */
  reward: boolean;
  /** 一次性记满: the balance becomes at least the points (12) and rewards cannot cancel it. */
  oneTimeFull: boolean;
  /** 需认定: counts only once the committee has verified it. */
  needsVerification: boolean;
  /** 警示: lists the member as 警示党员/警示对象. */
  warningList: boolean;
  /** 微心愿: scored once a year from the 微心愿 sheet, points per wish not completed. */
  yearly: boolean;
  /** Where the rule came from: null for the built-in catalog. */
  source: SourceRef | null;
}

export interface Settings {
  unitName: string;
  /** 卡片抬头: the words before 党员“十二分制” in every card title (机关, 街道…). */
  cardHeading: string;
  thresholds: { reminder: number; warning: number; unqualified: number };
  /** 'none' (不清零, the article's rule) or 'yearly' (每年). */
  reset: 'none' | 'yearly';
  /** 每年应认领微心愿数: the least number of wishes a member must claim; 0 = none. */
  requiredWishes: number;
  /** 上级党组织邮箱 */
  upwardEmail: string | null;
  /** 每月调整日: the day of the month the ranking is taken (25). */
  rankingDay: number;
  /** 末位人数 */
  bottomCount: number;
  /** 复核申请天数: days a member has to ask for review of a notice card. */
  reviewDays: number;
  /** 告知期限天数: days to give a counted entry's notice card. */
  noticeDays: number;
  /** 处置期限天数: days from an obligation's due date to its deadline. */
  handlingDays: number;
  /** 认定期限天数: days an entry may wait for verification before a warning. */
  verificationDays: number;
  /** 复核办结天数: days from a review application to its outcome. */
  reviewDecisionDays: number;
}

export type MemberStatus = 'active' | 'inactive';

export interface Member {
  /** 编号, or null where the roster has none. */
  id: string | null;
  name: string;
  branch: string;
  post: string;
  email: string;
  /** The status as typed (在册 when blank). */
  statusText: string;
  /** Only 在册 members are scored and ranked. */
  status: MemberStatus;
  source: SourceRef;
}

/** What the status column (and the rule) say, whatever the date. */
export type Verification = 'counts' | 'pending' | 'revoked';

/** How an entry stands at an as-of date: see `entryState`. */
export type EntryState =
  | 'counted' // applied to the balance
  | 'pending' // 待核实: listed, not counted
  | 'revoked' // 已撤销: kept for the record, never counted
  | 'future' // dated after the as-of date
  | 'inactive'; // the member is not 在册: kept, not scored

/** A ledger row (or a micro-wish shortfall) that passed validation. */
export interface Entry {
  /** Stable id: `${sheet}!${row}`. */
  key: string;
  source: SourceRef;
  date: IsoDate;
  member: Member;
  rule: Rule;
  /** Signed points as scored: positive adds, negative is a reward. */
  points: number;
  verification: Verification;
  /** The status as typed. */
  statusText: string;
  note: string;
  noticeDate: IsoDate | null;
  /** The variant as typed (情形), for the card. */
  variantText: string;
  /** 认定日期: when the committee verified it; null where not typed. */
  verifiedDate?: IsoDate | null;
  /** The review (复核) columns, where any of them is filled. */
  review?: EntryReview;
  /** Entries from a 会议签到 row: the name as typed and the column it was in. */
  attendance?: { name: string; column: string };
  /** Micro-wishes only: the year's figures. */
  wishes?: { year: number; claimed: number; completed: number; required: number };
}

export type ReviewOutcome = 'upheld' | 'revoked' | 'changed';

/** What the ledger's review columns say (复核申请日期, 复核结果, 复核日期). */
export interface EntryReview {
  applied: IsoDate | null;
  outcome: ReviewOutcome | null;
  /** The outcome as typed (维持 / 撤销 / 变更). */
  outcomeText: string;
  decided: IsoDate | null;
}

export interface Action {
  date: IsoDate;
  threshold: number;
  level: Exclude<Level, 'normal'>;
  /** 约谈提醒 / 约谈，列为警示党员 / 不合格党员处置（转化、劝退、除名） */
  action: string;
  /** Who acts: 党工委 / 单位主要负责人. */
  by: string;
  /** The entry that made the balance rise across the threshold. */
  entryKey: string;
}

/** One counted entry applied to a member's balance, in the order it was applied. */
export interface Step {
  entryKey: string;
  date: IsoDate;
  /** Signed points the entry asked for. */
  requested: number;
  /** Signed points actually applied (a reward cancels only what is there to cancel). */
  applied: number;
  before: number;
  after: number;
  /**
   * The action this step calls for: at most one, the highest threshold it rose across (one
   * entry, one action); empty when it crossed none.
   */
  actions: Action[];
  /** True when a yearly reset put the balance to 0 before this step. */
  resetBefore?: boolean;
}

export interface MemberResult {
  member: Member;
  balance: number;
  level: Level;
  /** Counted demerit points, summed (before cancellation). */
  demerits: number;
  /** Counted reward points, summed as typed (magnitude). */
  rewards: number;
  /** Reward points that really cancelled something. */
  cancelled: number;
  /** 可推荐评先评优: balance is 0. */
  awardEligible: boolean;
  /** 警示党员: level 警示 or higher, or a counted entry of a rule that lists. */
  warningListed: boolean;
  actions: Action[];
  steps: Step[];
  /** Every valid entry of this member, counted or not, in date order. */
  entries: Entry[];
  /** 1 = lowest balance; equal balances share a rank. */
  rank: number;
}

export interface RankingRow {
  rank: number;
  member: Member;
  balance: number;
  level: Level;
  /** 末位: among the last N with a balance above 0. */
  bottom: boolean;
  /** Listed as 警示党员 or 警示对象 on the ranking day; null where not listed. */
  warning: '警示党员' | '警示对象' | null;
}

export interface Ranking {
  month: string; // YYYY-MM
  asOf: IsoDate; // the ranking day of that month
  rows: RankingRow[];
  /** Talks due at the ranking date: reminder/warning levels and 末位. */
  talks: {
    member: Member;
    reason: 'reminder' | 'warning' | 'unqualified' | 'bottom';
    action: string;
    by: string;
    /** The day it fell due. */
    due: IsoDate;
    /** Not done and past its deadline on the ranking day (and not done by the print date). */
    overdue: boolean;
    /** The 处置记录 row that records it done, by the day the list is printed; null if not. */
    done: { date: IsoDate; by: string } | null;
  }[];
}

export interface QuarterRow {
  member: Member;
  /** Demerit points counted in the quarter. */
  demerits: number;
  /** Reward points counted in the quarter (magnitude as typed). */
  rewards: number;
  /** Reward points in the quarter that really cancelled something. */
  cancelled: number;
  balance: number;
  level: Level;
  /** Listed as 警示党员 or 警示对象 at the quarter's end; null where not listed. */
  warning: '警示党员' | '警示对象' | null;
  entries: Entry[];
}

export interface QuarterSummary {
  quarter: string; // 2026Q3
  start: IsoDate;
  end: IsoDate;
  rows: QuarterRow[];
  /**
   * The unit's own figures for the quarter (upward.ts): the one source of every count a view
   * prints of the quarter — the cards' totals and 季末等级, the mail's text, 单位数据, the county.
   */
  figures: OwnFigures;
  /** What the committee did about the quarter, at its end (domain.md, Reconciliation). */
  reconciliation: Reconciliation;
  /** The seal (seal.ts): every entry counted by the quarter's end, and one digest over them. */
  seal: { rows: SealRow[]; digest: string };
}

export interface Reconciliation {
  /** Entries counted in the quarter. */
  entries: number;
  /** Their notice cards, at quarter end: given, overdue, still within time. */
  cards: { given: number; overdue: number; open: number };
  /** Obligations that fell due in the quarter, and how they stood at its end. */
  obligations: {
    due: number;
    done: number;
    /** Not done by the deadline: still owed, or superseded only after its deadline had passed. */
    overdue: number;
    open: number;
    /** Superseded before its deadline: closed, not counted as overdue. */
    superseded: number;
  };
  /** Reviews asked for in the quarter, by outcome at its end (null: not decided). */
  reviews: { asked: number; upheld: number; revoked: number; changed: number; undecided: number };
  /** Rows of the workbook with an error, left out of every total (domain.md: stated upward). */
  leftOutRows: number;
}

export type ObligationKind = 'reminder' | 'warning' | 'unqualified' | 'bottom';
export type FollowState = 'done' | 'open' | 'overdue';
/** An obligation may also be closed as superseded (domain.md, Follow-through → Superseded). */
export type ObligationState = FollowState | 'superseded';

/** A record of the 处置记录 sheet: a talk or a handling done. */
export interface HandlingRecord {
  source: SourceRef;
  date: IsoDate;
  member: Member;
  kind: ObligationKind;
  /** 承办人 as typed; '' where blank. */
  by: string;
  result: string;
}

/** A talk or handling the committee owes a member (domain.md, Follow-through). */
export interface Obligation {
  member: Member;
  kind: ObligationKind;
  /** 约谈提醒 / 警示约谈 / 不合格处置 / 末位约谈 */
  label: string;
  /** Who acts: 党工委 / 单位主要负责人. */
  actor: string;
  due: IsoDate;
  deadline: IsoDate;
  state: ObligationState;
  /**
   * The day a higher talk (or the member's next 末位约谈) fell due while this one was not done:
   * from then on it is superseded, no longer to do. Null where nothing supersedes it.
   */
  supersededOn: IsoDate | null;
  /** The entry whose step crossed the threshold; null for 末位. */
  entryKey: string | null;
  /** The ranking month (YYYY-MM) for 末位. */
  month: string | null;
  /** The 处置记录 row that satisfied it. */
  record: HandlingRecord | null;
}

/** The notice card (告知卡) of one counted entry. */
export interface NoticeDue {
  entryKey: string;
  /** The card's number, as the card prints it. */
  number: string;
  source: SourceRef;
  member: Member;
  date: IsoDate;
  /** The day counting starts: 认定日期 where typed, else 日期. */
  from: IsoDate;
  deadline: IsoDate;
  given: IsoDate | null;
  state: FollowState;
}

export interface ReviewStatus {
  entryKey: string;
  source: SourceRef;
  member: Member;
  applied: IsoDate | null;
  /** Null while no outcome is reached at the as-of date. */
  outcome: ReviewOutcome | null;
  decided: IsoDate | null;
  state: 'open' | 'overdue' | 'decided';
  /** Applied after 告知日期 + 复核申请天数. */
  late: boolean;
}

export interface PendingEntry {
  entryKey: string;
  source: SourceRef;
  member: Member;
  date: IsoDate;
  /** Days waited at the as-of date. */
  days: number;
  /** Waited longer than 认定期限天数. */
  tooLong: boolean;
}

/** The unit-level figures a higher-level organisation consolidates (docs/upward.md). */
export type FigureKey =
  | 'activeMembers'
  | 'listedMembers'
  | 'countedEntries'
  | 'demerits'
  | 'rewards'
  | 'cancelled'
  | 'normal'
  | 'reminder'
  | 'warning'
  | 'unqualified'
  | 'talksDue'
  | 'talksDone'
  | 'talksOverdue'
  | 'cardsOverdue'
  | 'reviewsAsked'
  | 'reviewsRevoked'
  | 'reviewsChanged';

/** null: this version of the tool does not compute the figure (printed 未统计). */
export type UnitFigures = Record<FigureKey, number | null>;
/** A unit's figures as it computes them itself: every one counted. */
export type OwnFigures = Record<FigureKey, number>;

/** Everything parsed out of a workbook, before scoring. */
export interface ParsedWorkbook {
  settings: Settings;
  rules: Rule[];
  members: Member[];
  /** Valid ledger, 会议签到 and micro-wish rows (error rows are left out). */
  entries: Entry[];
  /** Valid rows of 处置记录, in date order. */
  records: HandlingRecord[];
  /** Each valid entry's notice card number (card-numbers.ts), by entry key. */
  cardNumbers: Record<string, string>;
  problems: Problem[];
  /** Which sheet names were found for each role (null: absent). */
  sheets: {
    roster: string | null;
    ledger: string | null;
    wishes: string | null;
    rules: string | null;
    settings: string | null;
    records: string | null;
    attendance: string | null;
  };
  /** Column letters of each read sheet by column key (noticeDate, status…; `first`). */
  columns: Record<string, Record<string, string>>;
}

export interface ScoreResult {
  asOf: IsoDate;
  settings: Settings;
  rules: Rule[];
  /** Scored (在册) members, in roster order. */
  members: MemberResult[];
  /** Members who are not 在册: history kept, not scored. */
  inactive: Member[];
  /** Every valid entry, in date order. */
  entries: Entry[];
  /** Talks and handling due, in due-date order (domain.md, Follow-through). */
  obligations: Obligation[];
  /** One per counted entry, in entry order. */
  notices: NoticeDue[];
  /** Each valid entry's notice card number (〔2026〕0001号), by entry key: the one numbering. */
  cardNumbers: Record<string, string>;
  /** Every entry with a review applied for or decided by the as-of date. */
  reviews: ReviewStatus[];
  /** Entries waiting for verification (待核实), dated by the as-of date. */
  pending: PendingEntry[];
  /** The parse's problems, then those of the as-of date (overdue reviews, unmatched records…). */
  problems: Problem[];
  sheets: ParsedWorkbook['sheets'];
  columns: ParsedWorkbook['columns'];
}

/** Thrown only for a workbook that cannot be used at all (no roster, no ledger). */
export class UnusableWorkbookError extends ClerkError {
  constructor(message: string) {
    super(message, 'input');
    this.name = 'UnusableWorkbookError';
  }
}
