// Reviews (复核): an open review still counts; an outcome not reached within 复核办结天数 and
// an application later than 告知日期 + 复核申请天数 are warned about (domain.md, Review).
import type { IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { ReviewStatus } from './result-types.js';
import type { Entry, Settings } from './workbook-types.js';
import { addDays, chineseDate } from './dates.js';
import { headerOf } from './layout.js';

export function reviewStatuses(
  entries: readonly Entry[],
  settings: Settings,
  asOf: IsoDate,
  problems: Problem[],
): ReviewStatus[] {
  const out: ReviewStatus[] = [];
  for (const e of entries) {
    const r = e.review;
    if (r === undefined || e.member.status !== 'active' || e.date > asOf) continue;
    if (r.applied !== null && r.applied > asOf) continue;
    const decidedBy = r.outcome !== null && (r.decided === null || r.decided <= asOf);
    if (r.applied === null && !decidedBy) continue;
    const late =
      r.applied !== null &&
      e.noticeDate !== null &&
      r.applied > addDays(e.noticeDate, settings.reviewDays);
    const overdue =
      !decidedBy && r.applied !== null && asOf > addDays(r.applied, settings.reviewDecisionDays);
    const where = (column: string) => ({
      sheet: e.source.sheet,
      row: e.source.row,
      column,
      cell: null,
    });
    if (late)
      problems.push({
        severity: 'warning',
        ...where(headerOf('ledger', 'reviewApplied')),
        message: `${e.member.name}于${chineseDate(r.applied!)}申请复核，已超过告知日期（${chineseDate(e.noticeDate!)}）后 ${settings.reviewDays} 日的申请期限`,
        fix: '逾期申请已登记保留；由党工委决定是否受理，并填写复核结果',
      });
    if (overdue)
      problems.push({
        severity: 'warning',
        ...where(headerOf('ledger', 'reviewOutcome')),
        message: `${e.member.name}的复核申请（${chineseDate(r.applied!)}）已超过 ${settings.reviewDecisionDays} 日仍无复核结果`,
        fix: '尽快作出复核决定，填写复核结果和复核日期；复核期间记分照常有效',
      });
    out.push({
      entryKey: e.key,
      source: e.source,
      member: e.member,
      applied: r.applied,
      outcome: decidedBy ? r.outcome : null,
      decided: decidedBy ? r.decided : null,
      state: decidedBy ? 'decided' : overdue ? 'overdue' : 'open',
      late,
    });
  }
  return out;
}
