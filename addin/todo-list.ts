// The pane's 待办 list: talks not done, cards not given, reviews open, pending rows — overdue
// first, as core/todo.ts orders them — each a link that selects the cell where the clerk acts.
// DOM calls that IE11 and EdgeHTML 18 have (appendChild, removeChild): the pane runs there too.
import { todoLine, todoItems, type ScoreResult } from '../core/index.js';
import type { ExcelRunner } from './taskpane.js';
import { selectCell } from './score-workbook.js';

/** Fills `section` (an element holding one <ol>) and shows it where there is something to do. */
export function showTodoList(
  section: HTMLElement,
  result: ScoreResult,
  run: ExcelRunner,
  say: (text: string, error?: boolean) => void,
  max: number,
): number {
  const doc = section.ownerDocument;
  const list = section.querySelector('ol')!;
  while (list.firstChild) list.removeChild(list.firstChild);
  const items = todoItems(result);
  for (const item of items.slice(0, max)) {
    const li = doc.createElement('li');
    li.className = item.overdue ? 'overdue' : 'open';
    const link = doc.createElement('a');
    link.href = '#';
    link.textContent = todoLine(item);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const { sheet, cell } = item.where;
      run((context) => selectCell(context, sheet, cell)).catch((error: Error) =>
        say(`无法跳转到 ${sheet} ${cell ?? ''}：${error.message}`, true),
      );
    });
    li.appendChild(link);
    list.appendChild(li);
  }
  if (items.length > max) {
    const more = doc.createElement('li');
    more.className = 'more';
    more.textContent = `还有 ${items.length - max} 项，见“待办事项”表`;
    list.appendChild(more);
  }
  section.hidden = items.length === 0;
  return items.length;
}
