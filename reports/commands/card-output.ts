// What the card commands say about the workbook besides the cards.
import { problemCounts, type Problem } from '../../core/index.js';
import { exitCodeFor, type Io } from '../command.js';

/**
 * What rows with errors mean for what a command printed: each command says it of its own
 * output (a ranking has no cards to leave out).
 */
export const LEFT_OUT = {
  notices: '这些行未计分，也没有告知卡',
  ranking: '这些行未计分，榜单和应约谈名单不含这些记录',
  quarterly: '这些行未计入汇总',
} as const;

/** One line pointing at `twelve score` when rows were left out; '' when the ledger is clean. */
function problemsLine(problems: readonly Problem[], leftOut: string): string {
  const errors = problemCounts(problems).error;
  if (errors === 0) return '';
  return `注意：台账有 ${errors} 处错误，${leftOut}。运行 twelve score 查看并改正。`;
}

/** Prints the problems line (if any) after a card command's output; returns its exit status. */
export function reportProblems(problems: readonly Problem[], leftOut: string, io: Io): number {
  const line = problemsLine(problems, leftOut);
  if (line) io.out.write(line + '\n');
  return exitCodeFor(problems);
}
