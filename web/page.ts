// The web page 工作台: the pane's results and its 打印与报送 for clerks without the add-in (WPS,
// LibreOffice, an old Excel). The workbook is uploaded and read by the server with the CLI's
// reader; scoring runs here with the same core as the pane; cards and mail are server jobs.
import cardTemplates from 'virtual:card-templates-precompiled';
import { precompiledTemplates } from '../render/card-html.js';
import { scoreWorkbook, todayIso, type ScoreResult, type SheetData } from '../core/index.js';
import { latestNoticeCards, noticeRenderer } from '../ui/card-preview.js';
import { showCardPreview } from '../ui/card-frame.js';
import { element, fill, type Say } from '../ui/dom.js';
import { renderOverview, renderProblems, renderTalks } from '../ui/result-lists.js';
import { mountSealPanel } from '../ui/seal-panel.js';
import * as api from './api.js';

// Precompiled at build time: the page's CSP allows no eval, which compiling here would need.
const renderNotice = noticeRenderer(() => precompiledTemplates(cardTemplates));

/** Polling a job: often at first, then calmer. */
const POLL_MS = [300, 500, 800, 1200, 2000];

export function mountPage(doc: Document): void {
  const $ = <T extends Element>(selector: string) => doc.querySelector(selector) as T;
  const status = $<HTMLParagraphElement>('#status');
  const fileInput = $<HTMLInputElement>('#file');
  const drop = $<HTMLLabelElement>('#drop');
  const asOf = $<HTMLInputElement>('#as-of');
  const scoreButton = $<HTMLButtonElement>('#score');
  asOf.value = todayIso();
  const seal = mountSealPanel($<HTMLElement>('#seal'), { readReport: api.readReportSheets });

  let file: File | null = null;
  let sheets: SheetData[] | null = null;
  let result: ScoreResult | null = null;
  let caps: api.Capabilities | null = null;

  const say: Say = (text, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };

  const choose = (chosen: File | null) => {
    if (!chosen) return;
    if (!/\.xlsx$/i.test(chosen.name)) {
      say(
        `"${chosen.name}"不是 .xlsx 文件：请在 Excel 或 WPS 中另存为"Excel 工作簿 (*.xlsx)"`,
        true,
      );
      return;
    }
    file = chosen;
    sheets = null;
    $<HTMLElement>('#file-name').textContent =
      `${chosen.name}（${Math.ceil(chosen.size / 1024)} KB）`;
    void score();
  };
  fileInput.addEventListener('change', () => choose(fileInput.files?.[0] ?? null));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    choose(event.dataTransfer?.files[0] ?? null);
  });
  scoreButton.addEventListener('click', () => void score());
  asOf.addEventListener('change', () => {
    if (sheets) void score();
  });

  async function score(): Promise<void> {
    if (!file) return;
    scoreButton.disabled = true;
    say(sheets ? '正在评分…' : `正在读取“${file.name}”…`);
    try {
      sheets ??= await api.readSheets(file);
      const started = performance.now();
      result = scoreWorkbook(sheets, asOf.value || todayIso());
      show(result);
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      say(
        `已完成（${((performance.now() - started) / 1000).toFixed(1)} 秒）：${result.members.length} 名党员` +
          (errors ? `；台账有 ${errors} 处错误，这些行未计分，见下方“问题”` : '。'),
        errors > 0,
      );
    } catch (error) {
      $<HTMLElement>('#results').hidden = true;
      if (error instanceof api.ApiError && error.status === 401) return login(error.message);
      say((error as Error).message, true);
    } finally {
      scoreButton.disabled = false;
    }
  }

  function show(result: ScoreResult): void {
    $<HTMLElement>('#results').hidden = false;
    renderOverview($<HTMLElement>('#summary dl'), result);
    seal.show(result.settings.unitName, result.entries);
    const preview = showCardPreview(
      $<HTMLElement>('#preview'),
      latestNoticeCards(result),
      renderNotice,
      say,
      '此浏览器不能显示告知卡预览，请用下方“生成告知卡”。',
    );
    const talks = renderTalks(
      $<HTMLElement>('#talks ul'),
      result,
      preview,
      '见告知卡或命令行 twelve score',
    );
    $<HTMLElement>('#talks').hidden = talks === 0;
    const problems = renderProblems(
      $<HTMLElement>('#problems ol'),
      result.problems,
      null,
      '运行 twelve score 查看全部',
    );
    $<HTMLElement>('#problems').hidden = problems === 0;
    defaultPeriods(result.asOf);
  }

  function defaultPeriods(iso: string): void {
    const [y, m] = iso.split('-').map(Number);
    const month = doc.querySelector<HTMLInputElement>('form[data-kind="ranking"] [name="month"]')!;
    if (!month.value) month.value = iso.slice(0, 7);
    const since = doc.querySelector<HTMLInputElement>('form[data-kind="notices"] [name="since"]')!;
    if (!since.value) since.value = `${iso.slice(0, 7)}-01`;
    const until = doc.querySelector<HTMLInputElement>('form[data-kind="notices"] [name="until"]')!;
    if (!until.value) until.value = iso;
    // The quarter just ended is the one usually reported; the current one is offered too.
    const current = Math.ceil(m / 3);
    const quarters: string[] = [];
    for (let i = 0; i < 8; i++) {
      const q = current - i;
      const year = y + Math.floor((q - 1) / 4);
      quarters.push(`${year}Q${((((q - 1) % 4) + 4) % 4) + 1}`);
    }
    for (const select of Array.from(doc.querySelectorAll<HTMLSelectElement>('select.quarter'))) {
      if (select.options.length) continue;
      fill(
        select,
        quarters.map((q) => {
          const option = element(doc, 'option', q.replace('Q', '年第') + '季度');
          option.value = q;
          return option;
        }),
      );
      select.value = quarters[1];
    }
  }

  for (const form of Array.from(doc.querySelectorAll<HTMLFormElement>('form.job'))) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void runJob(form);
    });
  }
  const mailForm = doc.querySelector<HTMLFormElement>('form[data-kind="mail"]')!;
  const sendBox = mailForm.querySelector<HTMLInputElement>('[name="send"]')!;
  const resendBox = mailForm.querySelector<HTMLInputElement>('[name="resend"]')!;
  const mailButton = mailForm.querySelector('button')!;
  const syncMail = () => {
    resendBox.disabled = !sendBox.checked;
    if (!sendBox.checked) resendBox.checked = false;
    mailButton.textContent = sendBox.checked ? '发送邮件' : '写出邮件（.eml）';
  };
  sendBox.addEventListener('change', syncMail);
  syncMail();

  async function runJob(form: HTMLFormElement): Promise<void> {
    const out = form.querySelector('.job-result') as HTMLElement;
    const button = form.querySelector('button')!;
    if (!sheets || !result) {
      fill(out, [element(doc, 'p', '请先选择台账并评分。', 'error')]);
      return;
    }
    const kind = form.getAttribute('data-kind')!;
    const body: Record<string, unknown> = { kind, sheets, asOf: result.asOf };
    for (const input of Array.from(
      form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]'),
    )) {
      if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        if (input.checked) body[input.name] = true;
      } else if (input.value) body[input.name] = input.value;
    }
    const bar = element(doc, 'progress');
    bar.max = 1;
    fill(out, [element(doc, 'p', '已提交，正在排队…'), bar]);
    button.disabled = true;
    try {
      const id = await api.startJob(body);
      let status = await api.job(id);
      for (let i = 0; status.state === 'queued' || status.state === 'running'; i++) {
        bar.value = status.progress;
        out.firstChild!.textContent = status.state === 'queued' ? '正在排队…' : '正在生成…';
        await new Promise((r) => setTimeout(r, POLL_MS[Math.min(i, POLL_MS.length - 1)]));
        status = await api.job(id);
      }
      showJob(out, status);
    } catch (error) {
      if (error instanceof api.ApiError && error.status === 401) login(error.message);
      fill(out, [element(doc, 'p', (error as Error).message, 'error')]);
    } finally {
      button.disabled = false;
    }
  }

  function showJob(out: HTMLElement, status: api.JobStatus): void {
    if (status.state === 'failed') {
      fill(out, [element(doc, 'p', status.error ?? '任务失败', 'error')]);
      return;
    }
    const items: HTMLElement[] = [];
    if (status.message) items.push(element(doc, 'p', status.message));
    const ttl = caps ? `，${caps.files.ttlMinutes} 分钟后从服务器删除` : '';
    if (status.files.length)
      items.push(element(doc, 'p', `共 ${status.files.length} 个文件${ttl}：`, 'hint'));
    // The merged file comes first; many single cards are listed after it, shortened.
    const shown = status.files.slice(0, 12);
    for (const f of shown) {
      const link = element(doc, 'a', `${f.name}（${Math.ceil(f.bytes / 1024)} KB）`);
      link.href = f.url;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        api.download(f).catch((error: Error) => say(error.message, true));
      });
      items.push(link);
    }
    if (status.files.length > shown.length)
      items.push(
        element(
          doc,
          'p',
          `……另有 ${status.files.length - shown.length} 张单张告知卡（合并打印文件已包含全部）`,
          'hint',
        ),
      );
    fill(out, items);
  }

  function login(message: string): void {
    api.setToken(null);
    $<HTMLElement>('#login').hidden = false;
    say(message, true);
  }
  $<HTMLFormElement>('#login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    api.setToken($<HTMLInputElement>('#token').value.trim());
    void start();
  });

  async function start(): Promise<void> {
    try {
      caps = await api.capabilities();
    } catch (error) {
      if (error instanceof api.ApiError && error.status === 401) return login(error.message);
      say((error as Error).message, true);
      return;
    }
    $<HTMLElement>('#login').hidden = true;
    $<HTMLElement>('#unit').textContent = caps.unit ? `单位：${caps.unit}` : '';
    scoreButton.disabled = false;
    const to = mailForm.querySelector('.mail-to') as HTMLElement;
    to.textContent = `收件人：${caps.mail.to ?? '台账“设置”中的上级党组织邮箱'}`;
    sendBox.disabled = !caps.mail.send;
    if (!caps.mail.send)
      (sendBox.parentElement as HTMLElement).title =
        '服务器没有本单位的邮件服务器设置，只能写出 .eml';
    say(
      file
        ? (status.textContent ?? '')
        : '请选择台账文件。台账只在本次处理中使用，不会保存在服务器上。',
    );
  }
  void start();
}

mountPage(document);
