// The view-models the cards print: shaped from the core's results, nothing computed twice.
import { describe, expect, it } from 'vitest';
import {
  cardNumber,
  LEVEL_LABELS,
  noticeCards,
  parseWorkbook,
  quarterlySummary,
  quarterlyView,
  rankingView,
  monthlyRanking,
  score,
  signed,
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
    expect(cancelled.points).toBe(signed(-2));
    expect(cancelled.effect).toContain('销除已有记分 2 分');
    const nothing = cards.find((c) => c.entryKey === '记分台账!9')!.view;
    expect(nothing.effect).toContain('无可销除');
    expect(nothing.after).toBe(0);
    // R3 is one-time full: a later reward leaves 12.
    const afterFull = cards.find((c) => c.entryKey === '记分台账!8')!.view;
    expect(afterFull.after).toBe(12);
  });

  it('numbers cards by year and ledger row, the same whatever the period asked for', () => {
    const all = new Map(cards.map((c) => [c.entryKey, c.view.number]));
    const october = noticeCards(result, { since: '2026-10-01', until: '2026-10-31' });
    expect(october.map((c) => c.date.slice(0, 7))).toEqual(Array(5).fill('2026-10'));
    for (const c of october) expect(c.view.number).toBe(all.get(c.entryKey));
    const entry = result.entries.find((e) => e.key === '记分台账!16')!;
    expect(cardNumber(entry, null)).toBe('〔2026〕0016号');
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
