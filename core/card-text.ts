// The words every printed document shares: its title after the scheme's name, the unit, a
// member's line, a rule and its points as printed. Pure, like every view-model of the core.
import type { Entry, Settings } from './workbook-types.js';

/** The documents' names after the scheme's: every title is 卡片抬头 + 党员“十二分制” + one. */
export const DOCUMENT_NAMES = {
  notice: '记分告知卡',
  reward: '奖励分告知卡',
  quarterly: '记分汇总公示卡',
  ranking: '积分榜单',
  summary: '记分汇总',
} as const;

/** 机关党员“十二分制”, with the unit's 卡片抬头 (设置; default 机关). */
export function schemeName(settings: Settings): string {
  return `${settings.cardHeading}党员“十二分制”`;
}

/** A document's title as every view prints it (cards, previews, mail, .xlsx). */
export function documentTitle(settings: Settings, doc: keyof typeof DOCUMENT_NAMES): string {
  return `${schemeName(settings)}${DOCUMENT_NAMES[doc]}`;
}

export interface MemberView {
  id: string;
  name: string;
  branch: string;
  post: string;
}

/** A member as the cards print one: a dash where the roster leaves a cell blank. */
export function memberView(m: {
  id: string | null;
  name: string;
  branch: string;
  post: string;
}): MemberView {
  return { id: m.id ?? '', name: m.name, branch: m.branch || '—', post: m.post || '—' };
}

/** The unit as the cards name it: 设置's 单位名称, or 党工委. */
export function unitName(settings: Settings): string {
  return settings.unitName || '党工委';
}

/** The rule of an entry as printed: its norm, and its variant in brackets. */
export function ruleText(e: Entry): string {
  const variant = e.variantText || e.rule.variant;
  return `${typographicQuotes(e.rule.norm)}${variant ? `（${variant}）` : ''}`;
}

/** +6 / −2: the sign always shown, with a true minus sign as printed documents use. */
export function signed(points: number): string {
  return points < 0 ? `−${-points}` : `+${points}`;
}

/**
 * Straight double quotes in catalog text ('年度"微心愿"认领兑现') as the paired curly quotes
 * printed documents use, so that a card never mixes the two.
 */
export function typographicQuotes(text: string): string {
  let opening = true;
  return text.replace(/"/g, () => {
    const quote = opening ? '“' : '”';
    opening = !opening;
    return quote;
  });
}

/** The facts of a micro-wish entry: what was claimed and completed that year. */
export function wishFacts(entry: Entry): string {
  const w = entry.wishes;
  if (!w) return '';
  return `${w.year}年度认领“微心愿”${w.claimed}个（应认领不少于${w.required}个），完成${w.completed}个。`;
}
