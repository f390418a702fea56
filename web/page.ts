// The web page 工作台: the pane's results, 待办 and 打印与报送 for clerks without the add-in (WPS,
// LibreOffice, an old Excel). The workbook is uploaded once and read by the server with the
// CLI's reader, which keeps it for this session's jobs; scoring runs here with the same core
// as the pane, and every list is the pane's own (ui/).
import cardTemplates from 'virtual:card-templates-precompiled';
import { precompiledTemplates } from '../render/card-html.js';
import { problemCounts, scoreWorkbook, todayIso, type ScoreResult } from '../core/index.js';
import { noticeRenderer } from '../ui/card-preview.js';
import { showCardPreview } from '../ui/card-frame.js';
import type { Say } from '../ui/dom.js';
import type { Capabilities, UploadedWorkbook } from '../ui/job-api.js';
import { mountPrintSection, type FileOpening, type PrintSection } from '../ui/print-section.js';
import { reportApi, ReportApiError } from '../ui/report-api.js';
import { MAX_ITEMS, renderOverview, renderProblems, renderTalks } from '../ui/result-lists.js';
import { showTodoList } from '../ui/todo-list.js';
import { mountSealPanel } from '../ui/seal-panel.js';
import * as api from './api.js';

// Precompiled at build time: the page's CSP allows no eval, which compiling here would need.
const renderNotice = noticeRenderer(() => precompiledTemplates(cardTemplates));

export function mountPage(doc: Document): void {
  const $ = <T extends Element>(selector: string) => doc.querySelector(selector) as T;
  const status = $<HTMLParagraphElement>('#status');
  const fileInput = $<HTMLInputElement>('#file');
  const drop = $<HTMLLabelElement>('#drop');
  const asOf = $<HTMLInputElement>('#as-of');
  const scoreButton = $<HTMLButtonElement>('#score');
  asOf.value = todayIso();

  const jobs = reportApi(`${location.protocol}//${location.host}`, undefined, api.token);
  const seal = mountSealPanel($<HTMLElement>('#seal'), {
    readReports: (file, unit) => jobs.sealReports(file, unit),
  });
  let file: File | null = null;
  let uploaded: UploadedWorkbook | null = null;
  let result: ScoreResult | null = null;
  let print: PrintSection | null = null;

  const say: Say = (text, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };
  const isLogin = (error: unknown) => error instanceof ReportApiError && error.status === 401;

  // The page downloads a file with the token (a plain link would go without it).
  const opening: FileOpening = {
    open(f) {
      api.download(f).catch((error: Error) => say(error.message, true));
      return true;
    },
    hint: '点击文件名下载，打开后可打印或另存。',
    address: false,
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
    uploaded = null;
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
    if (uploaded) void score();
  });

  async function score(): Promise<void> {
    if (!file) return;
    scoreButton.disabled = true;
    say(uploaded ? '正在评分…' : `正在上传并读取“${file.name}”…`);
    try {
      uploaded ??= await api.uploadWorkbook(file);
      const started = performance.now();
      result = scoreWorkbook(uploaded.sheets, asOf.value || todayIso(), { today: todayIso() });
      show(result);
      print?.scored({ workbook: uploaded.workbook }, result);
      const errors = problemCounts(result.problems).error;
      say(
        `已完成（${((performance.now() - started) / 1000).toFixed(1)} 秒）：${result.members.length} 名党员` +
          (errors ? `；台账有 ${errors} 处错误，这些行未计分，见下方“问题”` : '。'),
        errors > 0,
      );
    } catch (error) {
      $<HTMLElement>('#results').hidden = true;
      if (isLogin(error)) return login((error as Error).message);
      say((error as Error).message, true);
    } finally {
      scoreButton.disabled = false;
    }
  }

  function show(result: ScoreResult): void {
    $<HTMLElement>('#results').hidden = false;
    renderOverview($<HTMLElement>('#summary dl'), result);
    seal.show(result.settings.unitName, result.entries);
    const problems = renderProblems(
      $<HTMLElement>('#problems ol'),
      result.problems,
      null,
      '运行 twelve score 查看全部',
    );
    $<HTMLElement>('#problems').hidden = problems === 0;
    const preview = showCardPreview(
      $<HTMLElement>('#preview'),
      result,
      renderNotice,
      say,
      '此浏览器不能显示告知卡预览，请用下方“打印告知卡”。',
    );
    const talks = renderTalks($<HTMLElement>('#talks ul'), result, preview, '见“待办”');
    $<HTMLElement>('#talks').hidden = talks === 0;
    showTodoList($<HTMLElement>('#todo'), result, null, MAX_ITEMS, '运行 twelve score 查看全部');
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
    let caps: Capabilities;
    try {
      caps = await jobs.capabilities();
    } catch (error) {
      if (isLogin(error)) return login((error as Error).message);
      say((error as Error).message, true);
      return;
    }
    $<HTMLElement>('#login').hidden = true;
    $<HTMLElement>('#unit').textContent = caps.unit ? `单位：${caps.unit}` : '';
    scoreButton.disabled = false;
    // Mounted once the server has let this tab in: the section asks for its capabilities.
    if (!print) {
      print = mountPrintSection(doc, $<HTMLElement>('#print'), jobs, opening);
      if (uploaded && result) print.scored({ workbook: uploaded.workbook }, result);
    }
    say(
      file
        ? (status.textContent ?? '')
        : `请选择台账文件。台账上传一次，服务器为本次打印保留 ${caps.files.ttlMinutes} 分钟，之后自动删除。`,
    );
  }
  void start();
}

mountPage(document);
