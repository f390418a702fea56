// From sheets to validated members, rules and entries: everything but the arithmetic.
import { cardNumbers } from './card-numbers.js';
import { UnusableWorkbookError } from './clerk-error.js';
import type { IsoDate, SheetData } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Entry, ParsedWorkbook } from './workbook-types.js';
import {
  ATTENDANCE_COLUMNS,
  LEDGER_COLUMNS,
  RECORD_COLUMNS,
  ROSTER_COLUMNS,
  SHEET_NAMES,
  WISH_COLUMNS,
  allHeaders,
  type ColumnSpec,
} from './layout.js';
import { findSheets, nearRole, reviewSheets } from './find-sheets.js';
import { locateTable, Table } from './table.js';
import { sheetProblem, structureProblem } from './sheet-problem.js';
import { parseSettings } from './settings.js';
import { parseRules } from './rule-sheet.js';
import { MemberIndex, parseRoster } from './roster.js';
import { RuleIndex, wishRule } from './catalog.js';
import { parseLedger } from './ledger.js';
import { parseWishes } from './wishes.js';
import { parseRecords } from './records.js';
import { parseAttendance } from './attendance.js';
import { dropDuplicateAttendance } from './attendance-duplicates.js';
import { finishProblems, problemList } from './problem-list.js';

export interface ParseOptions {
  /**
   * The day of the run (not the as-of date): a date after it is an error on its row. The core
   * has no clock: each adapter passes its own today. Null (tests and benchmarks that replay
   * fixed data) checks no date against a day.
   */
  today?: IsoDate | null;
}

/**
 * Reads a workbook's sheets. Throws UnusableWorkbookError only where there is no roster or
 * no ledger to read; every other problem is listed and the valid rows go on.
 */
export function parseWorkbook(
  sheets: readonly SheetData[],
  options: ParseOptions = {},
): ParsedWorkbook {
  const today = options.today ?? null;
  const found = findSheets(sheets);
  const problems: Problem[] = problemList(reviewSheets(sheets, found));
  if (!found.roster)
    throw new UnusableWorkbookError(
      `找不到党员名册工作表（应命名为 ${SHEET_NAMES.roster.join('、')} 之一）${nearNames(sheets, 'roster')}`,
    );
  if (!found.ledger)
    throw new UnusableWorkbookError(
      `找不到记分台账工作表（应命名为 ${SHEET_NAMES.ledger.join('、')} 之一）${nearNames(sheets, 'ledger')}`,
    );

  const settings = parseSettings(found.settings, problems);
  const rules = parseRules(found.rules, problems);

  const rosterTable = requireTable(found.roster, ROSTER_COLUMNS);
  rosterTable.checkCells(problems);
  const members = parseRoster(rosterTable, problems);
  const memberIndex = new MemberIndex(members, problems, rosterTable);

  const ledgerTable = requireTable(found.ledger, LEDGER_COLUMNS);
  if (!ledgerTable.has('id') && !ledgerTable.has('name')) {
    throw new UnusableWorkbookError(
      `${found.ledger.name} 的表头中没有"编号"或"姓名"列，无法知道每一行记的是谁`,
    );
  }
  const ruleIndex = new RuleIndex(rules);
  const entries: Entry[] = parseLedger(ledgerTable, memberIndex, ruleIndex, problems, today);

  const attendanceTable = optionalTable(found.attendance, ATTENDANCE_COLUMNS, problems, {
    what: '会议签到未计分',
    fix: `在表头行写上 ${allHeaders('attendance')}`,
  });
  if (attendanceTable) {
    const fromMeetings = parseAttendance(attendanceTable, memberIndex, ruleIndex, problems, today);
    entries.push(...dropDuplicateAttendance(entries, fromMeetings, problems));
  }

  const recordTable = optionalTable(found.records, RECORD_COLUMNS, problems, {
    what: '处置记录未读取',
    fix: `在表头行写上 ${allHeaders('records')}`,
  });
  const records = recordTable
    ? parseRecords(recordTable, memberIndex, settings, problems, today)
    : [];

  let wishTable: Table | null = null;
  if (found.wishes) {
    const located = locateTable(found.wishes, WISH_COLUMNS);
    if (located instanceof Table) {
      wishTable = located;
      entries.push(
        ...parseWishes(wishTable, memberIndex, wishRule(rules), settings, problems, today),
      );
    } else
      problems.push(
        structureProblem(
          sheetProblem(
            'error',
            found.wishes.name,
            `找不到表头（缺少 ${located.missing.join('、')}），微心愿未计分`,
            `在表头行写上 ${allHeaders('wishes')}`,
          ),
        ),
      );
  }

  const columns: ParsedWorkbook['columns'] = {};
  for (const t of [rosterTable, ledgerTable, attendanceTable, recordTable, wishTable])
    if (t) columns[t.name] = t.letters();

  const sorted = sortEntries(entries);
  return {
    columns,
    settings,
    rules,
    members,
    entries: sorted,
    records,
    cardNumbers: cardNumbers(sorted),
    problems: finishProblems(problems),
    sheets: {
      roster: found.roster.name,
      ledger: found.ledger.name,
      wishes: found.wishes?.name ?? null,
      rules: found.rules?.name ?? null,
      settings: found.settings?.name ?? null,
      records: found.records?.name ?? null,
      attendance: found.attendance?.name ?? null,
    },
  };
}

/** ", 工作表"台账2026"名称相近" where a sheet's name is near the role's: the likely fix. */
function nearNames(sheets: readonly SheetData[], role: 'roster' | 'ledger'): string {
  const near = sheets.filter((s) => nearRole(s.name) === role).map((s) => `"${s.name}"`);
  return near.length ? `；工作表${near.join('、')}的名称相近，如果是它，请改为规定的名称` : '';
}

/** An optional sheet's table; a sheet whose header cannot be found is an error, never ignored. */
function optionalTable(
  sheet: SheetData | null,
  specs: readonly ColumnSpec[],
  problems: Problem[],
  text: { what: string; fix: string },
): Table | null {
  if (!sheet) return null;
  const table = locateTable(sheet, specs);
  if (table instanceof Table) return table;
  problems.push(
    structureProblem(
      sheetProblem(
        'error',
        sheet.name,
        `找不到表头（缺少 ${table.missing.join('、')}），${text.what}`,
        text.fix,
      ),
    ),
  );
  return null;
}

function requireTable(sheet: SheetData, specs: readonly ColumnSpec[]): Table {
  const table = locateTable(sheet, specs);
  if (table instanceof Table) return table;
  throw new UnusableWorkbookError(
    `${sheet.name} 中找不到表头行（缺少 ${table.missing.join('、')}）`,
  );
}

/**
 * Date order; on the same date the ledger's row order, micro-wishes after the ledger. Entries
 * arrive in exactly that order within a date, so bucketing by date is a stable sort that
 * compares only the few hundred distinct dates, not 100,000 entries.
 */
function sortEntries(entries: Entry[]): Entry[] {
  const byDate = new Map<string, Entry[]>();
  for (const e of entries) {
    const bucket = byDate.get(e.date);
    if (bucket) bucket.push(e);
    else byDate.set(e.date, [e]);
  }
  let i = 0;
  for (const date of [...byDate.keys()].sort()) for (const e of byDate.get(date)!) entries[i++] = e;
  return entries;
}
