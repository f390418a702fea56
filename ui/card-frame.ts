// The notice-card preview box, in the pane and on the web page: a member chooser and the card
// in a sandboxed iframe (srcdoc, sandbox=""), scaled from A4 width down to the box.
import type { Member } from '../core/index.js';
import type { MemberCard, NoticeRenderer } from './card-preview.js';
import { element, fill, type Say } from './dom.js';

/** The width in CSS pixels of an A4 card (210 mm), which the preview scales to the box. */
const CARD_WIDTH = 794;
/** Tall enough for one notice card at that width. */
const CARD_HEIGHT = 960;

/**
 * Fills the chooser in `section` (select, .preview-note, .card-box, iframe) with the members'
 * latest cards and shows the chosen one; keeps the member chosen before across runs. Returns
 * a function that shows a given member's card (for the talk list).
 */
export function showCardPreview(
  section: HTMLElement,
  cards: MemberCard[],
  renderNotice: NoticeRenderer,
  say: Say,
  unsupported: string,
): (member: Member) => void {
  const doc = section.ownerDocument;
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
        `${c.member.name}（${c.member.branch || '未填支部'}）${c.balance} 分`,
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
  const show = () => {
    const chosen = cards[Number(chooser.value)];
    chooser.setAttribute('data-member', chosen ? keyOf(chosen.member) : '');
    box.hidden = true;
    note.textContent = '';
    if (chooser.value === '' || !chosen) return;
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

  return (member) => {
    const index = cards.findIndex((c) => c.member === member);
    if (index < 0) return;
    chooser.value = String(index);
    show();
    if (section.scrollIntoView) section.scrollIntoView({ block: 'start' });
  };
}
