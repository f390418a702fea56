// The view-models the cards print: shaped from the core's results, nothing computed twice.
import { describe, expect, it } from 'vitest';
import {
  LEVEL_LABELS,
  noticeCards,
  parseWorkbook,
  quarterlySummary,
  quarterlyView,
  rankingView,
  monthlyRanking,
  score,
  typographicQuotes,
  warningLabel,
  type SheetData,
} from '../core/index.js';
import { cardSheets } from './helpers/card-fixture.js';

const sheets: SheetData[] = cardSheets().map((s) => ({ name: s.name, rows: s.rows }));
const parsed = parseWorkbook(sheets);
const result = score(parsed, '2026-11-24');

describe('notice cards', () => {
  const cards = noticeCards(result);

  it('makes one card per counted entry only: not pending, revoked or after the as-of date', () => {
    const keys = cards.map((c) => c.entryKey);
    const counted = result.members.flatMap((m) => m.steps.map((s) => s.entryKey));
    expect(new Set(keys)).toEqual(new Set(counted));
    expect(keys).not.toContain('记分台账!6'); // 待核实
    expect(keys).not.toContain('记分台账!10'); // 已撤销
    expect(keys).not.toContain('记分台账!17'); // 2026-12-01
  });

  it('prints the balance before and after exactly as the core applied the entry', () => {
    for (const card of cards) {
      const step = result.members
        .flatMap((m) => m.steps)
        .find((s) => s.entryKey === card.entryKey)!;
      expect([card.view.before, card.view.after]).toEqual([step.before, step.after]);
      expect(card.view.actions.map((a) => a.threshold)).toEqual(
        step.actions.map((a) => a.threshold),
      );
      expect(card.view.awardEligible).toBe(step.after === 0);
    }
  });

  it('says what a reward cancelled, and that nothing is banked when there was nothing', () => {
    const cancelled = cards.find((c) => c.entryKey === '记分台账!4')!.view;
    expect(cancelled.reward).toBe(true);
    expect(cancelled.points).toBe('2');
    expect(cancelled.title).toBe('机关党员“十二分制”奖励分告知卡');
    expect(cancelled.effect).toContain('销除已有记分 2 分');
    const nothing = cards.find((c) => c.entryKey === '记分台账!9')!.view;
    expect(nothing.effect).toContain('无可销除');
    expect(nothing.after).toBe(0);
    // R3 is one-time full: a later reward leaves 12.
    const afterFull = cards.find((c) => c.entryKey === '记分台账!8')!.view;
    expect(afterFull.after).toBe(12);
  });

  it('numbers cards 〔year〕NNNN in entry order, the same whatever the period asked for', () => {
    const all = new Map(cards.map((c) => [c.entryKey, c.view.number]));
    const october = noticeCards(result, { since: '2026-10-01', until: '2026-10-31' });
    expect(october.map((c) => c.date.slice(0, 7))).toEqual(Array(5).fill('2026-10'));
    for (const c of october) expect(c.view.number).toBe(all.get(c.entryKey));
    // Every valid entry has its number, counted or not (待核实 row 6 is 0005, not skipped).
    expect(result.cardNumbers['记分台账!2']).toBe('〔2026〕0001号');
    expect(result.cardNumbers['记分台账!6']).toBe('〔2026〕0005号');
    expect(all.get('记分台账!7')).toBe('〔2026〕0006号');
    expect(result.notices.map((n) => n.number)).toEqual(
      result.notices.map((n) => all.get(n.entryKey)),
    );
  });

  it('gives each member of one 会议签到 row a number of their own, never a ledger row’s', () => {
    const meetings = parseWorkbook([
      ...sheets,
      {
        name: '会议签到',
        rows: [
          ['日期', '会议', '请假', '缺席'],
          ['2026-07-03', '支部党员大会', '李四、王五', '赵六'],
          ['2026-07-20', '主题党日', '', '李四'],
        ],
      },
    ]);
    const r = score(meetings, '2026-11-24');
    const numbers = noticeCards(r).map((c) => c.view.number);
    expect(numbers.length).toBeGreaterThan(cards.length + 3);
    expect(new Set(numbers).size).toBe(numbers.length);
    const all = Object.values(r.cardNumbers);
    expect(new Set(all).size).toBe(all.length);
  });

  it('never renumbers a card when rows are re-sorted or a later entry is added', () => {
    const identity = (r: typeof result) =>
      new Map(
        r.entries.map((e) => [
          `${e.date}|${e.member.id}|${e.rule.code}|${e.variantText}|${e.note}`,
          r.cardNumbers[e.key],
        ]),
      );
    const before = identity(result);
    const ledger = sheets.find((s) => s.name === '记分台账')!;
    const [header, ...rows] = ledger.rows;
    const shuffled = [header, ...[...rows].reverse()];
    const later = [...shuffled, ['2026-12-02', 'A02', '李四', 'P1', '请假', '', '', '最新一条']];
    for (const variant of [shuffled, later]) {
      const r = score(
        parseWorkbook(sheets.map((s) => (s === ledger ? { ...s, rows: variant } : s))),
        '2026-11-24',
      );
      const after = identity(r);
      for (const [id, number] of before) expect(after.get(id)).toBe(number);
    }
  });

  it('names the level just after the entry with that entry’s date, not the print date’s', () => {
    // 张三: 7-03 +1… the 11-05 card, printed on 11-24, says the level of 11-05.
    for (const card of cards) {
      expect(card.view.levelDate).toBe(
        card.view.withdrawn ? card.view.levelDate : card.view.entry.date,
      );
      expect(card.view.levelHeading).toBe(card.view.reward ? '奖励后等级' : '记分后等级');
    }
    // 王五 reaches 12 on 09-02 (R3): that card says 不合格 as of 2026年9月2日.
    const r3 = cards.find((c) => c.entryKey === '记分台账!7')!.view;
    expect([r3.levelHeading, r3.level, r3.levelDate]).toEqual([
      '记分后等级',
      '不合格',
      '2026年9月2日',
    ]);
  });

  it('titles every document with 设置 卡片抬头 (default 机关)', () => {
    const street = parseWorkbook(
      sheets.map((s) =>
        s.name === '设置' ? { ...s, rows: [...s.rows, ['卡片抬头', '街道']] } : s,
      ),
    );
    const r = score(street, '2026-11-24');
    const titles = [
      ...noticeCards(r).map((c) => c.view.title),
      quarterlyView(quarterlySummary(street, '2026Q3'), r.settings, 'upward', '2026-10-10').title,
      rankingView(monthlyRanking(street, 2026, 10), r.settings).title,
    ];
    expect(new Set(titles)).toEqual(
      new Set([
        '街道党员“十二分制”记分告知卡',
        '街道党员“十二分制”奖励分告知卡',
        '街道党员“十二分制”记分汇总公示卡',
        '街道党员“十二分制”积分榜单',
      ]),
    );
    expect(cards[0].view.title).toMatch(/^机关党员/);
    // The whole phrase typed: its start is used, and the clerk is told.
    const typed = parseWorkbook(
      sheets.map((s) =>
        s.name === '设置' ? { ...s, rows: [...s.rows, ['卡片抬头', '社区党员“十二分制”']] } : s,
      ),
    );
    expect(typed.settings.cardHeading).toBe('社区');
    expect(typed.problems.map((p) => p.message).join('\n')).toContain('卡片抬头');
  });

  it('carries the review period from the settings (default 7 days)', () => {
    expect(cards[0].view.reviewDays).toBe(7);
    const custom = parseWorkbook(
      sheets.map((s) =>
        s.name === '设置' ? { ...s, rows: [...s.rows, ['复核申请天数', 10]] } : s,
      ),
    );
    const view = noticeCards(score(custom, '2026-11-24'))[0].view;
    expect(view.reviewText).toContain('10 日内');
  });
});

describe('quarterly and ranking views', () => {
  it('leaves the facts of the case out of the internal version only', () => {
    const summary = quarterlySummary(parsed, '2026Q3');
    const internal = quarterlyView(summary, parsed.settings, 'internal', '2026-10-08');
    const upward = quarterlyView(summary, parsed.settings, 'upward', '2026-10-08');
    expect(internal.rows.every((r) => r.entries.length === 0)).toBe(true);
    expect(upward.rows.map((r) => r.entries.length)).toEqual(
      summary.rows.map((r) => r.entries.length),
    );
    expect(upward.rows.map((r) => r.balance)).toEqual(summary.rows.map((r) => r.balance));
  });

  it('marks the same 末位 and talks as the core ranking', () => {
    const ranking = monthlyRanking(parsed, 2026, 11);
    const view = rankingView(ranking, parsed.settings);
    expect(view.rows.map((r) => r.bottom)).toEqual(ranking.rows.map((r) => r.bottom));
    expect(view.rows.map((r) => r.level)).toEqual(ranking.rows.map((r) => LEVEL_LABELS[r.level]));
    expect(view.talks.length).toBe(ranking.talks.length);
  });
});

describe('what a notice card says in words', () => {
  // 张三: P1 6 → reward cancels 2 of his points; 李四: 诫勉谈话 9 (警示党员); 王五: R3, then a
  // reward that cannot cancel it; 赵六: a reward with nothing to cancel; 孙七: a complaint
  // by the public, 诫勉谈话 (警示对象); 周八: a reward that cancels all.
  const book: SheetData[] = [
    {
      name: '党员名册',
      rows: [
        ['编号', '姓名'],
        ['A01', '张三'],
        ['A02', '李四'],
        ['A03', '王五'],
        ['A04', '赵六'],
        ['A05', '孙七'],
        ['A06', '周八'],
      ],
    },
    {
      name: '记分台账',
      rows: [
        ['日期', '编号', '事项', '情形', '分值', '状态'],
        ['2026-03-01', 'A01', 'P1', '无故缺席', '', '认定'],
        ['2026-03-02', 'A01', 'J1', '', '', '属实'],
        ['2026-03-03', 'A02', 'W1', '诫勉谈话', '', '认定'],
        ['2026-03-04', 'A03', 'R3', '', '', '已认定'],
        ['2026-03-05', 'A03', 'J1', '', '', '已认定'],
        ['2026-03-06', 'A04', 'J1', '', '', '已认定'],
        ['2026-03-07', 'A05', 'M1', '诫勉谈话', '', '已认定'],
        ['2026-03-08', 'A06', 'P2', '请假', '', ''],
        ['2026-03-09', 'A06', 'J1', '', '', '已认定'],
      ],
    },
  ];
  const r = score(parseWorkbook(book), '2026-06-30');
  const byRow = new Map(noticeCards(r).map((c) => [c.row, c.view]));
  const card = (row: number) => byRow.get(String(row))!;

  it('names how the entry came to count, never echoing the raw status cell', () => {
    expect(card(2).entry.status).toBe('即时记分'); // P1 typed 认定
    expect(card(4).entry.status).toBe('经党工委认定'); // W1 typed 认定
    for (const v of byRow.values()) expect(v.entry.status).not.toBe('认定');
  });

  it('words each action the core gives once, without double brackets', () => {
    for (const [row, v] of byRow) {
      const step = r.members.flatMap((m) => m.steps).find((s) => s.entryKey === `记分台账!${row}`)!;
      expect(v.actions.map((a) => a.action)).toEqual(step.actions.map((a) => a.action));
      for (const a of v.actions) {
        expect(a.text).toBe(`积分达到 ${a.threshold} 分：${a.action}，由${a.by}负责。`);
        expect(a.text).not.toMatch(/）（/);
      }
    }
  });

  it('titles a reward card 奖励分告知卡 and gives its size, not a negative number', () => {
    expect(card(3).title).toBe('机关党员“十二分制”奖励分告知卡');
    expect(card(3).points).toBe('2');
    expect(card(2).title).toBe('机关党员“十二分制”记分告知卡');
    expect(card(2).points).toBe('6');
  });

  it('says 记分已全部销除 only when this reward cancelled the last points', () => {
    expect(card(10).after).toBe(0);
    expect(card(10).awardText).toMatch(/^记分已全部销除/); // 周八: 1 − 2 → 0
    expect(card(7).awardText).toMatch(/^目前没有记分/); // 赵六: nothing to cancel
    expect(card(7).effect).toContain('无可销除的记分，奖励分不结转');
    expect(card(3).awardText).toMatch(/^尚未完成“销分”/); // 张三: 6 − 2 = 4
  });

  it('gives the real reason one-time-full points stay: they cannot be cancelled', () => {
    expect(card(5).awardText).toContain('一次性记满的 12 分，不能以奖励分销除');
    expect(card(5).awardText).not.toContain('尚未完成');
    expect(card(6).effect).toContain('现有 12 分为一次性记满的分数，不能以奖励分销除');
    expect(card(6).effect).not.toContain('无可销除');
  });

  it('says 警示党员 after a 诫勉谈话 at work and 警示对象 after one on a complaint', () => {
    expect(card(4).warning).toBe('警示党员');
    expect(card(8).warning).toBe('警示对象');
    expect(card(2).warning).toBe('');
    const labels = new Map(r.members.map((m) => [m.member.id, warningLabel(m)]));
    expect(labels.get('A02')).toBe('警示党员');
    expect(labels.get('A05')).toBe('警示对象');
    expect(labels.get('A01')).toBeNull();
  });

  it('prints catalog text with paired curly quotes, as the facts it sits beside', () => {
    expect(typographicQuotes('年度"微心愿"认领兑现')).toBe('年度“微心愿”认领兑现');
    const wish = noticeCards(result).find((c) => c.view.entry.code === 'S1');
    if (wish) expect(wish.view.entry.norm).not.toContain('"');
  });
});
