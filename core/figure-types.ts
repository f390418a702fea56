// The unit-level figures a unit computes and a higher-level organisation consolidates: one
// name per figure, so the mail, 单位数据 and the county table count the same thing.

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
