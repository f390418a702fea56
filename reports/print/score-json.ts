// The score result as JSON: `twelve score --json` and the server's score answer alike.
import { warningLabel, type Member, type ScoreResult } from '../../core/index.js';

/** The machine-readable result: stable field names, Chinese only in messages. */
export function scoreJson(result: ScoreResult) {
  return {
    asOf: result.asOf,
    unit: result.settings.unitName,
    members: result.members.map((m) => ({
      id: m.member.id,
      name: m.member.name,
      branch: m.member.branch,
      balance: m.balance,
      level: m.level,
      demerits: m.demerits,
      rewards: m.rewards,
      cancelled: m.cancelled,
      rank: m.rank,
      awardEligible: m.awardEligible,
      warningListed: m.warningListed,
      /** 警示党员 or 警示对象 where listed, as every printed view names it. */
      warning: warningLabel(m),
      actions: m.actions.map((a) => ({
        date: a.date,
        threshold: a.threshold,
        action: a.action,
        by: a.by,
        source: a.entryKey,
      })),
      steps: m.steps.map((s) => ({
        source: s.entryKey,
        date: s.date,
        points: s.requested,
        applied: s.applied,
        balance: s.after,
      })),
    })),
    obligations: result.obligations.map((o) => ({
      memberId: memberId(o.member),
      kind: o.kind,
      due: o.due,
      deadline: o.deadline,
      state: o.state,
      doneOn: o.record?.date ?? null,
      supersededOn: o.state === 'superseded' ? o.supersededOn : null,
      // Who acts, or acted: the record's 承办人 where it names one, else the role that acts.
      by: o.record?.by || o.actor,
    })),
    notices: result.notices.map((n) => ({
      number: n.number,
      sheet: n.source.sheet,
      row: n.source.row,
      memberId: memberId(n.member),
      date: n.date,
      state: n.state,
    })),
    reviews: result.reviews.map((r) => ({
      sheet: r.source.sheet,
      row: r.source.row,
      memberId: memberId(r.member),
      applied: r.applied,
      outcome: r.outcome,
      state: r.state,
      late: r.late,
    })),
    pending: result.pending.map((p) => ({
      sheet: p.source.sheet,
      row: p.source.row,
      memberId: memberId(p.member),
      date: p.date,
      days: p.days,
    })),
    problems: result.problems.map((p) => ({
      severity: p.severity,
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      cell: p.cell,
      message: p.message,
      fix: p.fix,
    })),
  };
}

/** A member as the JSON names them: by 编号, or by 姓名 where the roster has no ids. */
const memberId = (m: Member) => m.id ?? m.name;
