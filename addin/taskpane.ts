/// <reference types="office-js" />
// The task pane: 检查并评分 with an as-of date, a summary, the problem list (rows that do not
// count until fixed, first; a click selects the cell), who is owed a talk, 待办, a member's
// notice-card preview and 准备台账. Text only ever goes
// in through textContent; the card goes into a sandboxed iframe that can run no script.
import { todayIso, type ScoreResult, type SheetData } from '../core/index.js';
import type { NoticeRenderer } from '../ui/card-preview.js';
import { showCardPreview } from '../ui/card-frame.js';
import { MAX_ITEMS, renderOverview, renderProblems, renderTalks } from '../ui/result-lists.js';
import { appendAll, setClass } from '../ui/dom.js';
import { prepareWorkbook, type PrepareReport } from './prepare-workbook.js';
import { scoreOpenWorkbook, selectCell } from './score-workbook.js';
import { showTodoList } from '../ui/todo-list.js';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Told of every successful scoring run, with the sheets it read (打印与报送 sends them on). */
export type ScoredListener = (sheets: SheetData[], result: ScoreResult) => void;

export function mountTaskPane(
  doc: Document,
  run: ExcelRunner,
  renderNotice: NoticeRenderer | null = null,
  onScored: ScoredListener | null = null,
): void {
  const $ = <T extends Element>(selector: string) => doc.querySelector(selector) as T;
  const asOf = $<HTMLInputElement>('#as-of');
  const scoreButton = $<HTMLButtonElement>('#score');
  const prepareButton = $<HTMLButtonElement>('#prepare');
  const status = $<HTMLParagraphElement>('#status');
  asOf.value = todayIso();

  const say = (text: string, error = false) => {
    status.textContent = text;
    setClass(status, 'error', error);
  };
  const busy = async (label: string, work: () => Promise<void>) => {
    scoreButton.disabled = prepareButton.disabled = true;
    say(label);
    try {
      await work();
    } catch (error) {
      say(`出错了：${(error as Error).message}`, true);
    } finally {
      scoreButton.disabled = prepareButton.disabled = false;
    }
  };

  scoreButton.addEventListener('click', () =>
    busy('正在检查并评分…', async () => {
      const date = asOf.value || todayIso();
      const started = performance.now();
      const outcome = await run((context) => scoreOpenWorkbook(context, date));
      if (!outcome.ok) {
        say(outcome.message, true);
        return;
      }
      const preview = renderNotice ? showPreview(doc, outcome.result, renderNotice, say) : null;
      showResult(doc, outcome.result, run, say, preview);
      onScored?.(outcome.sheets, outcome.result);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(`已完成（${seconds} 秒）：结果写入“积分汇总”“待办事项”和“校验结果”三张表。`);
    }),
  );
  prepareButton.addEventListener('click', () =>
    busy('正在准备台账…', async () => {
      say(prepareMessage(await run((context) => prepareWorkbook(context))));
    }),
  );
  scoreButton.disabled = prepareButton.disabled = false;
  say('请点击“检查并评分”。');
}

/** The pane cannot work here (outside Excel, or office.js never answered): says why. */
export function showCannotStart(doc: Document, message: string): void {
  const status = doc.querySelector('#status') as HTMLParagraphElement;
  status.textContent = message;
  setClass(status, 'error', true);
}

/** Where `twelve serve` hosts the pane, offers its web page 工作台 instead. */
export function offerWebPage(doc: Document, webPage: string): void {
  const status = doc.querySelector('#status') as HTMLParagraphElement;
  const link = doc.createElement('a');
  link.href = webPage;
  link.id = 'web-page';
  link.textContent = '改用浏览器中的“工作台”页面';
  const line = doc.createElement('p');
  appendAll(line, [doc.createTextNode('也可以上传台账文件，'), link, doc.createTextNode('。')]);
  status.parentNode!.insertBefore(line, status.nextSibling);
}

function showResult(
  doc: Document,
  result: ScoreResult,
  run: ExcelRunner,
  say: (text: string, error?: boolean) => void,
  preview: ((entryKey: string) => void) | null,
): void {
  const summary = doc.querySelector('#summary') as HTMLElement;
  renderOverview(summary.querySelector('dl')!, result);
  summary.hidden = false;

  const talkSection = doc.querySelector('#talks') as HTMLElement;
  const talks = renderTalks(talkSection.querySelector('ul')!, result, preview, '见“积分汇总”表');
  talkSection.hidden = talks === 0;

  showTodoList(
    doc.querySelector('#todo') as HTMLElement,
    result,
    ({ sheet, cell }) =>
      void run((context) => selectCell(context, sheet, cell)).catch((error: Error) =>
        say(`无法跳转到 ${sheet} ${cell ?? ''}：${error.message}`, true),
      ),
    MAX_ITEMS,
    '见“待办事项”表',
  );

  const problemSection = doc.querySelector('#problems') as HTMLElement;
  const problems = renderProblems(
    problemSection.querySelector('ol')!,
    result.problems,
    (p) =>
      run((context) => selectCell(context, p.sheet, p.cell)).catch((error: Error) =>
        say(`无法跳转到 ${p.sheet} ${p.cell ?? ''}：${error.message}`, true),
      ),
    '见“校验结果”表',
  );
  problemSection.hidden = problems === 0;
}

/**
 * Fills the member chooser with everyone who has a counted entry and shows the chosen member's
 * latest notice card. Returns a function that shows a given entry's card (for the talk list).
 */
function showPreview(
  doc: Document,
  result: ScoreResult,
  renderNotice: NoticeRenderer,
  say: (text: string, error?: boolean) => void,
): (entryKey: string) => void {
  return showCardPreview(
    doc.querySelector('#preview') as HTMLElement,
    result,
    renderNotice,
    say,
    '此版本的 Excel 不能显示告知卡预览，请用命令行工具 twelve notices 生成告知卡。',
  );
}

function prepareMessage(report: PrepareReport): string {
  const parts: string[] = [];
  if (report.addedSheets.length) parts.push(`新增工作表：${report.addedSheets.join('、')}`);
  for (const h of report.addedHeaders) parts.push(`${h.sheet} 补充表头：${h.headers.join('、')}`);
  if (report.dropdowns) parts.push(`新增下拉列表 ${report.dropdowns} 处`);
  if (report.noDropdowns)
    parts.push('此版本的 Excel 不能添加下拉列表（需要 Excel 2021 或 Microsoft 365），其余已补齐');
  if (report.skipped.length) parts.push(`${report.skipped.join('、')} 找不到表头，未改动`);
  return parts.length ? `台账已准备好。${parts.join('；')}。` : '台账已齐全，无需改动。';
}
