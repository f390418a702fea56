// What the card commands say about the workbook besides the cards.
import { problemCounts, type Problem } from '../../core/index.js';
import { exitCodeFor, type Io } from '../command.js';

/** One line pointing at `twelve score` when rows were left out; '' when the ledger is clean. */
export function problemsLine(problems: readonly Problem[]): string {
  const errors = problemCounts(problems).error;
  if (errors === 0) return '';
  return `注意：台账有 ${errors} 处错误，这些行未计分，也不出卡。运行 twelve score 查看并改正。`;
}

/** Prints the problems line (if any) after a card command's output; returns its exit status. */
export function reportProblems(problems: readonly Problem[], io: Io): number {
  const line = problemsLine(problems);
  if (line) io.out.write(line + '\n');
  return exitCodeFor(problems);
}
