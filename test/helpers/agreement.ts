// Test helper for issue 18's agreement tests (test/agreement.test.ts: score, cards, mail,
// county; test/agreement-pane-web.test.ts: the pane's sheets and the web page): the two units,
// the core's one result as `twelve score --json` and its text print it, and what every view
// must therefore say, worked out here once from that JSON. Only the printed result is read,
// never the core's objects: a view agrees with what the clerk can see `score` say.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { KIND_LABELS, LEVEL_LABELS } from '../../core/index.js';
import { main } from '../../reports/cli.js';
import { SAMPLE_WORKBOOK } from '../../reports/paths.js';
import { generateUnit } from '../../scripts/generate-unit.js';
import { writeUnitXlsx } from '../../scripts/write-unit.js';
import { captureIo } from './io.js';
import { tempDir } from './workbook.js';

export interface Unit {
  label: string;
  file: string;
  name: string;
  heading: string;
  quarter: string;
  start: string;
  end: string;
  month: string;
  rankingDay: string;
  notices: { since: string; until: string };
}

type Level = keyof typeof LEVEL_LABELS;
type Kind = keyof typeof KIND_LABELS;

export interface ScoreJson {
  asOf: string;
  members: {
    id: string | null;
    name: string;
    branch: string;
    balance: number;
    level: Level;
    demerits: number;
    rewards: number;
    cancelled: number;
    rank: number;
    awardEligible: boolean;
    warningListed: boolean;
    warning: string | null;
    steps: { date: string; points: number }[];
  }[];
  obligations: {
    memberId: string;
    kind: Kind;
    due: string;
    deadline: string;
    state: 'open' | 'overdue' | 'done' | 'superseded';
    doneOn: string | null;
    supersededOn: string | null;
  }[];
  notices: { number: string; date: string; memberId: string; sheet: string; state: string }[];
  reviews: { memberId: string; state: string }[];
  pending: { memberId: string; date: string }[];
  problems: {
    severity: 'error' | 'warning' | 'info';
    sheet: string;
    row: number | null;
    column: string | null;
    cell: string | null;
    message: string;
  }[];
}

export type Member = ScoreJson['members'][number];

export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(args, io.out, io.err);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** `twelve score` on a day: its JSON and its text. */
export async function scoreAt(
  file: string,
  asOf: string,
): Promise<{ json: ScoreJson; text: string }> {
  const json = JSON.parse((await run(['score', file, '--as-of', asOf, '--json'])).out) as ScoreJson;
  return { json, text: (await run(['score', file, '--as-of', asOf])).out };
}

export const findFile = (dir: string, re: RegExp): string => {
  const all = readdirSync(dir, { recursive: true }) as string[];
  const hit = all.find((f) => re.test(f));
  if (!hit) throw new Error(`${dir} 中没有 ${re}：${all.join('、')}`);
  return path.join(dir, hit);
};

/** A second unit: a 街道, 卡片抬头 街道, with meetings, talks recorded (few: some superseded), reviews. */
async function streetUnit(): Promise<string> {
  const unit = generateUnit({
    members: 36,
    ledgerRows: 160,
    seed: 18,
    year: 2025,
    unitName: '示例街道',
    followThrough: { meetings: 12, records: 6, asOf: '2025-11-24' },
  });
  const settings = unit.sheets.find((s) => s.name === '设置')!;
  settings.rows.push(['卡片抬头', '街道']);
  // Reviews: two counted rows of the third quarter, one upheld and one still open.
  const ledger = unit.sheets.find((s) => s.name === '记分台账')!;
  const header = ledger.rows.findIndex((r) => r.includes('复核申请日期'));
  const col = (name: string) => ledger.rows[header].indexOf(name);
  const q3 = ledger.rows.filter(
    (r, i) =>
      i > header &&
      r[0] instanceof Date &&
      r[0].toISOString() >= '2025-07-01' &&
      r[0].toISOString() < '2025-09-01' &&
      /^P[12]$/.test(String(r[3])),
  );
  const day = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
  for (const [i, r] of q3.slice(0, 2).entries()) {
    const date = r[0] as Date;
    r[col('告知日期')] = day(date, 2);
    r[col('复核申请日期')] = day(date, 5);
    if (i === 0) {
      r[col('复核结果')] = '维持';
      r[col('复核日期')] = day(date, 12);
    }
  }
  const file = path.join(tempDir('twelve-agree-'), '示例街道台账.xlsx');
  await writeUnitXlsx(unit.sheets, file);
  return file;
}

/** The sample, and a 街道 of our own with 会议签到, reviews and superseded talks. */
export const UNITS: (() => Promise<Unit>)[] = [
  async () => ({
    label: 'the sample',
    file: SAMPLE_WORKBOOK,
    name: '示例经开区党工委',
    heading: '机关',
    quarter: '2026Q3',
    start: '2026-07-01',
    end: '2026-09-30',
    month: '2026-10',
    rankingDay: '2026-10-25',
    notices: { since: '2026-09-01', until: '2026-09-30' },
  }),
  async () => ({
    label: 'a 街道 of our own',
    file: await streetUnit(),
    name: '示例街道党工委',
    heading: '街道',
    quarter: '2025Q3',
    start: '2025-07-01',
    end: '2025-09-30',
    month: '2025-10',
    rankingDay: '2025-10-25',
    notices: { since: '2025-07-01', until: '2025-08-31' },
  }),
];

// ——— What every view must say, from the JSON ———

export const LEVEL_WORDS = { reminder: '提醒', warning: '警示', unqualified: '不合格' } as const;

export const levelCount = (json: ScoreJson, level: Level) =>
  json.members.filter((m) => m.level === level).length;

/** "提醒 1 名，警示 1 名，不合格 1 名": the levels above 正常, as score and the quarter state them. */
export const levelWords = (json: ScoreJson) =>
  (Object.keys(LEVEL_WORDS) as (keyof typeof LEVEL_WORDS)[])
    .map((l) => `${LEVEL_WORDS[l]} ${levelCount(json, l)} 名`)
    .join('，');

/** The quarter's members and points, and its talks (superseded ones by the one rule). */
export function quarterFigures(json: ScoreJson, unit: Unit) {
  const inQ = (d: string) => d >= unit.start && d <= unit.end;
  const steps = json.members.map((m) => m.steps.filter((s) => inQ(s.date)));
  const due = json.obligations.filter((o) => inQ(o.due));
  return {
    listed: steps.filter((s) => s.length > 0).length,
    demerits: steps.flat().reduce((a, s) => a + Math.max(s.points, 0), 0),
    rewards: steps.flat().reduce((a, s) => a + Math.max(-s.points, 0), 0),
    talksDue: due.length,
    talksDone: due.filter((o) => o.state === 'done').length,
    talksOverdue: due.filter(
      (o) => o.state === 'overdue' || (o.state === 'superseded' && o.supersededOn! > o.deadline),
    ).length,
  };
}

/** The lines the quarter's cards (internal and upward) print, whoever asked for them. */
export function quarterCardLines(json: ScoreJson, unit: Unit): string[] {
  const q = quarterFigures(json, unit);
  return [
    `季末等级：${levelWords(json)}`,
    `有记分记录的党员 ${q.listed} 名，合计记分 ${q.demerits} 分`,
    `${unit.heading}党员“十二分制”`,
  ];
}

/** The lines of the upward mail's text for the quarter, whoever wrote the .eml. */
export function mailLines(json: ScoreJson, unit: Unit): string[] {
  const q = quarterFigures(json, unit);
  return [
    `季度末等级：${levelWords(json)}，其余为正常`,
    `本季度有记分或奖励记录的党员 ${q.listed} 名，共记分 ${q.demerits} 分，奖励分 ${q.rewards} 分`,
    `本季应办 ${q.talksDue} 项：已办 ${q.talksDone} 项，逾期未办 ${q.talksOverdue} 项`,
    `${unit.heading}党员“十二分制”`,
  ];
}

/** The figures of the mail's .xlsx (单位数据), as the county reads them back. */
export function mailFigures(json: ScoreJson, unit: Unit): Record<string, number> {
  const q = quarterFigures(json, unit);
  return {
    reminder: levelCount(json, 'reminder'),
    warning: levelCount(json, 'warning'),
    unqualified: levelCount(json, 'unqualified'),
    listedMembers: q.listed,
    demerits: q.demerits,
    rewards: q.rewards,
    talksDue: q.talksDue,
    talksDone: q.talksDone,
    talksOverdue: q.talksOverdue,
  };
}

/** The talks still to do on the day: open or overdue, never done or superseded. */
export const owedTalks = (json: ScoreJson) =>
  json.obligations.filter((o) => o.state === 'open' || o.state === 'overdue');

/** The member's id as the JSON names them (编号, or 姓名 where the roster has none). */
export const memberKey = (m: Member) => m.id ?? m.name;

export const memberOf = (json: ScoreJson) => {
  const byKey = new Map(json.members.map((m) => [memberKey(m), m]));
  return (key: string) => byKey.get(key);
};

/** What the ranking of the day must list as owed: each member's name, and how many overdue. */
export function rankingOwed(json: ScoreJson): { names: string[]; overdue: number } {
  const member = memberOf(json);
  const owed = owedTalks(json);
  return {
    names: owed.map((o) => member(o.memberId)?.name ?? o.memberId),
    overdue: owed.filter((o) => o.state === 'overdue').length,
  };
}

/**
 * 需要约谈和处置, one line per member owed a talk or handling, in the order the lists show
 * them: members with an overdue one first, then by their earliest due date.
 */
export function talkLines(json: ScoreJson) {
  const member = memberOf(json);
  const byMember = new Map<string, ScoreJson['obligations']>();
  for (const o of owedTalks(json))
    byMember.set(o.memberId, [...(byMember.get(o.memberId) ?? []), o]);
  const sameName = (m: Member) => json.members.filter((x) => x.name === m.name).length > 1;
  const lines = [...byMember].map(([key, owed]) => {
    const m = member(key)!;
    return {
      name: sameName(m) && m.id ? `${m.name}（编号 ${m.id}）` : m.name,
      balance: m.balance,
      level: LEVEL_LABELS[m.level],
      overdue: owed.some((o) => o.state === 'overdue'),
      talks: owed.map((o) => `${KIND_LABELS[o.kind]}`),
      deadlines: owed.map((o) => o.deadline),
    };
  });
  return [...lines.filter((l) => l.overdue), ...lines.filter((l) => !l.overdue)];
}

/**
 * 待办 as (逾期/待办, 事项, member) from the JSON: talks open or overdue, one line per member
 * whose cards are not all given, reviews not decided, entries waiting (their lateness is a
 * setting's, so not compared here: the lines are compared with score's text for that).
 */
export function todoKeys(json: ScoreJson): string[] {
  const keys: string[] = [];
  for (const o of owedTalks(json))
    keys.push(`${o.state === 'overdue' ? '逾期' : '待办'} ${KIND_LABELS[o.kind]} ${o.memberId}`);
  const cards = new Map<string, boolean>();
  for (const n of json.notices)
    if (n.state !== 'done') cards.set(n.memberId, cards.get(n.memberId) || n.state === 'overdue');
  for (const [id, overdue] of cards) keys.push(`${overdue ? '逾期' : '待办'} 告知卡未送达 ${id}`);
  for (const r of json.reviews)
    if (r.state !== 'decided')
      keys.push(`${r.state === 'overdue' ? '逾期' : '待办'} 复核未办结 ${r.memberId}`);
  for (const p of json.pending) keys.push(`? 待核实 ${p.memberId}`);
  return keys.sort();
}

/** The overview's pairs as the pane and the page show them (ui/result-lists.ts's labels). */
export function overviewPairs(json: ScoreJson): Record<string, string> {
  const count = (s: string) => json.problems.filter((p) => p.severity === s).length;
  const levels = (Object.keys(LEVEL_LABELS) as Level[])
    .map((l) => `${LEVEL_LABELS[l]} ${levelCount(json, l)}`)
    .join('，');
  return {
    计算日期: json.asOf,
    在册党员: `${json.members.length} 名`,
    等级: levels,
    需要约谈: `${new Set(owedTalks(json).map((o) => o.memberId)).size} 名`,
    问题: `错误 ${count('error')} 条，提醒 ${count('warning')} 条`,
  };
}

/** The lines under a heading of score's text (【待办】, 【问题】), as it prints them. */
export function textSection(text: string, heading: string): string[] {
  const at = text.indexOf(`【${heading}】`);
  if (at < 0) throw new Error(`score 的输出中没有【${heading}】`);
  const rest = text.slice(at).split('\n').slice(1);
  const end = rest.findIndex((l) => l.startsWith('【'));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.startsWith('['));
}

/** The text's 【待办】 heading line: "9 项，其中逾期 5 项". */
export const todoHeading = (text: string) => /【待办】(.*)/.exec(text)?.[1].trim() ?? '';

/**
 * 积分汇总 as the JSON says it: one row per member, by header. What the pane writes must
 * match it cell for cell (the columns a clerk reads; 应办处置 as its lines' dates, kinds and
 * states).
 */
export function summaryExpected(json: ScoreJson): Record<string, string | number>[] {
  const pending = (key: string) => json.pending.filter((p) => p.memberId === key).length;
  return json.members.map((m) => ({
    编号: m.id ?? '',
    姓名: m.name,
    支部: m.branch,
    积分余额: m.balance,
    等级: LEVEL_LABELS[m.level],
    累计记分: m.demerits,
    累计奖励分: m.rewards,
    实际销分: m.cancelled,
    待核实: pending(memberKey(m)),
    应办处置: json.obligations
      .filter((o) => o.memberId === memberKey(m))
      .map(
        (o) =>
          `${o.due} ${KIND_LABELS[o.kind]} ${
            o.state === 'done'
              ? `已办 ${o.doneOn}`
              : o.state === 'superseded'
                ? `已被取代 ${o.supersededOn}`
                : `${o.state === 'overdue' ? '逾期' : '待办'}，期限 ${o.deadline}`
          }`,
      )
      .join('\n'),
    排名: m.rank,
    可推荐评先评优: m.awardEligible ? '是' : '否',
    警示名单: m.warning ?? '',
    计算日期: json.asOf,
  }));
}

/** 校验结果 as the JSON says it: severity, sheet, row, column, message. */
export function problemsExpected(json: ScoreJson): string[] {
  const words = { error: '错误', warning: '提醒', info: '说明' } as const;
  return json.problems.map(
    (p) => `${words[p.severity]}|${p.sheet}|${p.row ?? ''}|${p.column ?? ''}|${p.message}`,
  );
}
