// The problems of one reading, capped as they arrive: a million stray rows make three million
// problems, and holding them all would cost a gigabyte before the list is cut to size.
import type { Problem, Severity } from './types.js';

/** Enough problems to fix a workbook; the rest are counted, not kept. */
export const MAX_PROBLEMS = 1000;

interface Dropped {
  count: number;
  errors: number;
  worst: Severity;
  sheets: string[];
}

const dropped = new WeakMap<Problem[], Dropped>();
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A plain array whose own `push` keeps the first MAX_PROBLEMS problems and counts the rest:
 * every module pushes problems as before. (An own property, not an Array subclass, so the
 * add-in's ES5 build keeps working.)
 */
export function problemList(initial: readonly Problem[] = []): Problem[] {
  const list: Problem[] = [];
  const extra: Dropped = { count: 0, errors: 0, worst: 'info', sheets: [] };
  dropped.set(list, extra);
  const push = Array.prototype.push;
  list.push = function (...items: Problem[]): number {
    for (const p of items) {
      if (list.length < MAX_PROBLEMS) push.call(list, p);
      else {
        extra.count++;
        if (p.severity === 'error') extra.errors++;
        if (RANK[p.severity] > RANK[extra.worst]) extra.worst = p.severity;
        if (!extra.sheets.includes(p.sheet)) extra.sheets.push(p.sheet);
      }
    }
    return list.length;
  };
  list.push(...initial);
  return list;
}

/** The list as a plain array, ending in "…另有 N 个问题未列出" where problems were dropped. */
export function finishProblems(list: Problem[]): Problem[] {
  const out = list.slice();
  const extra = dropped.get(list);
  if (!extra || extra.count === 0) return out;
  out.push({
    severity: extra.worst,
    sheet: extra.sheets.join('、'),
    row: null,
    column: null,
    cell: null,
    message: `…另有 ${extra.count} 个问题未列出（其中错误 ${extra.errors} 个）`,
    fix: '先改正以上问题后重新检查，其余问题会继续列出',
  });
  return out;
}
