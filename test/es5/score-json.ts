// The core as the pane bundles it, run on plain sheets: the same function runs in Node and,
// bundled to ES5 with the pane's polyfills, in duktape (test/core-es5.test.ts). Sheets travel
// as JSON with dates as {"$date": ISO}; the result comes back as JSON, dates as ISO strings.
import { sealCode, scoreWorkbook, type CellValue, type SheetData } from '../../core/index.js';

export function reviveSheets(json: string): SheetData[] {
  return JSON.parse(json, (_key, value: unknown) =>
    value && typeof value === 'object' && '$date' in value
      ? new Date((value as { $date: string }).$date)
      : value,
  ) as SheetData[];
}

export function encodeSheets(sheets: readonly SheetData[]): string {
  return JSON.stringify(
    sheets.map((s) => ({
      ...s,
      rows: s.rows.map((r) =>
        r.map((v: CellValue) => (v instanceof Date ? { $date: v.toISOString() } : v)),
      ),
    })),
  );
}

export function scoreSheetsJson(sheetsJson: string, asOf: string): string {
  const result = scoreWorkbook(reviveSheets(sheetsJson), asOf);
  return JSON.stringify({
    members: result.members,
    problems: result.problems,
    entries: result.entries,
    // The seal's codes: the same SHA-256 (js-sha256's pure code here, Node's crypto in Node).
    seals: result.entries.map((e) => sealCode(result.settings.unitName, e)),
  });
}
