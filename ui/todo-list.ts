// 待办, in the pane and on the web page alike: talks and handling not done, cards not given,
// reviews open, pending rows — overdue first, as core/todo.ts orders them, so the list, the
// CLI's 待办 and the written sheet 待办事项 always agree. Where `open` is given (the pane) each
// line is a link to the cell where the clerk acts; on the web page the line names the cell.
// DOM calls that IE11 and EdgeHTML 18 have: the pane runs there too.
import { todoLine, todoItems, type ScoreResult, type SourceRef } from '../core/index.js';
import { element, fill } from './dom.js';

/** Fills `section` (an element holding one <ol>) and shows it where there is something to do. */
export function showTodoList(
  section: HTMLElement,
  result: ScoreResult,
  open: ((where: SourceRef) => void) | null,
  max: number,
  more: string,
): number {
  const doc = section.ownerDocument;
  const items = todoItems(result);
  const lines = items.slice(0, max).map((item) => {
    const li = element(doc, 'li', '', item.overdue ? 'overdue' : 'open');
    if (open) {
      const link = element(doc, 'a', todoLine(item));
      link.href = '#';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        open(item.where);
      });
      li.appendChild(link);
    } else {
      li.textContent = todoLine(item);
    }
    return li;
  });
  if (items.length > max)
    lines.push(element(doc, 'li', `还有 ${items.length - max} 项，${more}`, 'more'));
  fill(section.querySelector('ol')!, lines);
  section.hidden = items.length === 0;
  return items.length;
}
