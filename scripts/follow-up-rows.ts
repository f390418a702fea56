// The follow-through sheets of a generated unit: 会议签到 (one row per meeting, names on leave
// and absent) and 处置记录 (the talks and handling done for what the ledger calls for).
import { scoreWorkbook, type CellValue } from '../core/index.js';
import type { Rng, SheetSpec, UnitMember } from './generate-unit.js';

const DAY = 86_400_000;
const MEETINGS = ['支部党员大会', '支部委员会', '党小组会', '党课', '主题党日', '党员固定活动日'];

export interface MeetingRow {
  date: Date;
  meeting: string;
  branch: string;
  leave: string;
  absent: string;
  note: string;
  noticeDate: Date | null;
}

/** `count` meetings between two UTC dates, each of one branch, a few of its members missing. */
export function meetingRows(
  rng: Rng,
  members: readonly UnitMember[],
  count: number,
  range: { from: number; to: number },
): MeetingRow[] {
  const branches = [...new Set(members.map((m) => m.branch))];
  const byBranch = new Map(branches.map((b) => [b, members.filter((m) => m.branch === b)]));
  const days = Math.round((range.to - range.from) / DAY) + 1;
  const rows: MeetingRow[] = [];
  for (let i = 0; i < count; i++) {
    const branch = branches[i % branches.length];
    const pool = byBranch.get(branch)!;
    const date = new Date(range.from + Math.floor((i / count) * days) * DAY);
    const missing = new Set<UnitMember>();
    const leave: UnitMember[] = [];
    const absent: UnitMember[] = [];
    const add = (list: UnitMember[]) => {
      const m = rng.pick(pool);
      if (missing.has(m)) return;
      missing.add(m);
      list.push(m);
    };
    for (let k = rng.int(0, 3); k > 0; k--) add(leave);
    if (rng.chance(0.3)) add(absent);
    // Most clerks type names with 、; some paste ids or separate with spaces or commas.
    const sep = rng.pick(['、', '、', '、', '，', ' ']);
    const typed = (list: UnitMember[]) =>
      list.map((m) => (rng.chance(0.1) ? m.id : m.name)).join(sep);
    rows.push({
      date,
      meeting: rng.pick(MEETINGS),
      branch,
      leave: typed(leave),
      absent: typed(absent),
      note: '',
      noticeDate: missing.size > 0 && rng.chance(0.95) ? new Date(date.getTime() + 2 * DAY) : null,
    });
  }
  return rows;
}

export function attendanceSheet(rows: readonly MeetingRow[]): SheetSpec {
  return {
    name: '会议签到',
    rows: [
      ['日期', '会议', '支部', '请假', '缺席', '说明', '告知日期'],
      ...rows.map((r) => [r.date, r.meeting, r.branch, r.leave, r.absent, r.note, r.noticeDate]),
    ],
    headerRow: 1,
    widths: [12, 14, 24, 30, 20, 20, 12],
    dateColumns: [0, 6],
    mergedRanges: [],
  };
}

const TYPED_KIND: Record<string, string> = {
  reminder: '6',
  warning: '9',
  unqualified: '12',
  bottom: '末位',
};
const LABEL: Record<string, string> = {
  reminder: '约谈提醒',
  warning: '警示约谈',
  unqualified: '不合格处置',
  bottom: '末位约谈',
};
const HOLDERS = ['党工委书记', '党工委副书记', '纪工委书记', '单位主要负责人'];

/**
 * Up to `count` records of talks done: the unit's obligations at `asOf` (scored by the core,
 * as the clerk would see them), most done within 1–20 days of falling due, some not yet.
 */
export function recordRows(
  rng: Rng,
  sheets: readonly SheetSpec[],
  asOf: string,
  count: number,
): CellValue[][] {
  const owed = scoreWorkbook(sheets, asOf).obligations;
  const share = Math.min(0.95, count / Math.max(1, owed.length));
  const out: CellValue[][] = [];
  for (const o of owed) {
    if (out.length >= count) break;
    if (!rng.chance(share)) continue;
    const time = Date.parse(o.due) + rng.int(0, 20) * DAY;
    if (time > Date.parse(asOf)) continue;
    out.push([
      new Date(time),
      o.member.id ?? '',
      o.member.name,
      rng.chance(0.1) ? TYPED_KIND[o.kind] : LABEL[o.kind],
      o.kind === 'warning' ? '单位主要负责人' : rng.pick(HOLDERS),
      o.kind === 'unqualified' ? rng.pick(['转化', '限期改正']) : '已谈话，本人表示接受',
    ]);
  }
  return out.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
}

export function recordSheet(rows: readonly CellValue[][]): SheetSpec {
  return {
    name: '处置记录',
    rows: [['日期', '编号', '姓名', '处置', '承办人', '结果'], ...rows],
    headerRow: 1,
    widths: [12, 10, 10, 12, 14, 30],
    dateColumns: [0],
    mergedRanges: [],
  };
}
