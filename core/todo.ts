// The clerk's to-do list (待办): talks and handling not done, notice cards not given, reviews
// not decided, entries waiting for verification. Overdue first. The CLI's 待办 section, the
// pane's list and the written sheet 待办事项 all show these items, so they always agree.
import type { CellValue, IsoDate } from './input-types.js';
import type { SourceRef } from './problem-types.js';
import type { NoticeDue, ScoreResult } from './result-types.js';
import type { Member } from './workbook-types.js';
import { addDays, chineseDate } from './dates.js';
import { COLUMN_HEADERS } from './layout.js';

export type TodoKind = 'obligation' | 'notice' | 'review' | 'pending';

export interface TodoItem {
  kind: TodoKind;
  overdue: boolean;
  member: Member;
  /** 约谈提醒 / 告知卡未送达 / 复核未办结 / 待核实 */
  label: string;
  /** What is due and since when, in words. */
  detail: string;
  /** Where the clerk acts: the cell to fill (告知日期, 复核结果, 状态) or the row that caused it. */
  where: SourceRef;
  /** The date by which it is due; null for pending entries (they have a waiting time). */
  deadline: IsoDate | null;
}

export const TODO_SHEET = '待办事项';
export const TODO_HEADER = [
  '状态',
  '事项',
  '编号',
  '姓名',
  '支部',
  '内容',
  '期限',
  '位置',
  '计算日期',
] as const;

export function todoItems(result: ScoreResult): TodoItem[] {
  const items: TodoItem[] = [];
  const at = (sheet: string, row: number | null, key: string): SourceRef => {
    const letters = result.columns[sheet] ?? {};
    const letter = letters[key] ?? letters.first ?? 'A';
    const header = letters[key] ? (COLUMN_HEADERS[key] ?? null) : null;
    return { sheet, row, column: header, cell: row === null ? null : `${letter}${row}` };
  };
  const entrySource = new Map(result.entries.map((e) => [e.key, e.source]));

  for (const o of result.obligations) {
    // Superseded (domain.md): no longer to do; the higher talk that replaced it is listed.
    if (o.state === 'done' || o.state === 'superseded') continue;
    const from = o.entryKey ? entrySource.get(o.entryKey) : null;
    items.push({
      kind: 'obligation',
      overdue: o.state === 'overdue',
      member: o.member,
      label: o.label,
      detail: `${o.actor}${o.kind === 'bottom' ? `，${o.month}榜单末位` : ''}，${chineseDate(o.due)}起应办`,
      where: from
        ? at(from.sheet, from.row, 'item')
        : at(o.member.source.sheet, o.member.source.row, 'name'),
      deadline: o.deadline,
    });
  }
  // Cards not given, one item per member: a unit that starts recording 告知日期 late would
  // otherwise see one line per ledger row. The item points at the earliest card.
  const cards = new Map<Member, NoticeDue[]>();
  for (const n of result.notices) {
    if (n.state === 'done') continue;
    const list = cards.get(n.member);
    if (list) list.push(n);
    else cards.set(n.member, [n]);
  }
  for (const [member, list] of cards) {
    const first = list[0];
    const overdue = list.filter((n) => n.state === 'overdue').length;
    items.push({
      kind: 'notice',
      overdue: overdue > 0,
      member,
      label: '告知卡未送达',
      detail:
        list.length === 1
          ? `${chineseDate(first.date)}的记分，送达后填写告知日期`
          : `${list.length} 张${overdue > 0 ? `（其中逾期 ${overdue} 张）` : ''}，最早为${chineseDate(first.date)}的记分，送达后填写告知日期`,
      where: at(first.source.sheet, first.source.row, 'noticeDate'),
      deadline: first.deadline,
    });
  }
  for (const r of result.reviews) {
    if (r.state === 'decided') continue;
    items.push({
      kind: 'review',
      overdue: r.state === 'overdue',
      member: r.member,
      label: '复核未办结',
      detail: `${chineseDate(r.applied!)}申请复核，记分照常有效（复核中）`,
      where: at(r.source.sheet, r.source.row, 'reviewOutcome'),
      deadline: r.applied === null ? null : addDays(r.applied, result.settings.reviewDecisionDays),
    });
  }
  for (const p of result.pending) {
    items.push({
      kind: 'pending',
      overdue: p.tooLong,
      member: p.member,
      label: '待核实',
      detail: `${chineseDate(p.date)}的记分已等待认定 ${p.days} 天`,
      where: at(p.source.sheet, p.source.row, 'status'),
      deadline: null,
    });
  }
  // Overdue first; then by deadline (pending, with none, after the dated ones); stable.
  const order = new Map(items.map((x, i) => [x, i]));
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      cmp(a.deadline ?? '9999', b.deadline ?? '9999') ||
      order.get(a)! - order.get(b)!,
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The written sheet 待办事项: header first, one row per item. */
export function todoRows(result: ScoreResult, items = todoItems(result)): CellValue[][] {
  return [
    [...TODO_HEADER],
    ...items.map((t) => [
      t.overdue ? '逾期' : '待办',
      t.label,
      t.member.id ?? '',
      t.member.name,
      t.member.branch,
      t.detail,
      t.deadline ?? '',
      `${t.where.sheet} ${t.where.cell ?? `第${t.where.row}行`}`,
      result.asOf,
    ]),
  ];
}

/** "[逾期] 张三 约谈提醒：党工委，2026年3月1日起应办（期限 2026-03-16）" */
export function todoLine(t: TodoItem): string {
  const due = t.deadline ? `（期限 ${t.deadline}）` : '';
  return `[${t.overdue ? '逾期' : '待办'}] ${t.member.name} ${t.label}：${t.detail}${due} — ${t.where.sheet} ${t.where.cell ?? ''}`;
}
