// The notice cards (告知卡) of counted entries, and of entries withdrawn on review, as plain
// view-models for the Handlebars templates: every figure is the core's, none counted here.
import type { IsoDate } from './input-types.js';
import type { MemberResult, ScoreResult, Step } from './result-types.js';
import type { Entry, Settings } from './workbook-types.js';
import { LEVEL_LABELS, levelOf } from './levels.js';
import { chineseDate } from './dates.js';
import { entryState } from './score.js';
import { warningAfterSteps } from './warning.js';
import { revokedOnReview } from './entry-state.js';
import { sealCode } from './seal.js';
import {
  documentTitle,
  memberView,
  signed,
  typographicQuotes,
  unitName,
  wishFacts,
  type MemberView,
} from './card-text.js';

export interface NoticeCardView {
  title: string;
  unit: string;
  /** 告知卡编号, stable across re-runs: see `cardNumber`. */
  number: string;
  issueDate: string;
  member: MemberView;
  entry: {
    date: string;
    code: string;
    category: string;
    norm: string;
    variant: string;
    facts: string;
    /** 记分方式: 经党工委认定, 即时记分 or 年度记分, from the rule; never the raw cell. */
    status: string;
  };
  reward: boolean;
  /** The points' size ("6", or "2" for a reward): the label says which way they go. */
  points: string;
  /** What the entry did to the balance, in words. */
  effect: string;
  before: number;
  after: number;
  /**
   * The level just after this entry (or its withdrawal), never the print date's: the card
   * records one entry, so it names its own day — 记分后等级 / 奖励后等级 / 撤销后等级.
   */
  levelHeading: string;
  level: string;
  /** The day `level` held from: the entry's date, or the review decision's for a withdrawal. */
  levelDate: string;
  /** 警示党员 / 警示对象 after this entry, or ''. */
  warning: string;
  /** The actions the core says this entry calls for; empty when none. */
  actions: { threshold: number; action: string; by: string; text: string }[];
  awardEligible: boolean;
  awardText: string;
  reviewDays: number;
  reviewText: string;
  /** The review of this entry, where one was asked for: what was asked and what came of it. */
  review: { text: string } | null;
  /** 撤销 on review: the card tells the member the points are withdrawn and the new balance. */
  withdrawn: boolean;
  /** Where the card came from: sheet and row, for the clerk. */
  source: string;
  /** The entry's 校验码 (seal.ts), printed beside the member's signature: the receipt. */
  sealCode: string;
}

/** A notice card together with what names its file. */
export interface NoticeCard {
  view: NoticeCardView;
  entryKey: string;
  memberId: string;
  memberName: string;
  date: IsoDate;
  /** The ledger row (or 微心愿 row), as part of the file name. */
  row: string;
}

export interface NoticeOptions {
  since?: IsoDate | null;
  until?: IsoDate | null;
}

/**
 * One notice card per counted entry in [since, until], in date order then row order; and one
 * for each entry withdrawn on review by the as-of date, printed again to tell the member.
 */
export function noticeCards(result: ScoreResult, options: NoticeOptions = {}): NoticeCard[] {
  const { since = null, until = null } = options;
  const cards: NoticeCard[] = [];
  const byMember = new Map(result.members.map((m) => [m.member, m]));
  for (const entry of result.entries) {
    const state = entryState(entry, result.asOf);
    const withdrawn = state === 'revoked' && revokedOnReview(entry, result.asOf);
    if (state !== 'counted' && !withdrawn) continue;
    if (since !== null && entry.date < since) continue;
    if (until !== null && entry.date > until) continue;
    const member = byMember.get(entry.member);
    if (!member) continue;
    const step = withdrawn
      ? withdrawnStep(entry, member)
      : member.steps.find((s) => s.entryKey === entry.key);
    if (!step) continue;
    cards.push(noticeCard(entry, step, member, result, withdrawn));
  }
  return cards;
}

/** The balance once the entry is withdrawn: as it stood on the day of the review decision. */
function withdrawnStep(entry: Entry, member: MemberResult): Step {
  const decided = entry.review?.decided ?? null;
  let after = member.balance;
  if (decided !== null) {
    after = 0;
    for (const s of member.steps) if (s.date <= decided) after = s.after;
  }
  return {
    entryKey: entry.key,
    date: entry.date,
    requested: entry.points,
    applied: 0,
    before: after,
    after,
    actions: [],
  };
}

const OUTCOME_TEXT = { upheld: '维持原记分', changed: '变更', revoked: '撤销本次记分' } as const;

/** What the card says of the entry's review at the as-of date; null where none was asked. */
function reviewLine(entry: Entry, step: Step, asOf: IsoDate, withdrawn: boolean): string | null {
  const r = entry.review;
  if (!r || (r.applied !== null && r.applied > asOf)) return null;
  const asked = r.applied ? `本人于${chineseDate(r.applied)}申请复核` : '本人申请复核';
  const decidedBy = r.outcome !== null && (r.decided === null || r.decided <= asOf);
  if (!decidedBy) return `${asked}，复核期间本次记分照常有效（复核中）。`;
  const when = r.decided ? `党工委于${chineseDate(r.decided)}作出复核决定` : '党工委已作出复核决定';
  if (withdrawn)
    return `${asked}，${when}：${OUTCOME_TEXT.revoked}，原记 ${signed(entry.points)} 分不再计入，撤销后积分为 ${step.after} 分。`;
  if (r.outcome === 'changed')
    return `${asked}，${when}：${OUTCOME_TEXT.changed}，本卡按变更后的情形和分值记分（经复核变更）。`;
  return `${asked}，${when}：${OUTCOME_TEXT.upheld}。`;
}

function noticeCard(
  entry: Entry,
  step: Step,
  member: MemberResult,
  result: ScoreResult,
  withdrawn = false,
): NoticeCard {
  const settings = result.settings;
  const reward = entry.points < 0;
  const afterLevel = levelOf(step.after, settings.thresholds);
  const floor = fullFloorAt(member, step, settings);
  const isWish = result.sheets.wishes !== null && entry.source.sheet === result.sheets.wishes;
  const view: NoticeCardView = {
    title: documentTitle(settings, reward ? 'reward' : 'notice'),
    unit: unitName(settings),
    number: result.cardNumbers[entry.key],
    // A card printed again to tell the outcome of a review is dated on that decision.
    issueDate: chineseDate(
      (withdrawn ? entry.review?.decided : entry.noticeDate) ?? entry.noticeDate ?? result.asOf,
    ),
    member: memberView(member.member),
    entry: {
      date: chineseDate(entry.date),
      code: entry.rule.code,
      category: entry.rule.category,
      norm: typographicQuotes(entry.rule.norm),
      variant: entry.variantText || entry.rule.variant || '—',
      facts: entry.note || wishFacts(entry) || '—',
      status: withdrawn ? '经复核撤销' : reviewStatus(entry, result.asOf) || statusLabel(entry),
    },
    reward,
    points: String(Math.abs(entry.points)),
    effect: withdrawn
      ? `经复核撤销，本次记分不再计入，撤销后积分为 ${step.after} 分。`
      : effectText(entry, step, floor),
    before: step.before,
    after: step.after,
    levelHeading: withdrawn ? '撤销后等级' : reward ? '奖励后等级' : '记分后等级',
    level: LEVEL_LABELS[afterLevel],
    levelDate: chineseDate(withdrawn ? (entry.review?.decided ?? result.asOf) : entry.date),
    warning: warningAfterSteps(member, settings.thresholds).get(step.entryKey) ?? '',
    actions: step.actions.map((a) => ({
      threshold: a.threshold,
      action: a.action,
      by: a.by,
      text: `积分达到 ${a.threshold} 分：${a.action}，由${a.by}负责。`,
    })),
    awardEligible: step.after === 0,
    awardText: awardText(step, floor),
    reviewDays: settings.reviewDays,
    reviewText: withdrawn
      ? '本卡告知复核结果，原告知卡所记分数作废。'
      : `如对本次记分有异议，可自收到本卡之日起 ${settings.reviewDays} 日内向党工委书面申请复核；逾期未申请的，视为无异议。`,
    review: ((text) => (text === null ? null : { text }))(
      reviewLine(entry, step, result.asOf, withdrawn),
    ),
    withdrawn,
    source: `${entry.source.sheet} 第${entry.source.row ?? ''}行`,
    sealCode: sealCode(settings.unitName, entry),
  };
  return {
    view,
    entryKey: entry.key,
    memberId: member.member.id ?? '',
    memberName: member.member.name,
    date: entry.date,
    row: `${isWish ? '微心愿' : ''}${entry.source.row ?? 0}`,
  };
}

/** 复核中 while a review is open, 经复核变更 / 经复核维持 once decided; '' where none. */
function reviewStatus(entry: Entry, asOf: IsoDate): string {
  const r = entry.review;
  if (!r || (r.applied !== null && r.applied > asOf)) return '';
  if (r.outcome === null || (r.decided !== null && r.decided > asOf)) return '复核中';
  return r.outcome === 'changed' ? '经复核变更' : r.outcome === 'upheld' ? '经复核维持' : '';
}

/**
 * How the entry came to count, from its rule (domain.md "When an entry counts"). Only counted
 * entries get a card, so a rule that needs verification has been verified; the clerk's own
 * word for it (认定, 属实…) is not repeated.
 */
function statusLabel(entry: Entry): string {
  if (entry.rule.yearly) return '年度记分';
  return entry.rule.needsVerification ? '经党工委认定' : '即时记分';
}

/**
 * The points after this step that rewards cannot cancel: those of a one-time-full rule
 * (R1–R3), counted since the last yearly reset. 0 where there are none.
 */
function fullFloorAt(member: MemberResult, step: Step, settings: Settings): number {
  const byKey = new Map(member.entries.map((e) => [e.key, e]));
  let floor = 0;
  for (const s of member.steps) {
    if (s.resetBefore) floor = 0;
    const e = byKey.get(s.entryKey);
    if (e && e.rule.oneTimeFull && e.points >= 0)
      floor = Math.max(floor, e.points, settings.thresholds.unqualified);
    if (s === step) break;
  }
  return floor;
}

function effectText(entry: Entry, step: Step, floor: number): string {
  if (entry.points >= 0) {
    if (entry.rule.oneTimeFull)
      return `一次性记满，积分由 ${step.before} 分变为 ${step.after} 分，这部分分数不能以奖励分销除。`;
    return `记 ${entry.points} 分，积分由 ${step.before} 分变为 ${step.after} 分。`;
  }
  const cancelled = -step.applied;
  const asked = -entry.points;
  // Why the rest cancelled nothing: no points at all, or only one-time-full points left.
  const why =
    step.after > 0 && step.after <= floor
      ? `现有 ${step.after} 分为一次性记满的分数，不能以奖励分销除`
      : '无可销除的记分，奖励分不结转';
  if (cancelled === 0) return `奖励 ${asked} 分；${why}，积分仍为 ${step.after} 分。`;
  const rest = cancelled < asked ? `；其余 ${asked - cancelled} 分${why}` : '';
  return `奖励 ${asked} 分，销除已有记分 ${cancelled} 分${rest}，积分由 ${step.before} 分变为 ${step.after} 分。`;
}

/** 评先评优 after this step, with the reason a clerk would give the member. */
function awardText(step: Step, floor: number): string {
  if (step.after === 0)
    return step.applied < 0
      ? '记分已全部销除，可作为各类评先评优的推荐人选。'
      : '目前没有记分，可作为各类评先评优的推荐人选。';
  if (step.after <= floor)
    return `积分中有一次性记满的 ${floor} 分，不能以奖励分销除，不能作为各类评先评优的推荐人选。`;
  return '尚未完成“销分”（积分高于 0 分），不能作为各类评先评优的推荐人选。';
}
