// What a job request must be before it is queued, whatever its fields: a kind the server runs,
// and a workbook read without a structure problem (no upward report from a misread one, per
// domain.md). Pure: the read worker checks a large JSON body with it too (json-answers.ts), so
// that a body that would be refused is never brought to the main thread at all.
import {
  parseWorkbook,
  upwardBlock,
  type ParsedWorkbook,
  type SheetData,
} from '../../core/index.js';
import { RequestError } from './request-input.js';

export const JOB_KINDS = ['notices', 'quarterly', 'ranking', 'mail'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export function checkJob(
  kind: unknown,
  sheets: readonly SheetData[],
  today: string,
): ParsedWorkbook {
  if (typeof kind !== 'string' || !(JOB_KINDS as readonly string[]).includes(kind))
    throw new RequestError(
      400,
      kind === undefined
        ? `缺少请求字段 kind：应为 ${JOB_KINDS.join('、')} 之一`
        : `不认识的任务类型 kind="${String(kind)}"：应为 ${JOB_KINDS.join('、')} 之一`,
    );
  // Parsed here, once: a file without a roster is a 400 and not a failed job.
  const parsed = parseWorkbook(sheets, { today });
  // An upward job from a misread workbook is refused before it is queued (domain.md).
  const blocked = kind === 'quarterly' || kind === 'mail' ? upwardBlock(parsed.problems) : null;
  if (blocked) throw new RequestError(422, blocked);
  return parsed;
}
