// What a scoring run shows, in the pane and on the web page alike: the overview, who needs a
// talk or another action, and the problems with their sheet, row and column.
import {
  LEVEL_LABELS,
  levelCounts,
  problemLine,
  type Level,
  type MemberResult,
  type Problem,
  type ScoreResult,
} from '../core/index.js';
import { element, fill } from './dom.js';

/** Lists stay short on screen; the sheets or the CLI give everything. */
export const MAX_ITEMS = 200;

/** The overview as label and value pairs. */
export function overview(result: ScoreResult): [string, string][] {
  const counts = levelCounts(result.members);
  const levels = (Object.keys(LEVEL_LABELS) as Level[]).map(
    (l) => `${LEVEL_LABELS[l]} ${counts[l]}`,
  );
  const count = (s: Problem['severity']) => result.problems.filter((p) => p.severity === s).length;
  return [
    ['计算日期', result.asOf],
    ['在册党员', `${result.members.length} 名`],
    ['等级', levels.join('，')],
    ['需要约谈', `${talksDue(result).length} 名`],
    ['问题', `错误 ${count('error')} 条，提醒 ${count('warning')} 条`],
  ];
}

/** Members above 正常, highest balance first. */
export function talksDue(result: ScoreResult): MemberResult[] {
  return result.members
    .filter((m) => m.level !== 'normal')
    .sort((a, b) => b.balance - a.balance || a.rank - b.rank);
}

export function renderOverview(dl: HTMLElement, result: ScoreResult): void {
  const doc = dl.ownerDocument;
  fill(
    dl,
    overview(result).flatMap(([k, v]) => [element(doc, 'dt', k), element(doc, 'dd', v)]),
  );
}

/**
 * One line per member who needs a talk: name (a link to their card where `preview` is given),
 * level, and the latest action with who holds it. `more` says where the rest are.
 */
export function renderTalks(
  ul: HTMLElement,
  result: ScoreResult,
  preview: ((member: MemberResult['member']) => void) | null,
  more: string,
): number {
  const doc = ul.ownerDocument;
  const talks = talksDue(result);
  const items = talks.slice(0, MAX_ITEMS).map((m) => {
    const last = m.actions[m.actions.length - 1];
    const li = element(doc, 'li');
    const label = `${m.member.name}（${m.member.branch || '未填支部'}）${m.balance} 分 `;
    const who = element(doc, 'span');
    if (preview) {
      // Everyone here has counted entries, so everyone has a card to preview.
      const link = element(doc, 'a', label, 'preview-link');
      link.href = '#';
      link.title = '预览记分告知卡';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        preview(m.member);
      });
      who.appendChild(link);
    } else {
      who.textContent = label;
    }
    li.appendChild(who);
    li.appendChild(element(doc, 'span', LEVEL_LABELS[m.level], `level-${m.level}`));
    li.appendChild(element(doc, 'span', last ? `：${last.action}（${last.by}）` : ''));
    return li;
  });
  if (talks.length > MAX_ITEMS)
    items.push(element(doc, 'li', `还有 ${talks.length - MAX_ITEMS} 名，${more}`, 'more'));
  fill(ul, items);
  return talks.length;
}

/** The problems, each as problemLine says it; `open` makes each a link (the pane selects the cell). */
export function renderProblems(
  ol: HTMLElement,
  problems: readonly Problem[],
  open: ((problem: Problem) => void) | null,
  more: string,
): number {
  const doc = ol.ownerDocument;
  const items: HTMLElement[] = problems.slice(0, MAX_ITEMS).map((p) => {
    const li = element(doc, 'li', '', p.severity);
    if (open) {
      const link = element(doc, 'a', problemLine(p));
      link.href = '#';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        open(p);
      });
      li.appendChild(link);
    } else {
      li.textContent = problemLine(p);
    }
    return li;
  });
  if (problems.length > MAX_ITEMS)
    items.push(element(doc, 'li', `还有 ${problems.length - MAX_ITEMS} 条，${more}`, 'more'));
  fill(ol, items);
  return problems.length;
}
