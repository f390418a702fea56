// Which of the workbook's sheets plays each role, by the names core/layout.ts declares, and a
// word on every sheet that is not read.
import type { CellValue, SheetData } from './input-types.js';
import type { Problem } from './problem-types.js';
import { OUTPUT_SHEETS, SHEET_NAMES, WORKBOOK_LAYOUT, type SheetRole } from './layout.js';
import { sheetProblem, structureProblem } from './sheet-problem.js';
import { isBlank, normalize } from './text.js';

/**
 * Which sheet plays each role: the canonical name or an alias, compared after normalising, in
 * the order SHEET_NAMES gives; of two sheets whose names normalise alike, the first in the
 * workbook. reviewSheets names every sheet this passes over.
 */
export function findSheets(sheets: readonly SheetData[]): Record<SheetRole, SheetData | null> {
  const byName = new Map<string, SheetData>();
  for (const s of sheets) if (!byName.has(normalize(s.name))) byName.set(normalize(s.name), s);
  const out = {} as Record<SheetRole, SheetData | null>;
  for (const role of Object.keys(SHEET_NAMES) as SheetRole[]) {
    out[role] = SHEET_NAMES[role].map((n) => byName.get(normalize(n))).find((s) => s) ?? null;
  }
  return out;
}

/** The role whose name or alias the sheet's name is, or contains (记分规则表, 设置(2), 台账2026). */
export function nearRole(name: string): SheetRole | null {
  const n = normalize(name);
  let near: SheetRole | null = null;
  for (const role of Object.keys(SHEET_NAMES) as SheetRole[]) {
    for (const alias of SHEET_NAMES[role]) {
      const a = normalize(alias);
      if (n === a) return role;
      if (near === null && n.includes(a)) near = role;
    }
  }
  return near;
}

/**
 * Every sheet that is not read is named: a second sheet for a role, a near-miss name, or a
 * sheet the contract does not know. A role's sheet with no data while another sheet for the
 * same role has rows is an error: every balance would otherwise be 0 without a word.
 */
export function reviewSheets(
  sheets: readonly SheetData[],
  found: Record<SheetRole, SheetData | null>,
  extraNames: readonly string[] = OUTPUT_SHEETS,
): Problem[] {
  const used = new Set(Object.values(found).filter((s): s is SheetData => s !== null));
  const extra = new Set(extraNames.map(normalize));
  const problems: Problem[] = [];
  for (const sheet of sheets) {
    if (used.has(sheet) || extra.has(normalize(sheet.name))) continue;
    const near = nearRole(sheet.name);
    if (!near) {
      problems.push(
        sheetProblem(
          'info',
          sheet.name,
          `工作表"${sheet.name}"不属于台账的固定工作表，未读取`,
          `台账读取的工作表：${WORKBOOK_LAYOUT.map((s) => s.name).join('、')}；如果这张表有记分内容，请移到对应的工作表`,
        ),
      );
      continue;
    }
    const label = SHEET_NAMES[near][0];
    const chosen = found[near];
    if (chosen && dataRows(chosen) === 0 && dataRows(sheet) > 0) {
      problems.push(
        structureProblem(
          sheetProblem(
            'error',
            chosen.name,
            `"${chosen.name}"没有数据，而工作表"${sheet.name}"有 ${dataRows(sheet)} 行：本次读取的是"${chosen.name}"`,
            `把记录移到"${chosen.name}"，或删除空的"${chosen.name}"并把"${sheet.name}"改名为"${label}"`,
          ),
        ),
      );
      continue;
    }
    // Chosen between two, or the role's own sheet missing beside a near name: rows sit unread.
    problems.push(
      structureProblem(
        sheetProblem(
          'warning',
          sheet.name,
          chosen
            ? `工作表"${sheet.name}"的名称像${label}，但本次读取的${label}是"${chosen.name}"，这张表未读取`
            : `工作表"${sheet.name}"的名称与"${label}"相近，但不完全一致，未按${label}读取`,
          chosen
            ? `只保留一张${label}：合并或删除多余的工作表`
            : `如果这是${label}，请把工作表改名为"${label}"`,
        ),
      ),
    );
  }
  return problems;
}

/** Rows with any value below the first non-blank row (the header, or a banner). */
function dataRows(sheet: SheetData): number {
  let rows = 0;
  for (const row of sheet.rows) if (!isBlankRow(row)) rows++;
  return Math.max(0, rows - 1);
}

/** True where every cell of the row is blank. */
function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}
