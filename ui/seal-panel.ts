// The seal for the clerk (docs/seal.md), shared by the pane and the web page: given the last
// upward report, the same lines as `twelve verify`; and a 核验 box where a 校验码 typed from a
// paper card says whether the ledger still holds that entry unchanged. Every sentence comes
// from core/seal.ts; this module only lays them out. Text goes in through textContent only.
import { sha256 } from 'js-sha256';
import {
  lookupSeal,
  lookupText,
  readSubmission,
  sealBroken,
  sealRows,
  verificationLines,
  verificationSummary,
  verifySeal,
  type Entry,
  type SealReport,
  type SealRow,
  type SheetData,
} from '../core/index.js';
import { appendAll, element, fill, setClass } from './dom.js';

export interface SealPanelOptions {
  /** Reads a chosen report file into sheets (the web page: the server's reader); none: no file input. */
  readReport?: (file: File) => Promise<SheetData[]>;
}

export interface SealPanel {
  /** The workbook as scored: its unit and every entry, counted or not. */
  show(unit: string, entries: readonly Entry[]): void;
  /** A report's sheets (a file chosen, or the sheet the pane keeps): checked like the county. */
  useReport(sheets: readonly SheetData[], source: string): string | null;
}

export function mountSealPanel(section: HTMLElement, options: SealPanelOptions = {}): SealPanel {
  const doc = section.ownerDocument!;
  const summary = element(doc, 'p', '', 'seal-summary');
  const lines = element(doc, 'ol', '', 'seal-lines');
  const codeInput = element(doc, 'input');
  codeInput.type = 'text';
  codeInput.id = 'seal-code';
  codeInput.setAttribute('placeholder', '如 K7Q2-9MX4-TR3A');
  codeInput.setAttribute('autocomplete', 'off');
  const check = element(doc, 'button', '核验');
  check.type = 'button';
  check.id = 'seal-check';
  const answer = element(doc, 'p', '', 'seal-answer');
  answer.setAttribute('role', 'status');
  const box = element(doc, 'label', '告知卡上的校验码 ');
  box.appendChild(codeInput);

  const parts: Node[] = [element(doc, 'h2', '核验（校验码）')];
  if (options.readReport) {
    const file = element(doc, 'input');
    file.type = 'file';
    file.id = 'seal-report';
    file.setAttribute('accept', '.xlsx');
    const label = element(doc, 'label', '上次报送的汇总表（.xlsx） ');
    label.appendChild(file);
    file.addEventListener('change', () => {
      const chosen = file.files && file.files[0];
      if (!chosen || !options.readReport) return;
      summary.textContent = `正在读取“${chosen.name}”…`;
      options.readReport(chosen).then(
        (sheets) => {
          const problem = panel.useReport(sheets, chosen.name);
          if (problem) say(summary, `“${chosen.name}”：${problem}`, true);
        },
        (error: Error) => say(summary, `“${chosen.name}”：${error.message}`, true),
      );
    });
    parts.push(label);
  }
  appendAll(section, [...parts, summary, lines, box, check, answer]);

  let unit = '';
  let entries: readonly Entry[] = [];
  let current: SealRow[] = [];
  let report: SealReport | null = null;

  const refresh = () => {
    if (!report) {
      fill(lines, []);
      if (!options.readReport) say(summary, '尚无报送记录可核对；核验框仍可核对告知卡上的校验码。');
      else say(summary, '选择上次报送的汇总表，核对台账中已报送的记录是否改动过。');
      return;
    }
    const v = verifySeal(unit, entries, [report]);
    fill(
      lines,
      verificationLines(v).map((text) => element(doc, 'li', text)),
    );
    say(summary, verificationSummary(v), sealBroken(v));
  };
  const lookup = () => say(answer, lookupText(lookupSeal(codeInput.value, current)), false);
  check.addEventListener('click', lookup);
  codeInput.addEventListener('keydown', (event) => {
    if (event.keyCode === 13) lookup();
  });

  const panel: SealPanel = {
    show(name, all) {
      unit = name;
      entries = all;
      current = sealRows(name, all);
      section.hidden = false;
      refresh();
      if (codeInput.value) lookup();
    },
    useReport(sheets, source) {
      const read = readSubmission(sheets, (text) => sha256(text));
      if (!read.ok) return read.message;
      const s = read.submission;
      if (!s.seal) return '是格式版本 1 的汇总表，没有校验码，无法核对';
      report = {
        source,
        unit: s.unit,
        quarter: s.quarter,
        end: s.end,
        generated: s.generated,
        rows: s.seal.rows,
      };
      refresh();
      return null;
    },
  };
  section.hidden = true;
  return panel;
}

function say(node: HTMLElement, text: string, error = false): void {
  node.textContent = text;
  setClass(node, 'error', error);
}
