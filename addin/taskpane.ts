/// <reference types="office-js" />
// The task pane: 检查并评分 with an as-of date, a summary, who needs a talk, 待办, the problem list
// (a click selects the cell), a member's notice-card preview and 准备台账. Text only ever goes
// in through textContent; the card goes into a sandboxed iframe that can run no script.
import {
  LEVEL_LABELS,
  problemLine,
  todayIso,
  type Level,
  type Member,
  type Problem,
  type ScoreResult,
} from '../core/index.js';
import { latestNoticeCards, type NoticeRenderer } from './card-preview.js';
import { prepareWorkbook, type PrepareReport } from './prepare-workbook.js';
import { scoreOpenWorkbook, selectCell } from './score-workbook.js';
import { showTodoList } from './todo-list.js';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Lists in the pane stay short; the sheets hold everything. */
const MAX_ITEMS = 200;

/** The width in CSS pixels of an A4 card (210 mm), which the preview scales to the pane. */
const CARD_WIDTH = 794;
/** Tall enough for one notice card at that width. */
const CARD_HEIGHT = 960;

export function mountTaskPane(
  doc: Document,
  run: ExcelRunner,
  renderNotice: NoticeRenderer | null = null,
): void {
  const $ = <T extends Element>(selector: string) => doc.querySelector(selector) as T;
  const asOf = $<HTMLInputElement>('#as-of');
  const scoreButton = $<HTMLButtonElement>('#score');
  const prepareButton = $<HTMLButtonElement>('#prepare');
  const status = $<HTMLParagraphElement>('#status');
  asOf.value = todayIso();

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
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

function showResult(
  doc: Document,
  result: ScoreResult,
  run: ExcelRunner,
  say: (text: string, error?: boolean) => void,
  preview: ((member: Member) => void) | null,
): void {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = '') => {
    const node = doc.createElement(tag);
    node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  const levels = (Object.keys(LEVEL_LABELS) as Level[]).map(
    (l) => `${LEVEL_LABELS[l]} ${result.members.filter((m) => m.level === l).length}`,
  );
  const talks = result.members
    .filter((m) => m.level !== 'normal')
    .sort((a, b) => b.balance - a.balance || a.rank - b.rank);
  const count = (s: Problem['severity']) => result.problems.filter((p) => p.severity === s).length;

  const summary = doc.querySelector('#summary') as HTMLElement;
  const dl = summary.querySelector('dl')!;
  dl.replaceChildren(
    ...[
      ['计算日期', result.asOf],
      ['在册党员', `${result.members.length} 名`],
      ['等级', levels.join('，')],
      ['需要约谈', `${talks.length} 名`],
      ['问题', `错误 ${count('error')} 条，提醒 ${count('warning')} 条`],
    ].flatMap(([k, v]) => [el('dt', k), el('dd', v)]),
  );
  summary.hidden = false;

  const talkSection = doc.querySelector('#talks') as HTMLElement;
  talkSection.querySelector('ul')!.replaceChildren(
    ...talks.slice(0, MAX_ITEMS).map((m) => {
      const last = m.actions[m.actions.length - 1];
      const li = el('li');
      const who = el(
        'span',
        `${m.member.name}（${m.member.branch || '未填支部'}）${m.balance} 分 `,
      );
      if (preview) {
        // Everyone here has counted entries, so everyone has a card to preview.
        const link = el('a', who.textContent!, 'preview-link');
        link.href = '#';
        link.title = '预览记分告知卡';
        link.addEventListener('click', (event) => {
          event.preventDefault();
          preview(m.member);
        });
        who.replaceChildren(link);
      }
      li.append(
        who,
        el('span', LEVEL_LABELS[m.level], `level-${m.level}`),
        el('span', last ? `：${last.action}（${last.by}）` : ''),
      );
      return li;
    }),
    ...(talks.length > MAX_ITEMS
      ? [el('li', `还有 ${talks.length - MAX_ITEMS} 名，见“积分汇总”表`, 'more')]
      : []),
  );
  talkSection.hidden = talks.length === 0;

  showTodoList(doc.querySelector('#todo') as HTMLElement, result, run, say, MAX_ITEMS);

  const problemSection = doc.querySelector('#problems') as HTMLElement;
  problemSection.querySelector('ol')!.replaceChildren(
    ...result.problems.slice(0, MAX_ITEMS).map((p) => {
      const li = el('li', '', p.severity);
      const link = el('a', problemLine(p));
      link.href = '#';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        run((context) => selectCell(context, p.sheet, p.cell)).catch((error: Error) =>
          say(`无法跳转到 ${p.sheet} ${p.cell ?? ''}：${error.message}`, true),
        );
      });
      li.append(link);
      return li;
    }),
    ...(result.problems.length > MAX_ITEMS
      ? [el('li', `还有 ${result.problems.length - MAX_ITEMS} 条，见“校验结果”表`, 'more')]
      : []),
  );
  problemSection.hidden = result.problems.length === 0;
}

/**
 * Fills the member chooser with everyone who has a counted entry and shows the chosen member's
 * latest notice card. Returns a function that shows a given member's card (for the talk list).
 */
function showPreview(
  doc: Document,
  result: ScoreResult,
  renderNotice: NoticeRenderer,
  say: (text: string, error?: boolean) => void,
): (member: Member) => void {
  const section = doc.querySelector('#preview') as HTMLElement;
  const chooser = section.querySelector('select')!;
  const note = section.querySelector('.preview-note') as HTMLElement;
  const box = section.querySelector('.card-box') as HTMLElement;
  const frame = section.querySelector('iframe')!;
  const cards = latestNoticeCards(result);
  const keyOf = (m: Member) => `${m.id ?? ''}\u0000${m.name}`;
  // After a re-run (say, once a ledger row is fixed) the clerk keeps looking at the same member.
  const previous = chooser.dataset.member;

  const placeholder = doc.createElement('option');
  placeholder.value = '';
  placeholder.textContent = cards.length ? '请选择党员' : '没有已计入的记分记录';
  chooser.replaceChildren(
    placeholder,
    ...cards.map((c, i) => {
      const option = doc.createElement('option');
      option.value = String(i);
      option.textContent = `${c.member.name}（${c.member.branch || '未填支部'}）${c.balance} 分`;
      return option;
    }),
  );
  chooser.disabled = cards.length === 0;
  box.hidden = true;
  note.textContent = '';
  frame.removeAttribute('srcdoc');

  const fit = () => {
    const scale = Math.min(1, box.clientWidth / CARD_WIDTH);
    frame.style.transform = `scale(${scale})`;
    box.style.height = `${Math.ceil(CARD_HEIGHT * scale)}px`;
  };
  const show = () => {
    const chosen = cards[Number(chooser.value)];
    chooser.dataset.member = chosen ? keyOf(chosen.member) : '';
    box.hidden = true;
    note.textContent = '';
    if (chooser.value === '' || !chosen) return;
    // EdgeHTML (Office 2019 on Windows) has no srcdoc; a sandboxed frame offers no safe other way.
    if (!('srcdoc' in frame)) {
      note.textContent =
        '此版本的 Excel 不能显示告知卡预览，请用命令行工具 twelve notices 生成告知卡。';
      return;
    }
    try {
      // srcdoc into sandbox="": the card runs no script and reaches nothing; the templates
      // have already escaped every value.
      frame.srcdoc = renderNotice(chosen.card);
    } catch (error) {
      say(`无法预览告知卡：${(error as Error).message}`, true);
      return;
    }
    note.textContent = `${chosen.card.view.entry.date}的记分（${chosen.card.view.source}），编号 ${chosen.card.view.number}`;
    box.hidden = false;
    fit();
  };
  // Assigned, not added: each scoring run replaces the previous run's handlers.
  chooser.onchange = show;
  if (doc.defaultView)
    doc.defaultView.onresize = () => {
      if (!box.hidden) fit();
    };
  section.hidden = false;
  const again = cards.findIndex((c) => keyOf(c.member) === previous);
  if (again >= 0) {
    chooser.value = String(again);
    show();
  }

  return (member) => {
    const index = cards.findIndex((c) => c.member === member);
    if (index < 0) return;
    chooser.value = String(index);
    show();
    section.scrollIntoView?.({ block: 'start' });
  };
}

function prepareMessage(report: PrepareReport): string {
  const parts: string[] = [];
  if (report.addedSheets.length) parts.push(`新增工作表：${report.addedSheets.join('、')}`);
  for (const h of report.addedHeaders) parts.push(`${h.sheet} 补充表头：${h.headers.join('、')}`);
  if (report.dropdowns) parts.push(`新增下拉列表 ${report.dropdowns} 处`);
  if (report.skipped.length) parts.push(`${report.skipped.join('、')} 找不到表头，未改动`);
  return parts.length ? `台账已准备好。${parts.join('；')}。` : '台账已齐全，无需改动。';
}
