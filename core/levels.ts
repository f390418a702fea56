// Levels, thresholds and the actions they call for, with their Chinese names.
import type { Action, Level } from './result-types.js';
import type { Settings } from './workbook-types.js';

export const LEVEL_LABELS: Record<Level, string> = {
  normal: '正常',
  reminder: '提醒',
  warning: '警示',
  unqualified: '不合格',
};

export const ACTIONS: Record<Exclude<Level, 'normal'>, { action: string; by: string }> = {
  reminder: { action: '约谈提醒', by: '党工委' },
  warning: { action: '约谈，列为警示党员', by: '单位主要负责人' },
  unqualified: { action: '作为不合格党员处置（转化、劝退、除名）', by: '党工委' },
};

export const BOTTOM_TALK = { action: '末位约谈教育', by: '党工委' } as const;

export function levelOf(balance: number, t: Settings['thresholds']): Level {
  if (balance >= t.unqualified) return 'unqualified';
  if (balance >= t.warning) return 'warning';
  if (balance >= t.reminder) return 'reminder';
  return 'normal';
}

/** How many members are at each level: the one count every view of levels prints. */
export function levelCounts(members: readonly { level: Level }[]): Record<Level, number> {
  const counts: Record<Level, number> = { normal: 0, reminder: 0, warning: 0, unqualified: 0 };
  for (const m of members) counts[m.level]++;
  return counts;
}

const ORDER: Level[] = ['normal', 'reminder', 'warning', 'unqualified'];

export function levelAtLeast(level: Level, floor: Level): boolean {
  return ORDER.indexOf(level) >= ORDER.indexOf(floor);
}

/**
 * The action a step calls for: one entry, one action. Rising across several thresholds at
 * once (0 → 9, 0 → 12) calls for the highest one only; the lower ones are part of it.
 */
export function actionsCrossed(
  before: number,
  after: number,
  t: Settings['thresholds'],
  date: string,
  entryKey: string,
): Action[] {
  // Most steps cross nothing: skip the allocation.
  if (after <= before || after < t.reminder) return [];
  for (const level of ['unqualified', 'warning', 'reminder'] as const) {
    const threshold = t[level];
    if (before < threshold && after >= threshold)
      return [{ date, threshold, level, ...ACTIONS[level], entryKey }];
  }
  return [];
}
