// The notice-card preview: each member's latest notice card (《记分告知卡》), rendered from the
// same Handlebars templates and view-models the PDF cards use, so the pane and the web page show
// exactly what `twelve notices` prints. No Node here: the template sources come bundled as text.
import { noticeCards, type Member, type NoticeCard, type ScoreResult } from '../core/index.js';
import { compileTemplates, type CardTemplates, type TemplateSources } from '../render/card-html.js';

/** Turns a notice card into a whole HTML document. */
export type NoticeRenderer = (card: NoticeCard) => string;

/**
 * Compiles the templates on first use: most sessions never open a preview. Given the sources
 * (the pane), or a function that makes the set (the web page: precompiled, as its CSP has no
 * eval).
 */
export function noticeRenderer(sources: TemplateSources | (() => CardTemplates)): NoticeRenderer {
  let templates: CardTemplates | null = null;
  return (card) => {
    templates ??= typeof sources === 'function' ? sources() : compileTemplates(sources);
    return templates.document([templates.card('notice', card.view)]);
  };
}

export interface MemberCard {
  member: Member;
  balance: number;
  /** The member's latest counted entry as a notice card. */
  card: NoticeCard;
}

export interface NoticePreviews {
  /** Members with at least one counted entry, in the result's order, each with the latest card. */
  latest: MemberCard[];
  /** Every card by the entry it is for (a talk previews the card of the entry that caused it). */
  byEntry: Map<string, MemberCard>;
}

export function noticePreviews(result: ScoreResult): NoticePreviews {
  const memberOf = new Map(result.members.map((m) => [m.member, m]));
  const entryMember = new Map(result.entries.map((e) => [e.key, e.member]));
  const latest = new Map<Member, NoticeCard>();
  const byEntry = new Map<string, MemberCard>();
  // noticeCards lists cards in date order, then row order: the last one seen is the latest.
  for (const card of noticeCards(result)) {
    const member = memberOf.get(entryMember.get(card.entryKey)!);
    if (!member) continue;
    latest.set(member.member, card);
    byEntry.set(card.entryKey, { member: member.member, balance: member.balance, card });
  }
  return {
    latest: result.members
      .filter((m) => latest.has(m.member))
      .map((m) => ({ member: m.member, balance: m.balance, card: latest.get(m.member)! })),
    byEntry,
  };
}
