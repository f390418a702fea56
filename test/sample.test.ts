// The bundled sample workbook, read with the project's reader, scores as scripts/sample-unit.ts
// designed it: the outcomes there are worked out by hand from the domain rules.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUILTIN_RULES,
  entryState,
  parseWorkbook,
  score,
  type CellValue,
  type ParsedWorkbook,
  type ScoreResult,
  type SheetData,
} from '../core/index.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import {
  OPEN_WISH_ID,
  ROUTINE_DEMERIT_CAP,
  SAMPLE_AS_OF,
  SAMPLE_UNIT,
  SAMPLE_UPWARD_EMAIL,
  SHARED_NAME_IDS,
  STORY_OUTCOMES,
  STRAY_RECORD_ID,
  UNDONE_TALKS,
  TRANSFERRED_ID,
  sampleUnit,
} from '../scripts/sample-unit.js';

const design = sampleUnit();
let sheets: SheetData[];
let parsed: ParsedWorkbook;
let result: ScoreResult;

beforeAll(async () => {
  sheets = await readWorkbook(SAMPLE_WORKBOOK);
  parsed = parseWorkbook(sheets);
  result = score(parsed, SAMPLE_AS_OF);
});

const memberResult = (id: string) => result.members.find((m) => m.member.id === id);

describe('the sample workbook', () => {
  it('is what `npm run sample:make` writes today (not stale)', () => {
    for (const spec of design.sheets) {
      const read = sheets.find((s) => s.name === spec.name);
      expect(read, spec.name).toBeDefined();
      // exceljs repeats a merged banner's text in every cell of the merge: keep the first.
      const rows = read!.rows.map((row, i) =>
        spec.mergedRanges.some((m) => m.startsWith(`A${i + 1}:`)) ? row.slice(0, 1) : row,
      );
      expect(trimRows(rows), spec.name).toEqual(trimRows(spec.rows));
    }
  });

  it('reads the unit settings', () => {
    expect(result.settings.unitName).toBe(SAMPLE_UNIT);
    expect(result.settings.upwardEmail).toBe(SAMPLE_UPWARD_EMAIL);
    expect(result.settings.thresholds).toEqual({ reminder: 6, warning: 9, unqualified: 12 });
  });

  it('has 40 members in four branches, one of them transferred', () => {
    expect(parsed.members).toHaveLength(40);
    expect(new Set(parsed.members.map((m) => m.branch)).size).toBe(4);
    expect(result.members).toHaveLength(39);
  });

  it('brings each scripted member to the balance and level worked out by hand', () => {
    for (const story of STORY_OUTCOMES) {
      const m = memberResult(story.id);
      expect(m, story.id).toBeDefined();
      expect({ id: story.id, balance: m!.balance, level: m!.level }, story.why).toEqual({
        id: story.id,
        balance: story.balance,
        level: story.level,
      });
    }
  });

  it('keeps every routine member 正常 (their demerits are capped by design)', () => {
    const scripted = new Set(STORY_OUTCOMES.map((s) => s.id));
    const routine = result.members.filter((m) => !scripted.has(m.member.id!));
    expect(routine.length).toBeGreaterThan(20);
    for (const m of routine) {
      expect(m.level, m.member.id!).toBe('normal');
      expect(m.balance).toBeLessThanOrEqual(ROUTINE_DEMERIT_CAP);
    }
  });

  it('has a member at every level', () => {
    const levels = new Set(result.members.map((m) => m.level));
    expect([...levels].sort()).toEqual(['normal', 'reminder', 'unqualified', 'warning']);
    expect(Math.max(...result.members.map((m) => m.balance))).toBeGreaterThan(12);
  });

  it('counts every built-in rule and variant at least once', () => {
    const counted = new Set(
      result.entries
        .filter((e) => entryState(e, SAMPLE_AS_OF) === 'counted')
        .map((e) => `${e.rule.code}|${e.rule.variant ?? ''}`),
    );
    for (const rule of BUILTIN_RULES)
      expect(counted, `${rule.code} ${rule.variant ?? ''}`).toContain(
        `${rule.code}|${rule.variant ?? ''}`,
      );
  });

  it('uses every status: 已认定, 待核实, 已撤销 and blank', () => {
    const typed = new Set(result.entries.map((e) => e.statusText));
    for (const s of ['已认定', '待核实', '已撤销', '']) expect(typed).toContain(s);
    const states = new Set(result.entries.map((e) => entryState(e, SAMPLE_AS_OF)));
    for (const s of ['counted', 'pending', 'revoked', 'future', 'inactive'])
      expect(states).toContain(s);
  });

  it('scores 2025 micro-wishes on 2025-12-31 and leaves 2026 for the year end', () => {
    const wishes = result.entries.filter((e) => e.wishes);
    const w2025 = wishes.filter((e) => e.wishes!.year === 2025);
    expect(w2025.map((e) => [e.member.id, e.date, e.points]).sort()).toEqual([
      ['DY010', '2025-12-31', 3],
      ['DY024', '2025-12-31', 6],
    ]);
    const open = wishes.find((e) => e.member.id === OPEN_WISH_ID && e.wishes!.year === 2026);
    expect(open?.date).toBe('2026-12-31');
    expect(entryState(open!, SAMPLE_AS_OF)).toBe('future');
  });

  it('shows that a reward cancels only what is there, and never R1–R3 points', () => {
    const steps = (id: string) => memberResult(id)!.steps;
    // DY008: volunteering at balance 0 cancels nothing.
    expect(steps('DY008')[0]).toMatchObject({ requested: -2, applied: 0, after: 0 });
    // DY026: volunteering after R1 cannot bring the balance below 12.
    expect(steps('DY026').at(-1)).toMatchObject({ requested: -2, applied: 0, after: 12 });
    // DY021: the committee's 4 reward points (J2) cancel 4.
    expect(steps('DY021').find((s) => s.requested === -4)).toMatchObject({ applied: -4, after: 5 });
  });

  it('lists a 诫勉谈话 member as 警示 even after points are cancelled below 9', () => {
    const m = memberResult('DY038')!;
    expect(m.level).toBe('reminder');
    expect(m.warningListed).toBe(true);
  });

  it('keeps the transferred member’s history without scoring it', () => {
    expect(memberResult(TRANSFERRED_ID)).toBeUndefined();
    expect(result.inactive.map((m) => m.id)).toEqual([TRANSFERRED_ID]);
    const history = result.entries.filter((e) => e.member.id === TRANSFERRED_ID);
    expect(history.length).toBeGreaterThanOrEqual(3);
    for (const e of history) expect(entryState(e, SAMPLE_AS_OF)).toBe('inactive');
  });

  it('tells apart the two members who share a name by their ids', () => {
    const [a, b] = SHARED_NAME_IDS.map((id) => memberResult(id)!);
    expect(a.member.name).toBe(b.member.name);
    expect(a.member.branch).not.toBe(b.member.branch);
    const warnings = result.problems.filter(
      (p) => p.severity === 'warning' && p.sheet === '党员名册',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ sheet: '党员名册', column: '姓名' });
    expect(warnings[0].message).toContain(a.member.name);
  });

  it('reads the messy typing: title banner, spaced headers, text dates, "6分" and "-2"', () => {
    const dates = (id: string) =>
      result.entries.filter((e) => e.member.id === id).map((e) => e.date);
    expect(dates('DY008')).toContain('2026-03-07'); // typed 2026/3/7
    expect(dates('DY030')).toContain('2026-07-29'); // typed 2026.7.29
    expect(dates('DY021')).toContain('2026-09-17'); // typed 2026年9月17日
    const ledger = sheets.find((s) => s.name === '记分台账')!;
    expect(String(ledger.rows[0][0])).toContain('记分台账'); // the banner above the header
    expect(ledger.rows[2]).toContain('姓 名');
    expect(ledger.rows[2]).toContain('分值（分）');
  });

  it('reports each planted mistake as an error on its row and column, and nothing else', () => {
    const errors = result.problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({ sheet: p.sheet, row: p.row, column: p.column }));
    const planned = design.mistakes.map((m) => ({ sheet: m.sheet, row: m.row, column: m.column }));
    expect(planned).toHaveLength(6);
    expect(planned.at(-1)).toMatchObject({ sheet: '会议签到', column: '请假' });
    expect(errors).toEqual(planned);
    for (const p of result.problems.filter((p) => p.severity === 'error')) {
      expect(p.cell).toMatch(new RegExp(`^[A-Z]+${p.row}$`));
      expect(p.fix).not.toBe('');
    }
    const bad = result.problems.find((p) => p.column === '日期')!;
    expect(bad.message).toContain('2026-13-01');
  });
});

describe('the sample workbook’s follow-through', () => {
  it('records every talk due but the undone ones, which are overdue', () => {
    const open = result.obligations.filter((o) => o.state !== 'done');
    expect(open.map((o) => [o.member.id, o.kind, o.due, o.state])).toEqual(
      UNDONE_TALKS.map((u) => [u.id, u.kind, u.due, 'overdue']),
    );
    expect(result.obligations.length).toBeGreaterThan(20);
    expect(result.obligations.some((o) => o.kind === 'bottom' && o.state === 'done')).toBe(true);
  });

  it('warns about the 约谈提醒 recorded for a 0 → 9 entry, which calls for a 警示约谈 only', () => {
    const stray = result.problems.filter((p) => p.sheet === '处置记录');
    expect(stray).toHaveLength(1);
    expect(stray[0].severity).toBe('warning');
    const m = memberResult(STRAY_RECORD_ID)!;
    expect(stray[0].message).toContain(m.member.name);
    expect(
      result.obligations
        .filter((o) => o.member === m.member && o.kind !== 'bottom')
        .map((o) => o.kind),
    ).toEqual(['warning']);
  });

  it('counts the 会议签到 absences, and DY017’s leave typed in both sheets once', () => {
    const fromMeetings = result.entries.filter((e) => e.source.sheet === '会议签到');
    expect(fromMeetings.length).toBeGreaterThan(10);
    const twice = result.problems.filter((p) => p.sheet === '会议签到' && p.severity === 'warning');
    expect(twice).toHaveLength(1);
    expect(twice[0].message).toContain('只计一次');
    expect(memberResult('DY017')!.steps.map((s) => s.entryKey.split('!')[0])).toEqual([
      '记分台账',
      '记分台账',
    ]);
  });

  it('has each review state: revoked, changed, upheld (applied late) and one open past its time', () => {
    expect(result.reviews.map((r) => [r.member.id, r.outcome, r.state, r.late]).sort()).toEqual([
      ['DY018', 'revoked', 'decided', false],
      ['DY018', 'upheld', 'decided', true],
      ['DY021', 'changed', 'decided', false],
      ['DY038', null, 'overdue', false],
    ]);
  });

  it('lists the pending rows with their age, and the cards not given', () => {
    expect(result.pending.map((p) => [p.member.id, p.date, p.days])).toEqual([
      ['DY012', '2026-10-20', 35],
      ['DY005', '2026-10-22', 33],
    ]);
    const r3 = result.notices.find((n) => n.member.id === 'DY034' && n.date === '2026-09-08');
    expect(r3?.state).toBe('overdue');
  });
});

/** Rows as the reader gives them: '' and undefined are blank, trailing blanks dropped. */
function trimRows(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((row) => {
    const r = row.map((v) => (v === undefined || v === '' ? null : v));
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}
