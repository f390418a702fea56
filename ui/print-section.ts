// 打印与报送, in the pane and on the web page alike: notice cards for a period, the month's
// ranking, the quarter's summary cards and the upward mail, each as a job of `twelve serve` on
// the workbook the scoring run read (the pane's sheets, or the web page's upload by its id).
// Shows a job's progress, its files by their Chinese names and until when the server keeps
// them; a period not ended yet gets the core's warning; a lost connection or a failed job says
// why in Chinese and offers 重试. How a file opens is the host's (`FileOpening`): the pane's
// Excel decides it, the web page downloads. Plain DOM calls only (appendChild, textContent,
// className): the pane also runs in Trident.
import {
  futureRankingLine,
  parseIsoArg,
  printPeriods,
  quarterLabel,
  rankingDate,
  todayIso,
  unfinishedQuarterLine,
  type IsoDate,
  type ScoreResult,
} from '../core/index.js';
import type { Capabilities, JobFile, JobOptions, JobStatus, WorkbookRef } from './job-api.js';
import { monthProblem, periodProblem, quarterProblem } from './print-periods.js';
import { ReportApiError, type ReportApi } from './report-api.js';

/** The one sentence shown where the pane does not come from `twelve serve`. */
export const NOT_SERVED =
  '打印与报送需要报表服务：请在本机运行 twelve serve，并从它给出的地址（如 https://localhost:3000/manifest.xml）加载本加载项。';

/** How often a running job is asked about. */
const POLL_MS = 500;

/** Where the unit's token is kept between sessions (the entry point uses localStorage). */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
}

/** How the host opens a job's file. */
export interface FileOpening {
  /** On a click: true where it opened the file itself (the link is then not followed). */
  open(file: JobFile): boolean;
  /** The line under the list of files. */
  hint: string;
  /** Shows each file's address to copy into a browser (an Excel that cannot open it). */
  address: boolean;
}

export interface PrintSection {
  /** A scoring run read this workbook and computed this result: jobs use both. */
  scored(workbook: WorkbookRef, result: ScoreResult): void;
}

interface Scored {
  workbook: WorkbookRef;
  asOf: IsoDate;
  rankingDay: (month: string) => IsoDate;
}

interface Job {
  title: string;
  options: JobOptions;
  scored: Scored;
  /** The core's line for a period not ended yet, or ''. */
  warning: string;
}

export function mountPrintSection(
  doc: Document,
  section: HTMLElement,
  api: ReportApi,
  opening: FileOpening,
  tokens: TokenStore | null = null,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): PrintSection {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = '') => {
    const node = doc.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  const add = <P extends Node>(parent: P, ...children: Node[]): P => {
    for (const child of children) parent.appendChild(child);
    return parent;
  };
  const clear = (node: Node) => {
    while (node.firstChild) node.removeChild(node.firstChild);
  };
  const input = (type: string, label: string, cls: string) => {
    const box = el('input', '', cls);
    // IE11 has no date or month input: it is a text box there, which the checks read.
    try {
      box.type = type;
    } catch {
      box.type = 'text';
    }
    box.setAttribute('aria-label', label);
    return box;
  };
  const button = (text: string, cls: string) => {
    const b = el('button', text, cls);
    b.type = 'button';
    b.disabled = true;
    return b;
  };
  const row = (heading: string, ...controls: HTMLElement[]) => {
    const div = el('div', '', 'print-row');
    add(div, el('h3', heading), ...controls);
    return div;
  };
  const labelled = (text: string, control: HTMLElement) => add(el('label', text + ' '), control);

  clear(section);
  const note = el('p', '正在连接报表服务…', 'print-note');
  const since = input('date', '起始日期', 'print-since');
  const until = input('date', '截止日期', 'print-until');
  const month = input('month', '月份', 'print-month');
  month.placeholder = '2026-11';
  const quarter = el('select', '', 'print-quarter');
  quarter.setAttribute('aria-label', '季度');
  const noticesButton = button('打印告知卡', 'print-notices');
  const rankingButton = button('打印榜单', 'print-ranking');
  const quarterlyButton = button('打印汇总公示卡', 'print-quarterly');
  const emlButton = button('生成邮件（.eml）', 'print-eml');
  const sendButton = button('发送给上级', 'print-send');
  // Where neither the server nor the workbook's 设置 names the upward address: the clerk types
  // it for the .eml (the server sends only to an address it or the workbook holds).
  const to = input('email', '收件人', 'print-to');
  to.placeholder = 'zuzhibu@example.gov.cn';
  const toRow = labelled('收件人', to);
  toRow.className = 'print-to-row';
  const resend = el('input', '', 'print-resend');
  resend.type = 'checkbox';
  const resendRow = add(
    el('label', '', 'print-resend-row'),
    resend,
    doc.createTextNode(' 已发送过也再发一次'),
  );
  const mailNote = el('p', '', 'print-mail-note');
  const sameQuarter = el('p', '', 'print-same');
  const forms = el('div', '', 'print-forms');
  add(
    forms,
    row('告知卡', labelled('自', since), labelled('至', until), noticesButton),
    row('月度榜单', labelled('月份', month), rankingButton),
    row('季度汇总公示卡', labelled('季度', quarter), quarterlyButton),
    row('报上级', sameQuarter, toRow, emlButton, sendButton, resendRow, mailNote),
  );
  const result = el('div', '', 'print-result');
  result.setAttribute('role', 'status');
  // A server not on loopback asks every caller for the unit's token (401).
  const tokenInput = input('password', '令牌', 'print-token');
  const tokenButton = el('button', '保存令牌', 'print-token-save');
  tokenButton.type = 'button';
  const login = add(el('div', '', 'print-login'), labelled('本单位令牌', tokenInput), tokenButton);
  login.hidden = true;
  add(section, el('h2', '打印与报送'), note, login, forms, result);
  forms.hidden = true;
  sendButton.hidden = true;
  resendRow.hidden = true;
  toRow.hidden = true;
  section.hidden = false;

  const buttons = [noticesButton, rankingButton, quarterlyButton, emlButton, sendButton];
  let capabilities: Capabilities | null = null;
  let scored: Scored | null = null;
  let running = false;
  /** The upward address from the workbook's 设置, where the server names none of its own. */
  let workbookUpward: string | null = null;
  const upwardAddress = () => (capabilities && capabilities.mail.to) || workbookUpward;
  const enable = () => {
    for (const b of buttons) b.disabled = running || !scored || !capabilities;
    if (!upwardAddress()) sendButton.disabled = true;
  };

  const connect = () =>
    api.capabilities().then(
      (caps) => connected(caps),
      (error: unknown) => {
        const refused = error instanceof ReportApiError && error.failure === 'refused';
        if (refused && error.status === 401 && tokens) askToken(error.message);
        // A 404 (or 403) here is some other server, or twelve serve refusing this page.
        else note.textContent = refused && error.status !== 404 ? error.message : NOT_SERVED;
      },
    );
  void connect();

  function askToken(message: string): void {
    capabilities = null;
    enable();
    forms.hidden = true;
    login.hidden = false;
    note.textContent = message;
    tokenInput.focus();
  }
  tokenButton.onclick = () => {
    const token = tokenInput.value.replace(/^\s+|\s+$/g, '');
    if (!token || !tokens) return;
    tokens.set(token);
    tokenInput.value = '';
    note.textContent = '正在连接报表服务…';
    void connect();
  };

  function connected(caps: Capabilities): void {
    capabilities = caps;
    login.hidden = true;
    forms.hidden = false;
    note.textContent = scored ? scoredNote(scored) : '请先点击“检查并评分”，再打印或报送。';
    sendButton.hidden = resendRow.hidden = !caps.mail.send;
    resetSend();
    mailNote.textContent = caps.mail.send
      ? '“生成邮件”只生成邮件文件供查看；“发送给上级”由报表服务发出，同一季度只发送一次。'
      : '报表服务没有本单位的发信设置：生成 .eml 邮件文件后，请用邮件程序打开并发送。';
    enable();
  }

  function fillPeriods(result: ScoreResult): void {
    const periods = printPeriods(result.asOf, result.settings.rankingDay);
    // A new as-of date moves the defaults; the same one keeps what the clerk chose.
    if (section.getAttribute('data-as-of') === result.asOf) return;
    section.setAttribute('data-as-of', result.asOf);
    since.value = periods.since;
    until.value = periods.until;
    month.value = periods.month;
    clear(quarter);
    for (const q of periods.quarters) {
      const option = el('option', quarterLabel(q));
      option.value = q;
      quarter.appendChild(option);
    }
    quarter.value = periods.quarter;
  }

  const say = (text: string, error = false) => {
    clear(result);
    result.appendChild(el('p', text, error ? 'print-status error' : 'print-status'));
  };

  const start = (title: string, options: () => JobOptions | string) => () => {
    if (!scored || running) return;
    const chosen = options();
    if (typeof chosen === 'string') {
      say(chosen, true);
      return;
    }
    void run({ title, options: chosen, scored, warning: warningFor(chosen, scored) });
  };

  noticesButton.onclick = start('记分告知卡', () => {
    const problem = periodProblem(since.value, until.value);
    if (problem) return problem;
    return { kind: 'notices', since: parseIsoArg(since.value)!, until: parseIsoArg(until.value)! };
  });
  rankingButton.onclick = start('月度榜单', () => {
    const problem = monthProblem(month.value);
    if (problem) return problem;
    const [y, m] = month.value.trim().split('-').map(Number);
    return { kind: 'ranking', month: `${y}-${m < 10 ? '0' : ''}${m}` };
  });
  quarterlyButton.onclick = start(
    '记分汇总公示卡',
    () => quarterProblem(quarter.value) ?? { kind: 'quarterly', quarter: quarter.value },
  );
  emlButton.onclick = start('报上级邮件', () => {
    const problem = quarterProblem(quarter.value);
    if (problem) return problem;
    if (toRow.hidden) return { kind: 'mail', quarter: quarter.value, send: false };
    const address = to.value.replace(/^\s+|\s+$/g, '');
    if (!address)
      return '台账“设置”中没有上级党组织邮箱：请在“收件人”中填写上级党组织的邮箱，或先在“设置”中填写后重新评分';
    return { kind: 'mail', quarter: quarter.value, send: false, to: address };
  });
  // Sending reaches another organisation: a second click confirms it.
  let confirmSend = false;
  sendButton.onclick = () => {
    if (!confirmSend) {
      confirmSend = true;
      sendButton.className = 'print-send confirm';
      sendButton.textContent = `确认发送${quarterLabel(quarter.value)}汇总给上级？再点一次发送`;
      return;
    }
    confirmSend = false;
    resetSend();
    const again = resend.checked;
    resend.checked = false;
    start(
      '报上级邮件',
      () =>
        quarterProblem(quarter.value) ?? {
          kind: 'mail',
          quarter: quarter.value,
          send: true,
          resend: again,
        },
    )();
  };
  function resetSend(): void {
    const address = upwardAddress();
    // Nobody to send to: the clerk names the address for the .eml; the server will not send.
    toRow.hidden = !scored || !!address;
    sendButton.className = 'print-send';
    sendButton.textContent = address
      ? `发送给上级（${address}）`
      : '发送给上级（台账“设置”中没有上级党组织邮箱）';
    sameQuarter.textContent = quarter.value
      ? `报送${quarterLabel(quarter.value)}（季度同上）的汇总公示卡和汇总表：`
      : '';
  }
  quarter.onchange = () => {
    confirmSend = false;
    resetSend();
  };

  async function run(job: Job): Promise<void> {
    running = true;
    enable();
    const progress = el('progress', '', 'print-progress');
    progress.max = 1;
    const line = el('p', `${job.title}：正在提交…`, 'print-status');
    clear(result);
    add(result, line, progress);
    try {
      const id = await api.startJob(request(job));
      let status: JobStatus;
      for (;;) {
        status = await api.job(id);
        if (status.state === 'done' || status.state === 'failed') break;
        line.textContent =
          status.state === 'queued' ? `${job.title}：排队中…` : `${job.title}：正在生成…`;
        if (status.state === 'running') {
          progress.value = status.progress;
          line.textContent += `${Math.round(status.progress * 100)}%`;
        }
        await wait(POLL_MS);
      }
      if (status.state === 'failed') failed(job, status.error || '任务失败，原因不明');
      else done(job, status);
    } catch (error) {
      if (error instanceof ReportApiError && error.status === 401 && tokens) {
        clear(result);
        askToken(error.message);
      } else failed(job, failureText(error));
    } finally {
      running = false;
      enable();
    }
  }

  function failed(job: Job, message: string): void {
    clear(result);
    const retry = el('button', '重试', 'print-retry');
    retry.type = 'button';
    retry.onclick = () => {
      if (!running) void run(job);
    };
    add(result, el('p', `${job.title}未完成：${message}`, 'print-status error'), retry);
    if (job.warning) result.appendChild(el('p', job.warning, 'print-warning'));
  }

  function done(job: Job, status: JobStatus): void {
    clear(result);
    add(
      result,
      el(
        'p',
        `${job.title}已完成${status.files.length ? `，共 ${status.files.length} 个文件` : ''}。`,
        'print-status done',
      ),
    );
    if (job.warning) result.appendChild(el('p', job.warning, 'print-warning'));
    if (status.message) result.appendChild(el('p', status.message, 'print-message'));
    const list = el('ul', '', 'print-files');
    for (const file of status.files) {
      const li = el('li');
      const link = el('a', file.name);
      link.href = file.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.onclick = (event) => {
        if (opening.open(file)) event.preventDefault();
      };
      add(li, link, el('span', ` ${sizeText(file.bytes)}`, 'print-size'));
      if (opening.address) {
        const address = el('input', '', 'print-address');
        address.readOnly = true;
        address.value = file.url;
        address.setAttribute('aria-label', `${file.name}的地址`);
        address.onfocus = () => address.select();
        li.appendChild(address);
      }
      list.appendChild(li);
    }
    if (status.files.length) add(result, list, el('p', opening.hint, 'print-hint'));
    const kept = keptText(status, capabilities);
    if (kept) result.appendChild(el('p', kept, 'print-kept'));
  }

  return {
    scored(workbook, scoreResult) {
      const settings = scoreResult.settings;
      scored = {
        workbook,
        asOf: scoreResult.asOf,
        rankingDay: (m) => {
          const [y, n] = m.split('-').map(Number);
          return rankingDate(settings, y, n);
        },
      };
      fillPeriods(scoreResult);
      workbookUpward = scoreResult.settings.upwardEmail;
      confirmSend = false;
      resetSend();
      if (capabilities) note.textContent = scoredNote(scored);
      enable();
    },
  };
}

/** The job as the server takes it: its options, the run's as-of date and its workbook. */
function request(job: Job) {
  const workbook = job.scored.workbook;
  const common = { ...job.options, asOf: job.scored.asOf };
  return 'sheets' in workbook
    ? { ...common, sheets: workbook.sheets }
    : { ...common, workbook: workbook.workbook };
}

/** The core's warning where the period has not ended today (the CLI says the same). */
function warningFor(options: JobOptions, scored: Scored): string {
  const today = todayIso();
  switch (options.kind) {
    case 'ranking':
      return futureRankingLine(options.month, scored.rankingDay(options.month), today);
    case 'quarterly':
    case 'mail':
      return unfinishedQuarterLine(options.quarter, today);
    default:
      return '';
  }
}

/** Jobs use what this scoring run read: a change in the workbook needs a new run first. */
function scoredNote(scored: Scored): string {
  return `以下各项使用本次评分（计算日期 ${scored.asOf}）读到的台账；修改台账后请先重新评分。`;
}

function failureText(error: unknown): string {
  if (!(error instanceof ReportApiError)) return `出错了：${(error as Error).message}`;
  if (error.failure === 'refused') return error.message;
  return `与报表服务的连接中断（${error.message}）。请确认 twelve serve 仍在运行，再点“重试”。`;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `（${(bytes / 1024 / 1024).toFixed(1)} MB）`;
  return `（${Math.max(1, Math.round(bytes / 1024))} KB）`;
}

/** Until when the server keeps the files: the clerk saves what is to be kept. */
export function keptText(status: JobStatus, caps: Capabilities | null): string {
  if (status.expiresAt) {
    const at = new Date(status.expiresAt);
    if (!isNaN(at.getTime()))
      return `文件在报表服务上保留到 ${pad2(at.getHours())}:${pad2(at.getMinutes())}，之后自动删除；需要留存的请打开后另存。`;
  }
  if (caps && caps.files.ttlMinutes)
    return `文件在报表服务上保留 ${caps.files.ttlMinutes} 分钟，之后自动删除；需要留存的请打开后另存。`;
  return '';
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
