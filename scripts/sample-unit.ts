// The bundled sample workbook (samples/示例台账.xlsx): a fictional unit of 40 members from the
// generator, a year of routine rows, and scripted stories that use every rule, variant and
// status, every level, a transferred member, two members who share a name, and a few typing
// mistakes. The expected outcome of each story is written down here, worked out by hand from
// docs/domain rules, so that tests can check the scoring core against it.
import type { Level } from '../core/index.js';
import { KIND_LABELS, scoreWorkbook, type CellValue } from '../core/index.js';
import {
  createRng,
  entryTime,
  ledgerSheet,
  LIGHT_MIX,
  makeMembers,
  misspell,
  randomEntries,
  randomWish,
  rosterSheet,
  settingsSheet,
  SHEETS,
  wishSheet,
  type LedgerEntry,
  type PlannedMistake,
  type Rng,
  type SheetSpec,
  type UnitMember,
  type WishRow,
} from './generate-unit.js';

export const SAMPLE_SEED = 20261124;
export const SAMPLE_AS_OF = '2026-11-24';
export const SAMPLE_UNIT = '示例经开区党工委';
export const SAMPLE_UPWARD_EMAIL = 'zuzhibu@example.gov.cn';
const MEMBER_COUNT = 40;
const ROUTINE_ROWS = 46;
/** Routine members never get more demerit points than this, so they all stay 正常. */
export const ROUTINE_DEMERIT_CAP = 5;

/** What a scripted member's record should come to at SAMPLE_AS_OF. */
export interface StoryOutcome {
  id: string;
  balance: number;
  level: Level;
  /** The arithmetic, in the order the entries apply. */
  why: string;
}

export const STORY_OUTCOMES: readonly StoryOutcome[] = [
  { id: 'DY003', balance: 0, level: 'normal', why: 'P1 请假 +2 = 2; J1 −2 = 0 (已销分)' },
  {
    id: 'DY005',
    balance: 1,
    level: 'normal',
    why: 'W1 廉政约谈 +3 = 3; J1 −2 = 1; J1 with blank status is pending, not counted',
  },
  { id: 'DY008', balance: 1, level: 'normal', why: 'J1 at 0 cancels nothing; P2 请假 +1 = 1' },
  { id: 'DY010', balance: 1, level: 'normal', why: '2025 wishes 2/1: S1 +3 = 3; J1 −2 = 1' },
  {
    id: 'DY012',
    balance: 6,
    level: 'reminder',
    why: 'P1 无故缺席 "6分" +6 = 6; W1 通报 已撤销 and W1 廉政约谈 待核实 do not count',
  },
  { id: 'DY015', balance: 9, level: 'warning', why: 'W1 诫勉谈话 +9 = 9' },
  {
    id: 'DY017',
    balance: 3,
    level: 'normal',
    why: 'shares a name with DY031; P2 请假 +1, P1 请假 +2 = 3 (rows carry the id)',
  },
  { id: 'DY018', balance: 6, level: 'reminder', why: 'W1 通报 +6 = 6' },
  {
    id: 'DY021',
    balance: 11,
    level: 'warning',
    why: 'M1 通报 +6 = 6; P2 无故缺席 +3 = 9; J2 −4 = 5; P1 无故缺席 +6 = 11',
  },
  { id: 'DY024', balance: 7, level: 'reminder', why: '2025 wishes 3/1: S1 +6 = 6; P2 请假 +1 = 7' },
  {
    id: 'DY026',
    balance: 12,
    level: 'unqualified',
    why: 'P2 请假 +1 = 1; R1 一次性记满 = 12; J1 cannot cancel R1 points = 12',
  },
  { id: 'DY030', balance: 15, level: 'unqualified', why: 'R2 = 12; P2 无故缺席 +3 = 15' },
  { id: 'DY031', balance: 1, level: 'normal', why: 'shares a name with DY017; P2 请假 +1 = 1' },
  { id: 'DY034', balance: 12, level: 'unqualified', why: 'M1 廉政约谈 +3 = 3; R3 = 12' },
  {
    id: 'DY038',
    balance: 7,
    level: 'reminder',
    why: 'M1 诫勉谈话 +9 = 9 (listed as 警示对象); J1 −2 = 7',
  },
];

/** 转出 in July 2026, with history before: kept, not scored. */
export const TRANSFERRED_ID = 'DY036';
/** A 2026 wish not yet completed: an S1 entry dated 2026-12-31, not counted at SAMPLE_AS_OF. */
export const OPEN_WISH_ID = 'DY012';
/** Two members with the same name, in different branches. */
export const SHARED_NAME_IDS = ['DY017', 'DY031'] as const;

/** The members whose talks the sample leaves undone, so that 待办 shows overdue obligations. */
export const UNDONE_TALKS: readonly { id: string; kind: string; due: string }[] = [
  { id: 'DY034', kind: 'unqualified', due: '2026-09-08' },
  { id: 'DY030', kind: 'bottom', due: '2026-10-25' },
];
/** A 约谈提醒 recorded for DY015, whose 诫勉谈话 called for a 警示约谈 only: matches nothing. */
export const STRAY_RECORD_ID = 'DY015';

export interface SampleUnit {
  sheets: SheetSpec[];
  members: UnitMember[];
  /** The rows the reader must report as errors: sheet, Excel row, column. */
  mistakes: PlannedMistake[];
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export function sampleUnit(): SampleUnit {
  const rng = createRng(SAMPLE_SEED);
  const members = makeMembers(rng, MEMBER_COUNT, { sharedNames: [[16, 30]] });
  const byId = (id: string) => members.find((m) => m.id === id)!;
  const transferred = byId(TRANSFERRED_ID);
  transferred.status = '转出';
  transferred.remark = '2026年7月转出至县农业农村局机关党支部';
  // A new member whose mailbox is not set up yet: cards for her cannot be e-mailed.
  members[MEMBER_COUNT - 1].email = '';

  const storyIds = new Set([...STORY_OUTCOMES.map((s) => s.id), TRANSFERRED_ID]);
  const routine = members.filter((m) => !storyIds.has(m.id));
  const routineRows = randomEntries(rng, routine, ROUTINE_ROWS, {
    from: Date.UTC(2025, 11, 1),
    to: Date.UTC(2026, 10, 20),
    mix: LIGHT_MIX,
    demeritCap: ROUTINE_DEMERIT_CAP,
  });

  const timed: [Date, LedgerEntry][] = [
    ...routineRows.map((e): [Date, LedgerEntry] => [new Date(entryTime(e)), e]),
    ...stories(byId),
    ...mistakes(byId, members, rng),
  ];
  // The clerk writes the ledger in date order; a planted mistake sits where it was meant to be.
  timed.sort((a, b) => a[0].getTime() - b[0].getTime());
  const rows: (LedgerEntry | null)[] = timed.map(([, e]) => e);
  rows.splice(Math.floor(rows.length / 2), 0, null); // a blank row in the middle

  // The routine meetings' absences are kept as clerks keep them: one 会议签到 row per meeting.
  const ledgerRows = rows.filter((e) => !e || !routineRows.includes(e) || !isMeeting(e));
  const ledger = ledgerSheet(ledgerRows, '示例经开区');
  const wishes = wishRows(rng, members);
  const meetings = sampleMeetings(rng, members, routineRows.filter(isMeeting), byId);
  const sheets: SheetSpec[] = [
    rosterSheet(members),
    ledger.sheet,
    meetings.sheet,
    wishSheet(wishes),
    settingsSheet({ unitName: SAMPLE_UNIT, upwardEmail: SAMPLE_UPWARD_EMAIL }),
  ];
  sheets.push(recordSheet(sampleRecords(rng, sheets)));
  return { sheets, members, mistakes: [...ledger.mistakes, ...meetings.mistakes] };
}

const isMeeting = (e: LedgerEntry) =>
  e.item === 'P1' || e.item === 'P2' || e.item === '三会一课' || e.item === '党员固定活动日';
const P1_MEETINGS = ['支部党员大会', '党小组会', '党课', '支部委员会'];
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * A year of 会议签到, December 2025 to November 2026: for every branch a 三会一课 meeting and
 * an activity day each month, with the routine absences on them; most names typed, some ids.
 * One row also lists DY017, whose 党课 leave of 08-26 is in the ledger too (counted once), and
 * one row names someone not on the roster (an error on that name only).
 */
function sampleMeetings(
  rng: Rng,
  members: readonly UnitMember[],
  absences: readonly LedgerEntry[],
  byId: (id: string) => UnitMember,
): { sheet: SheetSpec; mistakes: PlannedMistake[] } {
  const branchOf = new Map(members.map((m) => [m.name, m.branch]));
  const byMember = new Map(members.map((m) => [m.name, m]));
  const key = (month: string, code: string, branch: string) => `${month}|${code}|${branch}`;
  const meetings = new Map<
    string,
    { date: number; code: string; branch: string; leave: UnitMember[]; absent: UnitMember[] }
  >();
  const dayOf = new Map<string, number>();
  for (const e of absences) {
    const code = e.item === '三会一课' ? 'P1' : e.item === '党员固定活动日' ? 'P2' : e.item;
    const time = entryTime(e);
    const month = isoDay(time).slice(0, 7);
    dayOf.set(`${month}|${code}`, time);
    const k = key(month, code, branchOf.get(e.name)!);
    let m = meetings.get(k);
    if (!m)
      meetings.set(
        k,
        (m = { date: time, code, branch: branchOf.get(e.name)!, leave: [], absent: [] }),
      );
    // A member drawn twice for one meeting was there once: a sign-in sheet lists a name once.
    const who = byMember.get(e.name)!;
    if (!m.leave.includes(who) && !m.absent.includes(who))
      (e.variant === '请假' ? m.leave : m.absent).push(who);
  }
  const branches = [...new Set(members.map((m) => m.branch))];
  for (
    let t = Date.UTC(2025, 11, 1);
    t <= Date.UTC(2026, 10, 20);
    t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1)
  ) {
    const month = isoDay(t).slice(0, 7);
    for (const code of ['P1', 'P2'])
      for (const branch of branches) {
        const k = key(month, code, branch);
        if (meetings.has(k)) continue;
        const date = dayOf.get(`${month}|${code}`) ?? weekdayOf(t + (code === 'P1' ? 9 : 19) * DAY);
        if (date > Date.UTC(2026, 10, 20)) continue;
        meetings.set(k, { date, code, branch, leave: [], absent: [] });
      }
  }
  const dy017 = byId('DY017');
  const august = meetings.get(key('2026-08', 'P1', dy017.branch));
  if (august) {
    august.date = Date.UTC(2026, 7, 26);
    august.leave.push(dy017);
  }
  const list = [...meetings.values()].sort(
    (a, b) => a.date - b.date || a.branch.localeCompare(b.branch),
  );
  const rows: CellValue[][] = [['日期', '会议', '支部', '请假', '缺席', '说明', '告知日期']];
  const mistakes: PlannedMistake[] = [];
  const names = new Set(members.map((m) => m.name));
  list.forEach((m, i) => {
    // DY017 shares a name: the clerk writes the id. Others: a name, now and then an id.
    const typed = (ms: UnitMember[]) =>
      ms
        .map((x) => (x === dy017 || rng.chance(0.1) ? x.id : x.name))
        .join(i % 9 === 4 ? '，' : i % 11 === 7 ? ' ' : '、');
    let leave = typed(m.leave);
    const misspelt = i === 30 && m.leave.length > 0;
    if (misspelt) leave = `${leave}、${misspell(rng, m.leave[0].name, names)}`;
    const missing = m.leave.length + m.absent.length > 0;
    const noticed = missing && m.date < Date.UTC(2026, 10, 10);
    rows.push([
      new Date(m.date),
      m.code === 'P1' ? P1_MEETINGS[i % P1_MEETINGS.length] : i % 2 ? '主题党日' : '党员固定活动日',
      m.branch,
      leave,
      typed(m.absent),
      '',
      noticed ? new Date(m.date + 2 * DAY) : null,
    ]);
    if (misspelt)
      mistakes.push({
        sheet: SHEETS.attendance,
        row: rows.length,
        column: '请假',
        kind: 'unknown-name',
      });
  });
  return {
    sheet: attendanceSheet(rows),
    mistakes,
  };
}

function weekdayOf(time: number): number {
  const dow = new Date(time).getUTCDay();
  return dow === 6 ? time + 2 * DAY : dow === 0 ? time + DAY : time;
}

function attendanceSheet(rows: CellValue[][]): SheetSpec {
  return {
    name: SHEETS.attendance,
    rows,
    headerRow: 1,
    widths: [12, 14, 24, 30, 20, 16, 12],
    dateColumns: [0, 6],
    mergedRanges: [],
  };
}

const HOLDERS = ['党工委书记 王建国', '党工委副书记 李卫东'];
const TYPED: Record<string, string> = {
  reminder: '6',
  warning: '9',
  unqualified: '12',
  bottom: '末位',
};

/**
 * 处置记录 for what the ledger calls for at SAMPLE_AS_OF (the core's own obligations, as the
 * clerk sees them in 待办): each done 3–18 days after it fell due, by whom it falls to, except
 * UNDONE_TALKS; every fourth typed the short way (6 / 9 / 12 / 末位). Plus one stray record.
 */
function sampleRecords(rng: Rng, sheets: readonly SheetSpec[]): CellValue[][] {
  const owed = scoreWorkbook(sheets, SAMPLE_AS_OF).obligations;
  const rows: [number, CellValue[]][] = [];
  owed.forEach((o, i) => {
    if (UNDONE_TALKS.some((u) => u.id === o.member.id && u.kind === o.kind && u.due === o.due))
      return;
    const time = Date.parse(o.due) + rng.int(3, 18) * DAY;
    if (time > Date.parse(SAMPLE_AS_OF)) return;
    const label = i % 4 === 3 ? TYPED[o.kind] : KIND_LABELS[o.kind];
    const by = o.kind === 'warning' ? '单位主要负责人 陈志强' : HOLDERS[i % 2];
    const result =
      o.kind === 'unqualified' ? '转化：限期改正，党工委跟踪考察' : '已谈话，本人表示接受并整改';
    rows.push([time, [new Date(time), o.member.id, o.member.name, label, by, result]]);
  });
  const stray = sheets[0].rows.find((r) => r[0] === STRAY_RECORD_ID)!;
  const strayTime = Date.UTC(2026, 4, 20);
  rows.push([
    strayTime,
    [new Date(strayTime), stray[0], stray[1], '约谈提醒', HOLDERS[0], '已谈话'],
  ]);
  return rows.sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

function recordSheet(rows: CellValue[][]): SheetSpec {
  return {
    name: SHEETS.records,
    rows: [['日期', '编号', '姓名', '处置', '承办人', '结果'], ...rows],
    headerRow: 1,
    widths: [12, 10, 10, 12, 22, 34],
    dateColumns: [0],
    mergedRanges: [],
  };
}

type Opts = Partial<Pick<LedgerEntry, 'points' | 'status' | 'noticeDate' | 'review'>> & {
  /** Typed text instead of an Excel date. */
  typed?: string;
  /** Leave 编号 blank: the row names the member by name only. */
  nameOnly?: boolean;
};

function entry(
  date: Date,
  m: UnitMember,
  item: string,
  variant: string,
  note: string,
  opts: Opts = {},
): [Date, LedgerEntry] {
  const needsNotice = opts.status !== '待核实' && opts.status !== '已撤销';
  return [
    date,
    {
      date: opts.typed ?? date,
      id: opts.nameOnly ? '' : m.id,
      name: m.name,
      item,
      variant,
      points: opts.points ?? null,
      status: opts.status ?? '',
      note,
      noticeDate:
        opts.noticeDate !== undefined
          ? opts.noticeDate
          : needsNotice
            ? new Date(date.getTime() + 3 * 86_400_000)
            : null,
      // The committee verifies the day after the facts are in.
      verifiedDate: opts.status === '已认定' ? new Date(date.getTime() + 86_400_000) : null,
      ...(opts.review ? { review: opts.review } : {}),
    },
  ];
}

const OK = { status: '已认定' } as const;

function stories(byId: (id: string) => UnitMember): [Date, LedgerEntry][] {
  const m = byId;
  return [
    // DY003: leave, then volunteering cancels it; typed by name only.
    entry(utc(2026, 1, 16), m('DY003'), 'P1', '请假', '1月支部党员大会请假（外出学习）', {
      nameOnly: true,
    }),
    entry(utc(2026, 4, 18), m('DY003'), 'J1', '', '参加社区植树志愿服务', {
      ...OK,
      nameOnly: true,
    }),
    // DY005: a verified talk, a reward, and a reward still waiting for proof.
    entry(
      utc(2026, 2, 5),
      m('DY005'),
      'W1',
      '廉政约谈',
      '上班时间多次脱岗，苗头性问题廉政约谈',
      OK,
    ),
    entry(utc(2026, 6, 25), m('DY005'), 'J1', '', '参加防汛志愿服务', OK),
    entry(utc(2026, 10, 22), m('DY005'), 'J1', '', '参加社区志愿服务（待社区出具证明）'),
    // DY008: a reward with nothing to cancel (rewards are not banked), typed as text.
    entry(utc(2026, 3, 7), m('DY008'), '志愿服务', '', '参加学雷锋志愿服务', {
      ...OK,
      typed: '2026/3/7',
      points: '-2',
    }),
    entry(utc(2026, 5, 27), m('DY008'), 'P2', '请假', '5月党员固定活动日请假（出差）'),
    // DY010: one wish of 2025 not completed (微心愿 sheet), then volunteering.
    entry(utc(2026, 3, 12), m('DY010'), 'J1', '', '参加义务植树志愿服务', OK),
    // DY012: absent from a meeting; one entry revoked on review, one still being checked.
    entry(utc(2026, 2, 26), m('DY012'), '三会一课', '无故缺席', '2月支部党员大会无故缺席', {
      points: '6分',
    }),
    entry(
      utc(2026, 6, 12),
      m('DY012'),
      'W1',
      '通报',
      '被反映违反公务接待规定，经复查不属实，党工委研究撤销',
      { status: '已撤销' },
    ),
    entry(utc(2026, 10, 20), m('DY012'), 'W1', '廉政约谈', '被反映上班时间脱岗，正在核实', {
      status: '待核实',
    }),
    // DY015: 诫勉谈话 makes a 警示党员 at once.
    entry(utc(2026, 5, 14), m('DY015'), 'W1', '诫勉谈话', '违反作风建设规定，受到诫勉谈话', OK),
    // DY017 and DY031 share a name: their rows carry the id.
    entry(utc(2026, 6, 23), m('DY017'), 'P2', '请假', '6月党员固定活动日请假（病假）'),
    entry(utc(2026, 8, 26), m('DY017'), 'P1', '请假', '8月党课请假（外出培训）'),
    entry(utc(2026, 9, 10), m('DY031'), 'P2', '请假', '9月党员固定活动日请假（事假）'),
    // DY018: a talk revoked on review, then a 通报 upheld on a review asked for a day late.
    entry(utc(2026, 7, 8), m('DY018'), 'W1', '廉政约谈', '被反映工作日午间饮酒，廉政约谈', {
      ...OK,
      review: { applied: utc(2026, 7, 13), outcome: '撤销', decided: utc(2026, 7, 22) },
    }),
    entry(utc(2026, 9, 24), m('DY018'), 'W1', '通报', '工作纪律松散，被党工委通报', {
      ...OK,
      review: { applied: utc(2026, 10, 5), outcome: '维持', decided: utc(2026, 10, 15) },
    }),
    // DY021: up to 9, a committee reward brings it to 5, and an absence to 11.
    entry(
      utc(2026, 3, 19),
      m('DY021'),
      'M1',
      '通报',
      '办事群众投诉推诿扯皮，经查属实，予以通报（原记诫勉谈话，复核变更为通报）',
      { ...OK, review: { applied: utc(2026, 3, 24), outcome: '变更', decided: utc(2026, 4, 2) } },
    ),
    entry(utc(2026, 5, 29), m('DY021'), 'P2', '无故缺席', '5月党员固定活动日无故缺席'),
    entry(
      utc(2026, 7, 23),
      m('DY021'),
      'J2',
      '',
      '协助引进新材料项目落地，党工委研究给予4分奖励分',
      { ...OK, points: -4 },
    ),
    entry(utc(2026, 9, 17), m('DY021'), 'P1', '无故缺席', '9月支部党员大会无故缺席', {
      typed: '2026年9月17日',
      points: 6,
    }),
    // DY024: two wishes of 2025 not completed, then leave.
    entry(utc(2026, 4, 23), m('DY024'), 'P2', '请假', '4月党员固定活动日请假（值班）'),
    // DY026: R1 fills the record at once; volunteering afterwards cannot cancel it.
    entry(utc(2026, 1, 22), m('DY026'), 'P2', '请假', '1月党员固定活动日请假（事假）'),
    entry(utc(2026, 6, 10), m('DY026'), 'R1', '', '拒不执行党工委关于干部轮岗交流的决定', OK),
    entry(utc(2026, 8, 15), m('DY026'), 'J1', '', '参加防汛志愿服务', OK),
    // DY030: R2, then an absence: 15, above 12.
    entry(utc(2026, 4, 9), m('DY030'), 'R2', '', '在工作群发表与组织决定相悖的言论，经查属实', OK),
    entry(utc(2026, 7, 29), m('DY030'), '党员固定活动日', '无故缺席', '7月党员固定活动日无故缺席', {
      typed: '2026.7.29',
    }),
    // DY034: a complaint, then R3.
    entry(
      utc(2025, 12, 18),
      m('DY034'),
      'M1',
      '廉政约谈',
      '服务企业时态度生硬被投诉，经查属实，廉政约谈',
      OK,
    ),
    // The card of DY034's R3 has not been given: overdue in 待办.
    entry(utc(2026, 9, 8), m('DY034'), 'R3', '', '参与违规越级上访，经查属实', {
      ...OK,
      noticeDate: null,
    }),
    // DY036 left in July 2026: the history stays, the member is not scored.
    entry(utc(2025, 12, 11), m('DY036'), 'P1', '请假', '12月党小组会请假'),
    entry(utc(2026, 3, 26), m('DY036'), 'W1', '廉政约谈', '多次迟到早退，廉政约谈', OK),
    entry(utc(2026, 5, 28), m('DY036'), 'P2', '无故缺席', '5月党员固定活动日无故缺席'),
    // DY038: 诫勉谈话 after a complaint lists a 警示对象; volunteering takes it down to 7.
    entry(
      utc(2026, 8, 21),
      m('DY038'),
      'M1',
      '诫勉谈话',
      '被服务企业投诉办事推诿、态度恶劣，经查属实，诫勉谈话',
      // A review asked for in time and not decided since: 复核中, and overdue.
      { ...OK, review: { applied: utc(2026, 8, 28), outcome: '', decided: null } },
    ),
    entry(utc(2026, 10, 16), m('DY038'), 'J1', '', '参加文明城市创建志愿服务', OK),
  ];
}

/** Five rows a clerk got wrong, each wrong in one column only. */
function mistakes(
  byId: (id: string) => UnitMember,
  members: readonly UnitMember[],
  rng: ReturnType<typeof createRng>,
): [Date, LedgerEntry][] {
  const spoil = (
    [date, e]: [Date, LedgerEntry],
    kind: NonNullable<LedgerEntry['mistake']>['kind'],
    column: string,
    change: Partial<LedgerEntry>,
  ): [Date, LedgerEntry] => [date, { ...e, ...change, mistake: { kind, column } }];
  const names = new Set(members.map((m) => m.name));
  return [
    spoil(
      entry(utc(2026, 3, 2), byId('DY007'), 'P2', '请假', '3月党员固定活动日请假'),
      'bad-date',
      '日期',
      { date: '2026-13-01' },
    ),
    spoil(
      entry(utc(2026, 4, 14), byId('DY022'), 'P1', '请假', '4月党课请假'),
      'unknown-name',
      '姓名',
      { id: '', name: misspell(rng, byId('DY022').name, names) },
    ),
    spoil(
      entry(utc(2026, 5, 19), byId('DY027'), '上班迟到', '', '5月考勤通报迟到3次', OK),
      'unknown-rule',
      '事项',
      {},
    ),
    spoil(
      entry(utc(2026, 6, 16), byId('DY033'), 'P1', '无故缺席', '6月支部党员大会无故缺席'),
      'wrong-points',
      '分值',
      { points: 3 },
    ),
    spoil(
      entry(utc(2026, 7, 21), byId('DY017'), 'P2', '请假', '7月党员固定活动日请假'),
      'ambiguous-name',
      '姓名',
      { id: '' },
    ),
  ];
}

/** 2025 for everyone then on the roster, 2026 for those still there (scored on 12-31). */
function wishRows(rng: ReturnType<typeof createRng>, members: readonly UnitMember[]): WishRow[] {
  const shortfall: Record<string, [number, number]> = { DY010: [2, 1], DY024: [3, 1] };
  const rows: WishRow[] = members.map((m) => {
    const s = shortfall[m.id];
    if (s)
      return {
        year: 2025,
        id: m.id,
        name: m.name,
        claimed: s[0],
        completed: s[1],
        noticeDate: utc(2026, 1, 6),
      };
    return randomWish(rng, m, 2025, true);
  });
  for (const m of members) {
    if (m.status !== '在册') continue;
    // DY012 has one 2026 wish still open: scored only on 2026-12-31, after SAMPLE_AS_OF.
    if (m.id === OPEN_WISH_ID)
      rows.push({ year: 2026, id: m.id, name: m.name, claimed: 2, completed: 1 });
    else rows.push(randomWish(rng, m, 2026));
  }
  return rows;
}

export { SHEETS };
