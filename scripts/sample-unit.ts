// The bundled sample workbook (samples/示例台账.xlsx): a fictional unit of 40 members from the
// generator, a year of routine rows, and scripted stories that use every rule, variant and
// status, every level, a transferred member, two members who share a name, and a few typing
// mistakes. The expected outcome of each story is written down here, worked out by hand from
// docs/domain rules, so that tests can check the scoring core against it.
import type { Level } from '../core/index.js';
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

  const ledger = ledgerSheet(rows, '示例经开区');
  return {
    sheets: [
      rosterSheet(members),
      ledger.sheet,
      wishSheet(wishRows(rng, members)),
      settingsSheet({ unitName: SAMPLE_UNIT, upwardEmail: SAMPLE_UPWARD_EMAIL }),
    ],
    members,
    mistakes: ledger.mistakes,
  };
}

type Opts = Partial<Pick<LedgerEntry, 'points' | 'status' | 'noticeDate'>> & {
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
    // DY018: 通报.
    entry(utc(2026, 9, 24), m('DY018'), 'W1', '通报', '工作纪律松散，被党工委通报', OK),
    // DY021: up to 9, a committee reward brings it to 5, and an absence to 11.
    entry(
      utc(2026, 3, 19),
      m('DY021'),
      'M1',
      '通报',
      '办事群众投诉推诿扯皮，经查属实，予以通报',
      OK,
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
    entry(utc(2026, 9, 8), m('DY034'), 'R3', '', '参与违规越级上访，经查属实', OK),
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
      OK,
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
    if (s) return { year: 2025, id: m.id, name: m.name, claimed: s[0], completed: s[1] };
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
