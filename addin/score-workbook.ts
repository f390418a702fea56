/// <reference types="office-js" />
// 检查并评分: read the clerk's sheets, score them with the core, write 积分汇总, 待办事项 and
// 校验结果 (the tool's own sheets, regenerated on every run).
// Three phases as Office add-ins do it (queue, sync, read), and a constant number of syncs
// whatever the workbook's size: names, input sheets, one write batch (more only where the
// 5 MB limit of Excel on the web forces it).
import {
  PROBLEMS_SHEET,
  SUMMARY_SHEET,
  TODO_SHEET,
  UnusableWorkbookError,
  problemRows,
  scoreWorkbook,
  summaryRows,
  todayIso,
  todoRows,
  type IsoDate,
  type Problem,
  type ScoreResult,
  type SheetData,
} from '../core/index.js';
import { officeFeatures, type HostFeatures } from './host-features.js';
import { PAYLOAD_BUDGET } from './payload.js';
import { readInputSheets, sheetNames } from './read-sheets.js';
import { writeSheets } from './write-sheets.js';

export type ScoreOutcome =
  /** `sheets`: what was read, for the jobs 打印与报送 sends to the server. */
  | { ok: true; result: ScoreResult; coreMs: number; sheets: SheetData[] }
  | { ok: false; message: string };

export interface ScoreOptions {
  budget?: number;
  /** Show 积分汇总 when done (the ribbon button, which has no pane to show results in). */
  activateSummary?: boolean;
  /** The host's API level; Office.context.requirements by default. */
  features?: HostFeatures;
  /** Cells one read may return (five million in Excel); smaller in tests. */
  cellLimit?: number;
  /** The day of the run: a workbook date after it is an error (domain.md); the clock's by default. */
  today?: IsoDate;
}

export async function scoreOpenWorkbook(
  context: Excel.RequestContext,
  asOf: IsoDate,
  options: ScoreOptions = {},
): Promise<ScoreOutcome> {
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const features = options.features ?? officeFeatures();
  const names = await sheetNames(context);
  const sheets = await readInputSheets(context, names, features, budget, options.cellLimit);

  const started = performance.now();
  let result: ScoreResult;
  try {
    result = scoreWorkbook(sheets, asOf, { today: options.today ?? todayIso() });
  } catch (error) {
    if (!(error instanceof UnusableWorkbookError)) throw error;
    if (options.activateSummary)
      await showUnusable(context, error.message, names, budget, features);
    return { ok: false, message: error.message };
  }
  const coreMs = performance.now() - started;

  await writeSheets(
    context,
    [
      { name: SUMMARY_SHEET, rows: summaryRows(result) },
      { name: TODO_SHEET, rows: todoRows(result) },
      { name: PROBLEMS_SHEET, rows: problemRows(result.problems) },
    ],
    names,
    features,
    budget,
  );
  if (options.activateSummary) {
    context.workbook.worksheets.getItem(SUMMARY_SHEET).activate();
    await context.sync();
  }
  return { ok: true, result, coreMs, sheets };
}

/**
 * The ribbon button has no pane to speak in: it says why the workbook cannot be scored in
 * 校验结果 (the tool's own sheet) and shows that sheet.
 */
async function showUnusable(
  context: Excel.RequestContext,
  message: string,
  names: readonly string[],
  budget: number,
  features: HostFeatures,
): Promise<void> {
  const problem: Problem = {
    severity: 'error',
    sheet: '',
    row: null,
    column: null,
    cell: null,
    message,
    fix: '请在“记分面板”中点击“准备台账”补齐工作表，或打开正确的台账工作簿',
  };
  await writeSheets(
    context,
    [{ name: PROBLEMS_SHEET, rows: problemRows([problem]) }],
    names,
    features,
    budget,
  );
  context.workbook.worksheets.getItem(PROBLEMS_SHEET).activate();
  await context.sync();
}

/** Jumps to a problem's cell (or its sheet, for a problem about a whole sheet). */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string | null,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  if (cell) ws.getRange(cell).select();
  await context.sync();
}
