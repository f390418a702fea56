// POST /api/score's answer from what the request brought: one place for its fields, on the
// main thread for an upload (read in a worker already) and in the read worker for JSON.
import { scoreWorkbook } from '../../core/index.js';
import { scoreJson } from '../print/score-json.js';
import { checkFields, dateField, text, type RequestInput } from './request-input.js';

/** The score result as JSON text (so that a worker hands back one string, not a tree). */
export function scoreRequest(input: RequestInput, today: string): string {
  checkFields(input.fields, ['asOf'], '评分');
  const asOf = dateField(text(input.fields, 'asOf'));
  return JSON.stringify(scoreJson(scoreWorkbook(input.sheets, asOf, { today })));
}
