/// <reference types="office-js" />
// Which Excel JavaScript API calls the open Excel offers. The manifest asks for ExcelApi 1.1,
// the only set Office 2016 has (volume-licensed Office 2019 stops at 1.7); every newer call the
// add-in makes is behind one of these flags, each naming its set (docs/addin.md has the table).
import { columnLetter } from '../core/text.js';

export interface HostFeatures {
  /** getUsedRange(valuesOnly): formatting-only cells are not "used" (1.2). */
  usedRangeValuesOnly: boolean;
  /** Workbook.functions, through which DATE tells the 1904 date system apart (1.2). */
  functions: boolean;
  /** Range.format.columnWidth (1.2). */
  columnWidth: boolean;
  /** getUsedRangeOrNullObject (1.4). */
  usedRangeOrNull: boolean;
  /** Application.suspendApiCalculationUntilNextSync (1.6). */
  suspendCalculation: boolean;
  /** Worksheet.getRangeByIndexes (1.7). */
  rangeByIndexes: boolean;
  /** Worksheet.freezePanes (1.7). */
  freezePanes: boolean;
  /** Range.dataValidation: 准备台账's dropdowns (1.8). */
  dataValidation: boolean;
  /** Range.getMergedAreasOrNullObject and RangeAreas.address (1.13). */
  mergedAreas: boolean;
}

export const FEATURE_SETS: Record<keyof HostFeatures, string> = {
  usedRangeValuesOnly: '1.2',
  functions: '1.2',
  columnWidth: '1.2',
  usedRangeOrNull: '1.4',
  suspendCalculation: '1.6',
  rangeByIndexes: '1.7',
  freezePanes: '1.7',
  dataValidation: '1.8',
  mergedAreas: '1.13',
};

export function hostFeatures(isSetSupported: (version: string) => boolean): HostFeatures {
  const out = {} as HostFeatures;
  for (const key of Object.keys(FEATURE_SETS) as (keyof HostFeatures)[])
    out[key] = isSetSupported(FEATURE_SETS[key]);
  return out;
}

/** Every feature: outside Office (the Node tests against the fake) nothing limits the calls. */
export const ALL_FEATURES: HostFeatures = hostFeatures(() => true);

/** The open Excel's features, from Office.context.requirements.isSetSupported. */
export function officeFeatures(): HostFeatures {
  const requirements =
    typeof Office === 'undefined' ? undefined : Office.context && Office.context.requirements;
  if (!requirements) return ALL_FEATURES;
  return hostFeatures((version) => requirements.isSetSupported('ExcelApi', version));
}

/** A range by 0-based indexes: getRangeByIndexes where there is one, an A1 address below 1.7. */
export function rangeAt(
  sheet: Excel.Worksheet,
  features: HostFeatures,
  row: number,
  col: number,
  rows: number,
  cols: number,
): Excel.Range {
  if (features.rangeByIndexes) return sheet.getRangeByIndexes(row, col, rows, cols);
  const from = `${columnLetter(col + 1)}${row + 1}`;
  const to = `${columnLetter(col + cols)}${row + rows}`;
  return sheet.getRange(from === to ? from : `${from}:${to}`);
}
