// What the parse makes of a workbook: settings, rules, members, entries and handling records,
// before any arithmetic.
import type { IsoDate } from './input-types.js';
import type { Problem, SourceRef } from './problem-types.js';

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

/** The four talks and handlings, as the 处置 column names them and the scorer owes them. */
export type ObligationKind = 'reminder' | 'warning' | 'unqualified' | 'bottom';

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
