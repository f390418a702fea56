// The seal for the clerk (docs/seal.md), shared by the pane and the web page: given the last
// upward report, the same lines as `twelve verify`; and a 核验 box where a 校验码 typed from a
// paper card says whether the ledger still holds that entry unchanged. Every sentence comes
// from core/seal.ts; this module only lays them out. Text goes in through textContent only.
// The report, a saved upward mail (.eml) or its summary (.xlsx), is read by `twelve serve` with
// what `twelve verify --against` reads it with (POST /api/seal-reports): the pane's IE11 webview
// could unzip neither, and one reader means one set of answers and of `[跳过]` lines.
import {
  lookupSeal,
  lookupText,
  noSealReportText,
  sealBroken,
  sealRows,
  verificationLines,
  verificationSummary,
  verifySealRows,
  type Entry,
  type SealReport,
  type SealRow,
} from '../core/index.js';
import type { SealReportsReply } from './job-api.js';
import { appendAll, element, fill, setClass } from './dom.js';

export interface SealPanelOptions {
  /**
   * Reads a chosen report file for the ledger's unit (the server's reader); none: no file input.
   * Rejects with an Error whose message is the Chinese line to show.
   */
  readReports?: (file: File, unit: string) => Promise<SealReportsReply>;
}

export interface SealPanel {
  /** The workbook as scored: its unit and every entry, counted or not. */
  show(unit: string, entries: readonly Entry[]): void;
  /** The reports read from a chosen file; the lines of those that could not be used. */
  useReports(reply: SealReportsReply): void;
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
  const skippedList = element(doc, 'ul', '', 'seal-skipped');
  if (options.readReports) {
    const file = element(doc, 'input');
    file.type = 'file';
    file.id = 'seal-report';
    file.setAttribute('accept', '.eml,.xlsx');
    const label = element(doc, 'label', '上次报送的邮件（.eml）或汇总表（.xlsx） ');
    label.appendChild(file);
    file.addEventListener('change', () => {
      const chosen = file.files && file.files[0];
      if (!chosen || !options.readReports) return;
      fill(skippedList, []);
      summary.textContent = `正在读取“${chosen.name}”…`;
      options.readReports(chosen, unit).then(
        (reply) => panel.useReports(reply),
        (error: Error) => say(summary, `“${chosen.name}”：${error.message}`, true),
      );
    });
    parts.push(label);
  }
  appendAll(section, [...parts, skippedList, summary, lines, box, check, answer]);

  let unit = '';
  let current: SealRow[] = [];
  let reports: SealReport[] = [];

  const refresh = () => {
    if (reports.length === 0) {
      fill(lines, []);
      if (!options.readReports)
        say(summary, '尚无报送记录可核对；核验框仍可核对告知卡上的校验码。');
      else say(summary, '选择上次报送的邮件或汇总表，核对台账中已报送的记录是否改动过。');
      return;
    }
    // The rows sealed once in show(), for the 核验 box too: verifySeal would seal them again.
    const v = verifySealRows(current, reports);
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
      current = sealRows(name, all);
      section.hidden = false;
      refresh();
      if (codeInput.value) lookup();
    },
    useReports(reply) {
      // As `twelve verify` prints them: a line for each report not used, then the comparison.
      fill(
        skippedList,
        reply.skipped.map((text) => element(doc, 'li', text)),
      );
      if (reply.reports.length === 0) {
        say(summary, noSealReportText(unit), true);
        return;
      }
      reports = reply.reports;
      refresh();
    },
  };
  section.hidden = true;
  return panel;
}

function say(node: HTMLElement, text: string, error = false): void {
  node.textContent = text;
  setClass(node, 'error', error);
}
