// The problems of one reading, capped as they arrive: a million stray rows make three million
// problems, and holding them all would cost a gigabyte before the list is cut to size. What is
// kept is what a clerk must fix first: structure problems, then errors, then warnings, then the
// rest; what is counted is everything.
import type { Problem, Severity } from './problem-types.js';

/** Enough problems to fix a workbook; the rest are counted, not kept. */
export const MAX_PROBLEMS = 1000;

/** Every problem of a reading counted by severity, kept or not, and the rows with an error. */
export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
  /** Distinct rows (sheet and row) with an error: left out, wholly or in part. */
  errorRows: number;
}

interface Tally {
  counts: ProblemCounts;
  rows: Set<string>;
  /** Beyond the first MAX_PROBLEMS: each class, in order of arrival, up to MAX_PROBLEMS. */
  classes: Problem[][];
  arrived: number;
  sheets: string[];
}

const tallies = new WeakMap<Problem[], Tally>();
const CLASS_OF = (p: Problem) =>
  p.structure ? 0 : p.severity === 'error' ? 1 : p.severity === 'warning' ? 2 : 3;

/**
 * A plain array whose own `push` keeps the first MAX_PROBLEMS problems in order of arrival
 * (every module pushes problems as before) and, for the case there are more, each class's
 * first MAX_PROBLEMS (so that 1,000 info lines never push out an error). (An own property,
 * not an Array subclass, so the add-in's ES5 build keeps working.)
 */
export function problemList(initial: readonly Problem[] = []): Problem[] {
  const list: Problem[] = [];
  const tally: Tally = {
    counts: { error: 0, warning: 0, info: 0, errorRows: 0 },
    rows: new Set(),
    classes: [[], [], [], []],
    arrived: 0,
    sheets: [],
  };
  tallies.set(list, tally);
  const push = Array.prototype.push;
  list.push = function (...items: Problem[]): number {
    for (const p of items) {
      tally.arrived++;
      tally.counts[p.severity]++;
      if (p.severity === 'error' && p.row !== null) tally.rows.add(`${p.sheet}\u0000${p.row}`);
      if (!tally.sheets.includes(p.sheet)) tally.sheets.push(p.sheet);
      if (list.length < MAX_PROBLEMS) push.call(list, p);
      const kept = tally.classes[CLASS_OF(p)];
      if (kept.length < MAX_PROBLEMS) kept.push(p);
    }
    return list.length;
  };
  list.push(...initial);
  return list;
}

/**
 * The list as a plain array: as it arrived where it fits, else the most important
 * MAX_PROBLEMS and a last line "…另有 N 个问题未列出" that carries the counts of all.
 */
export function finishProblems(list: Problem[]): Problem[] {
  const tally = tallies.get(list);
  if (!tally || tally.arrived <= MAX_PROBLEMS) return list.slice();
  const out = ([] as Problem[]).concat(...tally.classes).slice(0, MAX_PROBLEMS);
  const counts = { ...tally.counts, errorRows: tally.rows.size };
  const left = tally.arrived - out.length;
  const leftErrors = counts.error - out.filter((p) => p.severity === 'error').length;
  const worst: Severity = leftErrors > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  out.push({
    severity: worst,
    sheet: tally.sheets.join('、'),
    row: null,
    column: null,
    cell: null,
    message: `…另有 ${left} 个问题未列出（共有错误 ${counts.error} 个、提醒 ${counts.warning} 个）`,
    fix: '先改正以上问题后重新检查，其余问题会继续列出',
    counts,
  });
  return out;
}

/**
 * How many problems of each severity a result has, counted over all of them (the kept list
 * and those left out of it), and how many rows have an error. What every summary line shows.
 */
export function problemCounts(problems: readonly Problem[]): ProblemCounts {
  // A capped reading's last line carries the counts of the whole reading; problems after it
  // were added by the scoring (score.ts), which keeps them all.
  let i = problems.length - 1;
  while (i >= 0 && !problems[i].counts) i--;
  const base = i >= 0 ? problems[i].counts! : null;
  const counts: ProblemCounts = base
    ? { ...base }
    : { error: 0, warning: 0, info: 0, errorRows: 0 };
  const rows = new Set<string>();
  for (let k = base ? i + 1 : 0; k < problems.length; k++) {
    const p = problems[k];
    counts[p.severity]++;
    if (p.severity === 'error' && p.row !== null) rows.add(`${p.sheet}\u0000${p.row}`);
  }
  counts.errorRows += rows.size;
  return counts;
}
