// What scoring gives for one as-of date: balances and steps, levels, obligations, notices,
// reviews, the ranking and the quarter, in one result every view reads.
import type { OwnFigures } from './figure-types.js';
import type { IsoDate } from './input-types.js';
import type { Problem, SourceRef } from './problem-types.js';
import type {
  Entry,
  HandlingRecord,
  Member,
  ObligationKind,
  ParsedWorkbook,
  ReviewOutcome,
  Rule,
  Settings,
} from './workbook-types.js';
import type { SealRow } from './seal.js';

export type Level = 'normal' | 'reminder' | 'warning' | 'unqualified';

/** How an entry stands at an as-of date: see `entryState`. */
export type EntryState =
  | 'counted' // applied to the balance
  | 'pending' // 待核实: listed, not counted
  | 'revoked' // 已撤销: kept for the record, never counted
  | 'future' // dated after the as-of date
  | 'inactive'; // the member is not 在册: kept, not scored

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

export type FollowState = 'done' | 'open' | 'overdue';
/** An obligation may also be closed as superseded (domain.md, Follow-through → Superseded). */
export type ObligationState = FollowState | 'superseded';

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
