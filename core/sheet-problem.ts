// Problems about a whole sheet, and the mark of a problem of the workbook's structure.
import type { Problem, Severity } from './problem-types.js';

/** The problem, marked as one of the workbook's structure (see Problem.structure). */
export function structureProblem(problem: Problem): Problem {
  problem.structure = true;
  return problem;
}

/** A problem about a whole sheet (no row). */
export function sheetProblem(
  severity: Severity,
  sheet: string,
  message: string,
  fix: string,
): Problem {
  return { severity, sheet, row: null, column: null, cell: null, message, fix };
}
