// The notice-card preview box, in the pane and on the web page: a member chooser and the card
// in a sandboxed iframe (srcdoc, sandbox=""), scaled from A4 width down to the box.
import type { Member, ScoreResult } from '../core/index.js';
import { noticePreviews, type MemberCard, type NoticeRenderer } from './card-preview.js';
import { memberNamer } from './result-lists.js';
import { element, fill, type Say } from './dom.js';

/** The width in CSS pixels of an A4 card (210 mm), which the preview scales to the box. */
const CARD_WIDTH = 794;
/** Tall enough for one notice card at that width. */
const CARD_HEIGHT = 960;

/**
 * Fills the chooser in `section` (select, .preview-note, .card-box, iframe) with the members'
 * latest cards and shows the chosen one; keeps the member chosen before across runs. Returns
 * a function that shows the card of a given entry (the talk list: the entry that caused it).
 */
export function showCardPreview(
  section: HTMLElement,
  result: ScoreResult,
  renderNotice: NoticeRenderer,
  say: Say,
  unsupported: string,
): (entryKey: string) => void {
  const doc = section.ownerDocument;
  const { latest: cards, byEntry } = noticePreviews(result);
  const nameOf = memberNamer(result);
  const chooser = section.querySelector('select')!;
  const note = section.querySelector('.preview-note') as HTMLElement;
  const box = section.querySelector('.card-box') as HTMLElement;
  const frame = section.querySelector('iframe')!;
  const keyOf = (m: Member) => `${m.id ?? ''}\u0000${m.name}`;
  // After a re-run (say, once a ledger row is fixed) the clerk keeps looking at the same member.
  const previous = chooser.getAttribute('data-member');
  const placeholder = element(doc, 'option', cards.length ? '请选择党员' : '没有已计入的记分记录');
  placeholder.value = '';
  fill(chooser, [
    placeholder,
    ...cards.map((c, i) => {
      const option = element(
        doc,
        'option',
        `${nameOf(c.member)}（${c.member.branch || '未填支部'}）${c.balance} 分`,
      );
      option.value = String(i);
      return option;
    }),
  ]);
  chooser.disabled = cards.length === 0;
  box.hidden = true;
  note.textContent = '';
  frame.removeAttribute('srcdoc');

  const fit = () => {
    const scale = Math.min(1, box.clientWidth / CARD_WIDTH);
    frame.style.transform = `scale(${scale})`;
    box.style.height = `${Math.ceil(CARD_HEIGHT * scale)}px`;
  };
  const show = () => render(chooser.value === '' ? undefined : cards[Number(chooser.value)]);
  const render = (chosen: MemberCard | undefined) => {
    chooser.setAttribute('data-member', chosen ? keyOf(chosen.member) : '');
    box.hidden = true;
    note.textContent = '';
    if (!chosen) return;
    // EdgeHTML (Office 2019 on Windows) has no srcdoc; a sandboxed frame offers no safe other way.
    if (!('srcdoc' in frame)) {
      note.textContent = unsupported;
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

  return (entryKey) => {
    const chosen = byEntry.get(entryKey);
    if (!chosen) return;
    const index = cards.findIndex((c) => c.member === chosen.member);
    chooser.value = index < 0 ? '' : String(index);
    render(chosen);
    if (section.scrollIntoView) section.scrollIntoView({ block: 'start' });
  };
}
