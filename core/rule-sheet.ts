// The 记分规则 sheet: a unit's own catalog, replacing the built-in one where present.
import type { SheetData } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Rule } from './workbook-types.js';
import { locateTable, Table } from './table.js';
import { allHeaders, RULE_COLUMNS } from './layout.js';
import { sheetProblem } from './sheet-problem.js';
import { cellText, normalize, parseYesNo } from './text.js';
import { parsePoints, pointsProblem } from './points.js';
import { BUILTIN_RULES } from './catalog.js';

export function parseRules(sheet: SheetData | null, problems: Problem[]): Rule[] {
  if (!sheet) return [...BUILTIN_RULES];
  const table = locateTable(sheet, RULE_COLUMNS);
  if (!(table instanceof Table)) {
    problems.push(
      sheetProblem(
        'warning',
        sheet.name,
        `找不到表头（缺少 ${table.missing.join('、')}），已按内置规则计算`,
        `在表头行写上 ${allHeaders('rules')}`,
      ),
    );
    return [...BUILTIN_RULES];
  }
  const rules: Rule[] = [];
  const seen = new Set<string>();
  const badRows = table.checkCells(problems);
  for (let i = table.headerIndex + 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (table.isBlankRow(row) || badRows.has(i)) continue;
    const code = table.text(row, 'code');
    const norm = table.text(row, 'norm');
    const variant = table.text(row, 'variant').replace(/^[-—–/]$/, '') || null;
    const category = table.text(row, 'category');
    if (!code || !norm) {
      problems.push(
        table.problem(
          'error',
          i,
          code ? 'norm' : 'code',
          '规则缺少代码或规范，这一行未启用',
          '补全代码和规范',
        ),
      );
      continue;
    }
    const key = `${normalize(code)}|${normalize(variant ?? '')}`;
    if (seen.has(key)) {
      problems.push(
        table.problem(
          'error',
          i,
          'code',
          `规则 ${code}${variant ? `（${variant}）` : ''} 重复，这一行未启用`,
          '删除重复的规则行',
        ),
      );
      continue;
    }
    const raw = table.value(row, 'points');
    const typed = parsePoints(raw);
    // A number that is no whole number of points (3.5, 1e308) is a mistake, not "decided case
    // by case": only words or a blank cell mean that.
    if (Number.isNaN(typed) && /\d/.test(cellText(raw))) {
      const [message, fix] = pointsProblem(raw);
      problems.push(table.problem('error', i, 'points', `${message}，这一行未启用`, fix));
      continue;
    }
    // A blank or worded 分值 (e.g. "N", "由党工委确定") means the committee decides case by case.
    const points = typed === null || Number.isNaN(typed) ? null : typed;
    if (points === 0) {
      problems.push(
        table.problem(
          'error',
          i,
          'points',
          '分值不能为 0，这一行未启用',
          '填写分值，或留空表示由党工委逐次确定',
        ),
      );
      continue;
    }
    const reward =
      normalize(category) === '奖励' ||
      (points !== null && points < 0) ||
      /^-/.test(normalize(table.text(row, 'points')));
    const full = parseYesNo(table.value(row, 'full')) ?? false;
    const yearly = /微心愿/.test(norm) || /微心愿/.test(category);
    seen.add(key);
    rules.push({
      code: code.normalize('NFKC').trim(),
      category,
      norm,
      variant,
      points: points === null ? null : Math.abs(points),
      reward,
      oneTimeFull: full && !reward,
      needsVerification:
        parseYesNo(table.value(row, 'verify')) ?? defaultVerification(code, yearly),
      warningList: parseYesNo(table.value(row, 'warn')) ?? false,
      yearly,
      source: { sheet: sheet.name, row: table.excelRow(i), column: null, cell: null },
    });
  }
  if (rules.length === 0) {
    problems.push(
      sheetProblem(
        'warning',
        sheet.name,
        '没有可用的规则行，已按内置规则计算',
        '填写规则，或删除这张工作表',
      ),
    );
    return [...BUILTIN_RULES];
  }
  return rules;
}

/** A blank 需认定 follows the built-in rule of the same code; an unknown rule needs verification. */
function defaultVerification(code: string, yearly: boolean): boolean {
  const builtin = BUILTIN_RULES.find((r) => normalize(r.code) === normalize(code));
  return builtin ? builtin.needsVerification : !yearly;
}
