// The 党员名册: members, and an index to find them by 编号 or 姓名.
import type { Problem } from './problem-types.js';
import type { Member } from './workbook-types.js';
import { Table } from './table.js';
import { normalize } from './text.js';

/** What the 状态 dropdown of 党员名册 offers; the first is the one that is scored. */
export const ROSTER_STATUS_CHOICES = ['在册', '转出', '停止党籍'] as const;

const ACTIVE = new Set(['', ROSTER_STATUS_CHOICES[0], '正常', '在职', '在岗']);

export function parseRoster(table: Table, problems: Problem[]): Member[] {
  const members: Member[] = [];
  const rows = table.sheet.rows;
  for (let i = table.headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (table.isBlankRow(row)) continue;
    const name = table.text(row, 'name');
    if (!name) {
      problems.push(
        table.problem(
          'error',
          i,
          'name',
          '姓名为空，这一行未计入名册',
          '填写党员姓名，或删除这一行',
        ),
      );
      continue;
    }
    const statusText = table.text(row, 'status') || '在册';
    members.push({
      id: table.text(row, 'id') || null,
      name,
      branch: table.text(row, 'branch'),
      post: table.text(row, 'post'),
      email: table.text(row, 'email'),
      statusText,
      status: ACTIVE.has(normalize(statusText)) ? 'active' : 'inactive',
      source: { sheet: table.name, row: table.excelRow(i), column: null, cell: null },
    });
  }
  return members;
}

export type MemberLookup =
  | { ok: true; member: Member }
  | {
      ok: false;
      reason:
        'missing' | 'unknown-id' | 'unknown-name' | 'ambiguous-name' | 'ambiguous-id' | 'mismatch';
      member?: Member;
    };

/** Finds members by 编号 and 姓名, and says why a row's member cannot be decided. */
export class MemberIndex {
  private readonly byId = new Map<string, Member[]>();
  private readonly byName = new Map<string, Member[]>();

  constructor(
    readonly members: readonly Member[],
    problems: Problem[],
    roster: Table,
  ) {
    const sheet = roster.name;
    for (const m of members) {
      if (m.id) push(this.byId, normalize(m.id), m);
      push(this.byName, normalize(m.name), m);
    }
    for (const [, list] of this.byId) {
      for (const dup of list.slice(1)) {
        problems.push({
          severity: 'error',
          sheet,
          row: dup.source.row,
          column: roster.header('id'),
          cell: null,
          message: `编号"${dup.id}"与第${list[0].source.row}行重复`,
          fix: '每名党员的编号须唯一：改正其中一个编号',
        });
      }
    }
    for (const [, list] of this.byName) {
      for (const dup of list.slice(1)) {
        problems.push({
          severity: 'warning',
          sheet,
          row: dup.source.row,
          column: roster.header('name'),
          cell: null,
          message: `姓名"${dup.name}"与第${list[0].source.row}行重名`,
          fix: '重名党员在记分台账中须同时填写编号，否则无法确定是哪一位',
        });
      }
    }
  }

  // Typed id, then typed name: a ledger names each member the same way row after row, and a
  // row with a name only (or a 会议签到 name tried as an id) must hit the cache as well.
  private readonly cache = new Map<string, Map<string, MemberLookup>>();

  /** Cached by the text as typed: a ledger names the same few hundred people again and again. */
  find(idText: string, nameText: string): MemberLookup {
    let byName = this.cache.get(idText);
    if (byName === undefined) this.cache.set(idText, (byName = new Map()));
    let found = byName.get(nameText);
    if (found === undefined) byName.set(nameText, (found = this.resolve(idText, nameText)));
    return found;
  }

  private resolve(idText: string, nameText: string): MemberLookup {
    const id = normalize(idText);
    const name = normalize(nameText);
    if (!id && !name) return { ok: false, reason: 'missing' };
    if (id) {
      const list = this.byId.get(id);
      if (!list) return { ok: false, reason: 'unknown-id' };
      if (list.length > 1) return { ok: false, reason: 'ambiguous-id' };
      if (name && normalize(list[0].name) !== name)
        return { ok: false, reason: 'mismatch', member: list[0] };
      return { ok: true, member: list[0] };
    }
    const list = this.byName.get(name);
    if (!list) return { ok: false, reason: 'unknown-name' };
    if (list.length > 1) return { ok: false, reason: 'ambiguous-name' };
    return { ok: true, member: list[0] };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The Chinese message and fix for a member that cannot be decided. */
export function memberProblemText(
  reason: Exclude<MemberLookup, { ok: true }>['reason'],
  idText: string,
  nameText: string,
  found?: Member,
): [string, string] {
  switch (reason) {
    case 'missing':
      return ['没有填写编号或姓名', '填写党员的编号或姓名'];
    case 'unknown-id':
      return [`名册中没有编号"${idText}"`, '核对编号，或先把这名党员加入党员名册'];
    case 'ambiguous-id':
      return [`编号"${idText}"在名册中重复，无法确定是哪一位`, '先改正党员名册中重复的编号'];
    case 'unknown-name':
      return [`名册中没有党员"${nameText}"`, '核对姓名（与名册一致），或先把这名党员加入党员名册'];
    case 'ambiguous-name':
      return [`名册中有多名党员叫"${nameText}"，无法确定是哪一位`, '在这一行填写党员编号'];
    case 'mismatch':
      return [
        `编号"${idText}"在名册中是"${found?.name ?? ''}"，与姓名"${nameText}"不符`,
        '核对编号和姓名，改正填错的一项',
      ];
  }
}
