// What a scoring run shows, in the pane and on the web page alike: the overview, who is owed a
// talk or handling (the core's open obligations, as 待办 lists them), and the problems with
// their sheet, row and column.
import {
  LEVEL_LABELS,
  levelCounts,
  problemCounts,
  problemLine,
  type Level,
  type Member,
  type MemberResult,
  type Obligation,
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
  const count = problemCounts(result.problems);
  return [
    ['计算日期', result.asOf],
    ['在册党员', `${result.members.length} 名`],
    ['等级', levels.join('，')],
    ['需要约谈', `${talksDue(result).length} 名`],
    ['问题', `错误 ${count.error} 条，提醒 ${count.warning} 条`],
  ];
}

/** A member who is owed a talk or handling, and what is owed. */
export interface TalkDue {
  member: Member;
  /** Their score, where the member is among those scored. */
  scored: MemberResult | null;
  /** The core's obligations still to do (open or overdue), in due-date order. */
  owed: Obligation[];
  overdue: boolean;
}

/**
 * The talks and handling still to do, one line per member: the core's obligations that are
 * open or overdue, the same ones 待办 lists. Any other state (done, or superseded by a later
 * step) is not to do. Members with an overdue one first, then by the earliest due date.
 */
export function talksDue(result: ScoreResult): TalkDue[] {
  const byMember = new Map(result.members.map((m) => [m.member, m]));
  const due = new Map<Member, TalkDue>();
  for (const o of result.obligations) {
    if (o.state !== 'open' && o.state !== 'overdue') continue;
    let talk = due.get(o.member);
    if (!talk)
      due.set(
        o.member,
        (talk = {
          member: o.member,
          scored: byMember.get(o.member) ?? null,
          owed: [],
          overdue: false,
        }),
      );
    talk.owed.push(o);
    if (o.state === 'overdue') talk.overdue = true;
  }
  const order = new Map(Array.from(due.values()).map((t, i) => [t, i]));
  return Array.from(due.values()).sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || order.get(a)! - order.get(b)!,
  );
}

/**
 * How a member is named in lists: the name, and the 编号 where two members share the name
 * (two 张伟 must not look like one).
 */
export function memberNamer(result: ScoreResult): (member: Member) => string {
  const count = new Map<string, number>();
  for (const m of result.members) count.set(m.member.name, (count.get(m.member.name) ?? 0) + 1);
  return (member) =>
    (count.get(member.name) ?? 0) > 1 && member.id
      ? `${member.name}（编号 ${member.id}）`
      : member.name;
}

export function renderOverview(dl: HTMLElement, result: ScoreResult): void {
  const doc = dl.ownerDocument;
  fill(
    dl,
    overview(result).flatMap(([k, v]) => [element(doc, 'dt', k), element(doc, 'dd', v)]),
  );
}

/**
 * One line per member owed a talk or handling: name, branch, balance, level, and each
 * obligation with who holds it and whether it is overdue. Where `preview` is given, the name
 * is a link to the notice card of the entry that caused the member's first threshold talk; a
 * member owed only a 末位约谈 (no entry caused it) has no link. `more` says where the rest are.
 */
export function renderTalks(
  ul: HTMLElement,
  result: ScoreResult,
  preview: ((entryKey: string) => void) | null,
  more: string,
): number {
  const doc = ul.ownerDocument;
  const talks = talksDue(result);
  const nameOf = memberNamer(result);
  const items = talks.slice(0, MAX_ITEMS).map(({ member, scored, owed, overdue }) => {
    const li = element(doc, 'li', '', overdue ? 'overdue' : 'open');
    const balance = scored ? `${scored.balance} 分 ` : '';
    const label = `${nameOf(member)}（${member.branch || '未填支部'}）${balance}`;
    const who = element(doc, 'span');
    const cause = owed.find((o) => o.entryKey !== null)?.entryKey ?? null;
    if (preview && cause !== null) {
      const link = element(doc, 'a', label, 'preview-link');
      link.href = '#';
      link.title = '预览引起此约谈的记分告知卡';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        preview(cause);
      });
      who.appendChild(link);
    } else {
      who.textContent = label;
    }
    li.appendChild(who);
    if (scored)
      li.appendChild(element(doc, 'span', LEVEL_LABELS[scored.level], `level-${scored.level}`));
    const what = owed.map(
      (o) =>
        `${o.label}（${o.actor}${o.state === 'overdue' ? `，逾期，期限 ${o.deadline}` : `，期限 ${o.deadline}`}）`,
    );
    li.appendChild(element(doc, 'span', `：${what.join('、')}`));
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
