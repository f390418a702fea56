// What a blank roster workbook holds: the sheets, headers, widths, date columns and dropdown
// lists of core/layout.ts, with the built-in rules and the default settings filled in.
// `twelve init` and the add-in's 准备台账 both write this.
import type { CellValue } from './input-types.js';
import type { Rule } from './workbook-types.js';
import { BUILTIN_RULES } from './catalog.js';
import { SETTING_ROWS } from './settings.js';
import {
  SHEET_NAMES,
  WORKBOOK_LAYOUT,
  headerOf,
  type SheetLayout,
  type SheetRole,
} from './layout.js';

export interface DropdownSpec {
  /** Header of the column that gets the list. */
  column: string;
  /** A fixed list, or a reference to another sheet's column. */
  list: readonly string[] | { sheet: string; column: string };
}

export interface BlankSheet {
  role: SheetRole;
  name: string;
  header: readonly string[];
  rows: CellValue[][];
  widths: readonly number[];
  /** Headers of the columns shown as dates. */
  dates: readonly string[];
  dropdowns: readonly DropdownSpec[];
}

/**
 * How a blank workbook looks, whoever writes it: `twelve init` into the .xlsx, 准备台账 on a
 * sheet it adds. The date columns show 2026-03-05 whatever the clerk's regional settings; the
 * header row is bold and centred on a light orange fill, so it reads as a header, not data.
 */
export const BLANK_LOOK = {
  dateFormat: 'yyyy-mm-dd',
  /** RRGGBB. */
  headerFill: 'FCE4D6',
  /** How many rows below the header get the dropdowns in a .xlsx (and the name list looks at). */
  rows: 2000,
} as const;

export function blankWorkbook(rules: readonly Rule[] = BUILTIN_RULES): BlankSheet[] {
  // Micro-wishes belong in their own sheet, once a year: the ledger's lists leave them out.
  const ledgerRules = rules.filter((r) => !r.yearly);
  const lists = {
    members: { sheet: SHEET_NAMES.roster[0], column: headerOf('roster', 'name') },
    'rule-codes': [...new Set(ledgerRules.map((r) => r.code))],
    'rule-variants': [
      ...new Set(ledgerRules.map((r) => r.variant).filter((v): v is string => v !== null)),
    ],
  };
  return WORKBOOK_LAYOUT.map((sheet) => ({
    role: sheet.role,
    name: sheet.name,
    header: sheet.columns.map((c) => c.header),
    rows: filled(sheet, rules),
    widths: sheet.columns.map((c) => c.width),
    dates: sheet.columns.filter((c) => c.date).map((c) => c.header),
    dropdowns: sheet.columns.flatMap((c) =>
      c.dropdown === undefined
        ? []
        : [
            {
              column: c.header,
              list: typeof c.dropdown === 'string' ? lists[c.dropdown] : c.dropdown,
            },
          ],
    ),
  }));
}

/** The rows a blank sheet starts with: the rules in 记分规则, the defaults in 设置. */
function filled(sheet: SheetLayout, rules: readonly Rule[]): CellValue[][] {
  if (sheet.role === 'settings') return SETTING_ROWS.map(([k, v]) => [k, v]);
  if (sheet.role !== 'rules') return [];
  return rules.map((r) => [
    r.code,
    r.category,
    r.norm,
    r.variant ?? '',
    r.points === null ? '' : r.reward ? -r.points : r.points,
    yn(r.oneTimeFull),
    yn(r.needsVerification),
    yn(r.warningList),
  ]);
}

const yn = (b: boolean) => (b ? '是' : '否');
