// A deterministic, fictional unit (党工委) for the sample workbook and the benchmarks: members,
// a year of ledger rows, micro-wishes and settings (and, where asked, meetings and the talks
// done: follow-up-rows.ts), as sheet specs ready for write-unit.ts.
// Pure data: the same options and seed always give the same workbook.
import type { CellValue } from '../core/index.js';
import { FAMOUS, GIVEN, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names.js';
import { attendanceSheet, meetingRows, recordRows, recordSheet } from './follow-up-rows.js';

/** One worksheet to write: plain rows plus the formatting an Excel user would give it. */
export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** 1-based row of the header: bold, and the view is frozen beneath it. */
  headerRow: number;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** 0-based columns whose Date cells are shown as dates. */
  dateColumns: number[];
  /** Merged ranges, e.g. a title banner 'A1:I1'. */
  mergedRanges: string[];
}

export interface UnitMember {
  id: string;
  name: string;
  branch: string;
  post: string;
  email: string;
  /** 在册 / 转出 */
  status: string;
  remark: string;
}

export type MistakeKind = 'bad-date' | 'unknown-name' | 'unknown-rule' | 'wrong-points';

/** One ledger row as a clerk types it. Date cells are `Date` (UTC midnight); typed text stays text. */
export interface LedgerEntry {
  date: Date | string;
  id: string;
  name: string;
  item: string;
  variant: string;
  points: CellValue;
  status: string;
  note: string;
  noticeDate: Date | null;
  /** 认定日期, where typed. */
  verifiedDate?: Date | null;
  /** The review columns: 复核申请日期, 复核结果, 复核日期. */
  review?: { applied: Date | string; outcome: string; decided: Date | null };
  /** Set where the row carries a deliberate mistake: which column the reader should flag. */
  mistake?: { kind: MistakeKind | 'ambiguous-name'; column: string };
}

export interface WishRow {
  year: number;
  id: string;
  name: string;
  claimed: number;
  completed: number;
  /** 告知日期 of the year's card, where one was given. */
  noticeDate?: Date | null;
}

/** Where a deliberate mistake ended up in the written workbook. */
export interface PlannedMistake {
  sheet: string;
  row: number;
  column: string;
  kind: NonNullable<LedgerEntry['mistake']>['kind'];
}

export interface UnitOptions {
  members: number;
  ledgerRows: number;
  seed: number;
  /** The calendar year the ledger and the micro-wishes cover. */
  year: number;
  /** About one row in 500 gets a mistake the reader must report (at least one of each kind). */
  withMistakes?: boolean;
  unitName?: string;
  /**
   * The follow-through sheets as a unit that keeps them: meetings in 会议签到, talks done in
   * 处置记录 (matched to what the ledger calls for at `asOf`), cards given, reviews, and
   * pending rows only from the last weeks before `asOf`.
   */
  followThrough?: { meetings: number; records: number; asOf: string };
}

export interface GeneratedUnit {
  sheets: SheetSpec[];
  members: UnitMember[];
  mistakes: PlannedMistake[];
}

export const BRANCHES = [
  '第一党支部（机关综合）',
  '第二党支部（招商服务）',
  '第三党支部（项目建设）',
  '第四党支部（社会事务）',
] as const;

const POSTS = [
  '主任',
  '副主任',
  '科长',
  '副科长',
  '科员',
  '科员',
  '科员',
  '办事员',
  '干事',
  '项目专员',
  '招商专员',
  '会计',
];

export const SHEETS = {
  roster: '党员名册',
  ledger: '记分台账',
  wishes: '微心愿',
  settings: '设置',
  attendance: '会议签到',
  records: '处置记录',
} as const;

/** The whole unit in one call: what `bench` uses. */
export function generateUnit(options: UnitOptions): GeneratedUnit {
  const rng = createRng(options.seed);
  const members = makeMembers(rng, options.members);
  const active = members.filter((m) => m.status === '在册');
  const from = Date.UTC(options.year, 0, 1);
  const to = Date.UTC(options.year, 11, 31);
  const entries = randomEntries(rng, active, options.ledgerRows, { from, to, mix: FULL_MIX });
  if (options.withMistakes) addMistakes(rng, entries, members);
  const follow = options.followThrough;
  if (follow) keepUp(rng, entries, Date.parse(follow.asOf));
  const ledger = ledgerSheet(sortByDate(entries), options.unitName ?? '示例经开区');
  const wishes = active.map((m) => randomWish(rng, m, options.year));
  const sheets = [
    rosterSheet(members),
    ledger.sheet,
    wishSheet(wishes),
    settingsSheet({ unitName: `${options.unitName ?? '示例经开区'}党工委` }),
  ];
  if (follow) {
    const meetings = meetingRows(rng, active, follow.meetings, { from, to });
    sheets.push(attendanceSheet(meetings));
    sheets.push(recordSheet(recordRows(rng, sheets, follow.asOf, follow.records)));
  }
  return { sheets, members, mistakes: ledger.mistakes };
}

/**
 * A committee that keeps up: rows older than a month are decided (pending becomes 已认定 with
 * a 认定日期), nearly every counted row has its card, and one row in 400 has been reviewed.
 */
function keepUp(rng: Rng, entries: LedgerEntry[], asOf: number): void {
  for (const e of entries) {
    if (e.mistake) continue;
    const time = entryTime(e);
    if ((e.status === '待核实' || e.status === '') && time < asOf - 30 * DAY && needsProof(e)) {
      e.status = '已认定';
      e.verifiedDate = new Date(time + rng.int(3, 20) * DAY);
    }
    const counted =
      e.status !== '待核实' && e.status !== '已撤销' && (e.status !== '' || !needsProof(e));
    if (!counted) continue;
    const from = e.verifiedDate?.getTime() ?? time;
    if (!e.noticeDate && rng.chance(0.9)) e.noticeDate = new Date(from + rng.int(1, 6) * DAY);
    if (e.noticeDate && rng.chance(1 / 400)) {
      const applied = e.noticeDate.getTime() + rng.int(1, 9) * DAY;
      const decided = applied + rng.int(5, 20) * DAY;
      e.review = {
        applied: new Date(applied),
        outcome: decided <= asOf ? rng.pick(['维持', '维持', '撤销', '变更']) : '',
        decided: decided <= asOf ? new Date(decided) : null,
      };
    }
  }
}

const needsProof = (e: LedgerEntry) => !/^(P1|P2|三会一课|党员固定活动日)$/.test(e.item);

// ---------------------------------------------------------------- random numbers

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough for test data; never Math.random. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------- members

/**
 * Members with unique fictional names, spread over the branches in order. `sharedNames`
 * pairs give a later member the name of an earlier one (different branch, own id and e-mail).
 */
export function makeMembers(
  rng: Rng,
  count: number,
  options: { branches?: readonly string[]; sharedNames?: [number, number][] } = {},
): UnitMember[] {
  const branches = options.branches ?? BRANCHES;
  const width = Math.max(3, String(count).length);
  const names = new Set<string>();
  const emails = new Map<string, number>();
  const members: UnitMember[] = [];
  const perBranch = Math.ceil(count / branches.length);
  for (let i = 0; i < count; i++) {
    const [name, pinyin] = uniqueName(rng, names);
    members.push({
      id: `DY${String(i + 1).padStart(width, '0')}`,
      name,
      branch: branches[Math.min(branches.length - 1, Math.floor(i / perBranch))],
      post: i % perBranch === 0 ? '支部书记' : rng.pick(POSTS),
      email: emailFor(pinyin, emails),
      status: count >= 100 && rng.chance(0.02) ? '转出' : '在册',
      remark: '',
    });
  }
  for (const [from, to] of options.sharedNames ?? []) {
    members[to].name = members[from].name;
    members[to].email = emailFor(pinyinOf(members[from].name), emails);
  }
  return members;
}

function uniqueName(rng: Rng, taken: Set<string>): [string, string] {
  for (let attempt = 0; ; attempt++) {
    const [s, sp] = rng.pick(SURNAMES);
    const given = rng.chance(0.5) ? GIVEN_MALE : GIVEN_FEMALE;
    const [g1, p1] = rng.pick(given);
    // One name in four has a single given character, as in life; after many clashes, two.
    const single = attempt < 20 && rng.chance(0.25);
    const [g2, p2] = single ? ['', ''] : rng.pick(given);
    const name = s + g1 + g2;
    if (g1 === g2 || taken.has(name) || FAMOUS.has(name)) continue;
    taken.add(name);
    return [name, sp + p1 + p2];
  }
}

const PINYIN = new Map([...SURNAMES, ...GIVEN]);

function pinyinOf(name: string): string {
  return [...name].map((c) => PINYIN.get(c) ?? '').join('');
}

function emailFor(pinyin: string, taken: Map<string, number>): string {
  const n = (taken.get(pinyin) ?? 0) + 1;
  taken.set(pinyin, n);
  return `${pinyin}${n > 1 ? n : ''}@example.cn`;
}

// ---------------------------------------------------------------- ledger rows

/** A ledger event kind and how often it happens, relative to the others. */
export interface MixItem {
  item: string;
  variant: string;
  /** Points of a demerit, or −points of a reward (J2: decided case by case). */
  points: number;
  weight: number;
  verify: boolean;
}

const fixed = (item: string, variant: string, points: number, weight: number, verify = true) => ({
  item,
  variant,
  points,
  weight,
  verify,
});

/**
 * Every ledger rule of the built-in catalog. Volunteering is the commonest row, as in a unit
 * where most members cancel their few points, so that all four levels occur without most
 * members ending up 不合格.
 */
export const FULL_MIX: readonly MixItem[] = [
  fixed('P1', '无故缺席', 6, 1, false),
  fixed('P1', '请假', 2, 12, false),
  fixed('P2', '无故缺席', 3, 3, false),
  fixed('P2', '请假', 1, 25, false),
  fixed('R1', '', 12, 0.02),
  fixed('R2', '', 12, 0.02),
  fixed('R3', '', 12, 0.02),
  fixed('W1', '廉政约谈', 3, 0.5),
  fixed('W1', '通报', 6, 0.25),
  fixed('W1', '诫勉谈话', 9, 0.1),
  fixed('M1', '廉政约谈', 3, 0.5),
  fixed('M1', '通报', 6, 0.25),
  fixed('M1', '诫勉谈话', 9, 0.1),
  fixed('J1', '', -2, 45),
  fixed('J2', '', -4, 6),
];

/** Only small things: leave, the odd absence, volunteering. */
export const LIGHT_MIX: readonly MixItem[] = [
  fixed('P1', '请假', 2, 4, false),
  fixed('P2', '请假', 1, 6, false),
  fixed('P2', '无故缺席', 3, 1, false),
  fixed('J1', '', -2, 5),
];

const NORM_TEXT: Record<string, string> = {
  P1: '三会一课',
  P2: '党员固定活动日',
  J1: '志愿服务',
};

const DAY = 86_400_000;

/**
 * `count` random rows for the given members between two UTC dates. With `demeritCap`, no
 * member gets more than that many demerit points in all (a row that would pass it becomes a
 * volunteering reward), so the caller knows every such member stays below the first threshold.
 */
export function randomEntries(
  rng: Rng,
  members: readonly UnitMember[],
  count: number,
  options: { from: number; to: number; mix: readonly MixItem[]; demeritCap?: number },
): LedgerEntry[] {
  const { mix, demeritCap } = options;
  const totalWeight = mix.reduce((s, m) => s + m.weight, 0);
  const days = Math.round((options.to - options.from) / DAY) + 1;
  const meetingDays = monthlyDays(rng, options.from, options.to);
  const demerits = new Map<UnitMember, number>();
  const reward = mix.find((m) => m.item === 'J1') ?? fixed('J1', '', -2, 1);
  const out: LedgerEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const member = members[Math.floor(rng.next() * members.length)];
    let kind = pickWeighted(rng, mix, totalWeight);
    if (demeritCap !== undefined && kind.points > 0) {
      const sum = (demerits.get(member) ?? 0) + kind.points;
      if (sum > demeritCap) kind = reward;
      else demerits.set(member, sum);
    }
    let time = options.from + rng.int(0, days - 1) * DAY;
    // Meetings and the activity day fall on the month's fixed days; other events on any weekday.
    if (kind.item === 'P1' || kind.item === 'P2') time = meetingDay(meetingDays, time, kind.item);
    else time = weekday(time);
    out[i] = entryFor(rng, member, kind, new Date(time));
  }
  return out;
}

function pickWeighted(rng: Rng, mix: readonly MixItem[], total: number): MixItem {
  let r = rng.next() * total;
  for (const m of mix) {
    r -= m.weight;
    if (r < 0) return m;
  }
  return mix[mix.length - 1];
}

/** Per month: the day of the branch meeting (around the 10th) and the activity day (around the 20th). */
function monthlyDays(rng: Rng, from: number, to: number): Map<string, { P1: number; P2: number }> {
  const out = new Map<string, { P1: number; P2: number }>();
  const start = new Date(from);
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= to; m++) {
    if (m === 12) {
      m = 0;
      y++;
    }
    out.set(`${y}-${m}`, {
      P1: weekday(Date.UTC(y, m, rng.int(6, 12))),
      P2: weekday(Date.UTC(y, m, rng.int(17, 22))),
    });
  }
  return out;
}

function meetingDay(
  days: Map<string, { P1: number; P2: number }>,
  time: number,
  item: 'P1' | 'P2',
): number {
  const d = new Date(time);
  return days.get(`${d.getUTCFullYear()}-${d.getUTCMonth()}`)?.[item] ?? time;
}

/** Moves a Saturday or Sunday to the Monday after. */
function weekday(time: number): number {
  const dow = new Date(time).getUTCDay();
  return dow === 6 ? time + 2 * DAY : dow === 0 ? time + DAY : time;
}

const STATUS_WEIGHTS: [string, number][] = [
  ['已认定', 0.8],
  ['待核实', 0.1],
  ['已撤销', 0.05],
  ['', 0.05],
];

function entryFor(rng: Rng, member: UnitMember, kind: MixItem, date: Date): LedgerEntry {
  const month = date.getUTCMonth() + 1;
  let status = '';
  if (kind.verify) {
    let r = rng.next();
    for (const [s, w] of STATUS_WEIGHTS) {
      r -= w;
      if (r < 0) {
        status = s;
        break;
      }
    }
  }
  let points: CellValue = null;
  if (kind.item === 'J2') points = -rng.int(1, 4) * 2;
  else if (rng.chance(0.1)) points = kind.points;
  else if (rng.chance(0.02)) points = `${kind.points}分`;
  const counted = !kind.verify || status === '已认定';
  return {
    date: rng.chance(0.03) ? typedDate(rng, date) : date,
    // Most clerks fill both; some only the name.
    id: rng.chance(0.9) ? member.id : '',
    name: member.name,
    item: NORM_TEXT[kind.item] && rng.chance(0.15) ? NORM_TEXT[kind.item] : kind.item,
    variant: kind.variant,
    points,
    status,
    note: noteFor(rng, kind, month),
    noticeDate: counted && rng.chance(0.85) ? new Date(date.getTime() + rng.int(1, 5) * DAY) : null,
  };
}

/** A date as a clerk might type it into a text cell. */
function typedDate(rng: Rng, date: Date): string {
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  switch (rng.int(0, 3)) {
    case 0:
      return `${y}/${m}/${d}`;
    case 1:
      return `${y}.${m}.${d}`;
    case 2:
      return `${y}年${m}月${d}日`;
    default:
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
}

const NOTES: Record<string, readonly string[]> = {
  P1: ['支部党员大会', '支部委员会', '党小组会', '党课'],
  P2: ['主题党日学习', '社区志愿服务', '重温入党誓词', '红色教育基地参观'],
  R1: ['拒不执行党工委关于干部轮岗的决定', '拒不落实党工委集体研究的工作安排'],
  R2: ['在工作群发表与组织决定相悖的言论', '转发并散布政治谣言'],
  R3: ['参与违规越级上访'],
  W1: ['上班时间脱岗，经查属实', '会议期间擅自离会', '违反公务接待规定', '多次迟到早退'],
  M1: ['群众反映办事推诿，经查属实', '服务企业态度生硬被投诉，经查属实', '窗口办事拖延被投诉'],
  J1: ['参加社区志愿服务', '参加文明城市创建志愿服务', '参加无偿献血', '参加防汛志愿服务'],
  J2: ['协助引进项目落地，党工委研究给予奖励分', '重点工程征迁工作表现突出，党工委研究给予奖励分'],
};

function noteFor(rng: Rng, kind: MixItem, month: number): string {
  const text = rng.pick(NOTES[kind.item] ?? ['']);
  if (kind.item === 'P1') return `${month}月${text}${kind.variant === '请假' ? '请假' : '未参加'}`;
  if (kind.item === 'P2')
    return `${month}月党员固定活动日（${text}）${kind.variant === '请假' ? '请假' : '未参加'}`;
  return text;
}

/** When a row happened, for ordering: typed text dates are read back roughly. */
export function entryTime(e: LedgerEntry): number {
  return e.date instanceof Date
    ? e.date.getTime()
    : (parseTyped(e.date) ?? Number.MAX_SAFE_INTEGER);
}

export function sortByDate(entries: LedgerEntry[]): LedgerEntry[] {
  const keys = new Map(entries.map((e) => [e, entryTime(e)]));
  return [...entries].sort((a, b) => keys.get(a)! - keys.get(b)!);
}

/** The time of a typed date, for sorting only; a nonsense date (a planted mistake) keeps its month. */
function parseTyped(text: string): number | null {
  const m = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(text);
  return m ? Date.UTC(Number(m[1]), Math.min(12, Number(m[2])) - 1, Number(m[3])) : null;
}

// ---------------------------------------------------------------- mistakes

const BAD_RULES = ['上班迟到', '值班脱岗', '未交党费'];

/** Spoils about one row in 500 in place, each in one column only, and marks it. */
function addMistakes(rng: Rng, entries: LedgerEntry[], members: readonly UnitMember[]): void {
  const kinds: MistakeKind[] = ['bad-date', 'unknown-name', 'unknown-rule', 'wrong-points'];
  const names = new Set(members.map((m) => m.name));
  const count = Math.max(kinds.length, Math.round(entries.length / 500));
  const step = Math.floor(entries.length / count);
  for (let k = 0; k < count && k * step < entries.length; k++) {
    const e = entries[k * step + rng.int(0, Math.max(0, step - 1))];
    if (e.mistake) continue;
    const kind = kinds[k % kinds.length];
    const date = e.date instanceof Date ? e.date : new Date(parseTyped(e.date) ?? 0);
    switch (kind) {
      case 'bad-date':
        // Month 13: a slip of the keyboard that still looks like a date.
        e.date = `${date.getUTCFullYear()}-13-${String(date.getUTCDate()).padStart(2, '0')}`;
        e.mistake = { kind, column: '日期' };
        break;
      case 'unknown-name':
        e.id = '';
        e.name = misspell(rng, e.name, names);
        e.mistake = { kind, column: '姓名' };
        break;
      case 'unknown-rule':
        e.item = rng.pick(BAD_RULES);
        e.variant = '';
        e.points = null;
        e.mistake = { kind, column: '事项' };
        break;
      case 'wrong-points':
        // P1 无故缺席 typed with P2's points: the clerk mixed up the two rules.
        Object.assign(e, { item: 'P1', variant: '无故缺席', points: 3, status: '' });
        e.mistake = { kind, column: '分值' };
        break;
    }
  }
}

/** The name with its last character swapped for a similar one (same pool) that names nobody. */
export function misspell(rng: Rng, name: string, names: ReadonlySet<string>): string {
  const last = name.slice(-1);
  const pool = GIVEN_FEMALE.some(([c]) => c === last) ? GIVEN_FEMALE : GIVEN_MALE;
  for (;;) {
    const out = name.slice(0, -1) + rng.pick(pool)[0];
    if (!names.has(out) && out !== name) return out;
  }
}

// ---------------------------------------------------------------- sheets

export const LEDGER_HEADER = [
  '日期',
  '编号',
  '姓 名',
  '事项',
  '情形',
  '分值（分）',
  '状态',
  '说明',
  '告知日期',
  '认定日期',
  '复核申请日期',
  '复核结果',
  '复核日期',
];

/**
 * The 记分台账 as clerks keep it: a merged title banner, a blank row, then the header.
 * A `null` entry is left as a blank row. Returns where each planted mistake landed.
 */
export function ledgerSheet(
  entries: readonly (LedgerEntry | null)[],
  unitName: string,
): { sheet: SheetSpec; mistakes: PlannedMistake[] } {
  const headerRow = 3;
  const rows: CellValue[][] = [[`${unitName}机关党员“十二分制”记分台账`], [], LEDGER_HEADER];
  const mistakes: PlannedMistake[] = [];
  for (const e of entries) {
    if (!e) {
      rows.push([]);
      continue;
    }
    rows.push([
      e.date,
      e.id,
      e.name,
      e.item,
      e.variant,
      e.points,
      e.status,
      e.note,
      e.noticeDate,
      e.verifiedDate ?? null,
      e.review?.applied ?? null,
      e.review?.outcome ?? null,
      e.review?.decided ?? null,
    ]);
    if (e.mistake)
      mistakes.push({
        sheet: SHEETS.ledger,
        row: rows.length,
        column: e.mistake.column,
        kind: e.mistake.kind,
      });
  }
  return {
    sheet: {
      name: SHEETS.ledger,
      rows,
      headerRow,
      widths: [12, 10, 10, 16, 10, 10, 10, 46, 12, 12, 14, 10, 12],
      dateColumns: [0, 8, 9, 10, 12],
      mergedRanges: ['A1:M1'],
    },
    mistakes,
  };
}

export function rosterSheet(members: readonly UnitMember[]): SheetSpec {
  const withRemarks = members.some((m) => m.remark);
  const header = ['编号', '姓名', '支部', '职务', '邮箱', '状态', ...(withRemarks ? ['备注'] : [])];
  return {
    name: SHEETS.roster,
    rows: [
      header,
      ...members.map((m) => [
        m.id,
        m.name,
        m.branch,
        m.post,
        m.email,
        m.status,
        ...(withRemarks ? [m.remark] : []),
      ]),
    ],
    headerRow: 1,
    widths: [10, 10, 24, 10, 26, 8, ...(withRemarks ? [30] : [])],
    dateColumns: [],
    mergedRanges: [],
  };
}

export function randomWish(rng: Rng, member: UnitMember, year: number, complete = false): WishRow {
  const claimed = rng.int(1, 3);
  const completed = complete || rng.chance(0.85) ? claimed : rng.int(0, claimed - 1);
  return { year, id: member.id, name: member.name, claimed, completed };
}

export function wishSheet(wishes: readonly WishRow[]): SheetSpec {
  return {
    name: SHEETS.wishes,
    rows: [
      ['年度', '编号', '姓名', '认领数', '完成数', '告知日期'],
      ...wishes.map((w) => [w.year, w.id, w.name, w.claimed, w.completed, w.noticeDate ?? null]),
    ],
    headerRow: 1,
    widths: [8, 10, 10, 8, 8, 12],
    dateColumns: [5],
    mergedRanges: [],
  };
}

/** 设置 with the article's defaults; only the unit's name and upward e-mail are its own. */
export function settingsSheet(values: { unitName: string; upwardEmail?: string }): SheetSpec {
  return {
    name: SHEETS.settings,
    rows: [
      ['项目', '值'],
      ['单位名称', values.unitName],
      ['提醒分值', 6],
      ['警示分值', 9],
      ['不合格分值', 12],
      ['清零方式', '不清零'],
      ['每年应认领微心愿数', 0],
      ['上级党组织邮箱', values.upwardEmail ?? 'zuzhibu@example.gov.cn'],
      ['每月调整日', 25],
      ['末位人数', 3],
      ['复核申请天数', 7],
      ['告知期限天数', 7],
      ['处置期限天数', 15],
      ['认定期限天数', 30],
      ['复核办结天数', 15],
    ],
    headerRow: 1,
    widths: [20, 30],
    dateColumns: [],
    mergedRanges: [],
  };
}
