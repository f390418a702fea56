// The monthly 积分榜单 as a plain view-model: the ranking day's order, 末位 marked, and the
// talks due with how each stands.
import type { IsoDate } from './input-types.js';
import type { Ranking } from './result-types.js';
import type { Settings } from './workbook-types.js';
import { LEVEL_LABELS } from './levels.js';
import { chineseDate } from './dates.js';
import { documentTitle, memberView, unitName, type MemberView } from './card-text.js';

export interface RankingView {
  title: string;
  unit: string;
  month: string;
  asOf: string;
  bottomCount: number;
  rows: {
    rank: number;
    member: MemberView;
    balance: number;
    level: string;
    /** 警示党员 / 警示对象 on the ranking day, or ''. */
    warning: string;
    bottom: boolean;
  }[];
  talks: { member: MemberView; reason: string; action: string; by: string; done: string }[];
  noTalks: boolean;
}

const TALK_REASONS: Record<Exclude<Ranking['talks'][number]['reason'], 'bottom'>, string> = {
  reminder: '达提醒分值',
  warning: '达警示分值',
  unqualified: '积分记满',
};

/** A day as the talk list prints it: the year only where it is not the list's. */
function shortDate(date: IsoDate, listYear: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y === listYear ? '' : `${y}年`}${m}月${d}日`;
}

/** 事由 of a talk on the list, short enough for its column (a 末位 names its month). */
function talkReason(t: Ranking['talks'][number], listYear: number): string {
  if (t.reason !== 'bottom') return TALK_REASONS[t.reason];
  const [y, m] = t.due.split('-').map(Number);
  return `${y === listYear ? '' : `${y}年`}${m}月末位`;
}

/** 办理情况: done with the day and who, or not done with the day it fell due. */
function talkState(t: Ranking['talks'][number], listYear: number): string {
  if (t.done) return `已办 ${chineseDate(t.done.date)}${t.done.by ? `（${t.done.by}）` : ''}`;
  return `${t.overdue ? '逾期未办' : '未办'}（${shortDate(t.due, listYear)}起应办）`;
}

/** The monthly 榜单 as of the ranking day, 末位 marked, and the talks due. */
export function rankingView(ranking: Ranking, settings: Settings): RankingView {
  const [year, month] = ranking.month.split('-').map(Number);
  return {
    title: documentTitle(settings, 'ranking'),
    unit: unitName(settings),
    month: `${year}年${month}月`,
    asOf: chineseDate(ranking.asOf),
    bottomCount: settings.bottomCount,
    rows: ranking.rows.map((r) => ({
      rank: r.rank,
      member: memberView(r.member),
      balance: r.balance,
      level: LEVEL_LABELS[r.level],
      warning: r.warning ?? '',
      bottom: r.bottom,
    })),
    talks: ranking.talks.map((t) => ({
      member: memberView(t.member),
      reason: talkReason(t, year),
      action: t.action,
      by: t.by,
      done: talkState(t, year),
    })),
    noTalks: ranking.talks.length === 0,
  };
}
