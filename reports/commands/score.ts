// `twelve score`: validate and score a workbook, as a Chinese report or as JSON. Never writes.
import {
  LEVEL_LABELS,
  levelCounts,
  obligationStateText,
  problemLine,
  scoreWorkbook,
  warningLabel,
  todoItems,
  todoLine,
  type Level,
  type Member,
  type ScoreResult,
} from '../../core/index.js';
import { asOfArg, exitCodeFor, parseCommandArgs, workbookArg, type Io } from '../command.js';
import { readWorkbook } from '../read-workbook.js';
import { textTable } from '../text-table.js';

export async function runScore(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = workbookArg(positionals, io);
  const asOf = asOfArg(values['as-of']);
  const result = scoreWorkbook(await readWorkbook(file), asOf);
  io.out.write(
    values.json ? JSON.stringify(scoreJson(result), null, 2) + '\n' : scoreReport(result, file),
  );
  return exitCodeFor(result.problems);
}

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

export function scoreReport(result: ScoreResult, file: string): string {
  const counts = (s: string) => result.problems.filter((p) => p.severity === s).length;
  const byLevel = levelCounts(result.members);
  const lines: string[] = [];
  lines.push(`十二分制记分结果${result.settings.unitName ? ` — ${result.settings.unitName}` : ''}`);
  lines.push(`台账：${file}`);
  lines.push(
    `计算日期：${result.asOf}，在册党员 ${result.members.length} 名，有效记录 ${result.entries.length} 条，问题：错误 ${counts('error')} 条、提醒 ${counts('warning')} 条`,
  );
  lines.push(
    `等级：${(Object.keys(LEVEL_LABELS) as Level[]).map((l) => `${LEVEL_LABELS[l]} ${byLevel[l]} 名`).join('，')}`,
  );
  lines.push('');
  lines.push('【党员积分】');
  lines.push(
    textTable(
      ['编号', '姓名', '支部', '积分', '等级', '警示名单', '排名', '可评先评优'],
      result.members.map((m) => [
        m.member.id ?? '',
        m.member.name,
        m.member.branch,
        String(m.balance),
        LEVEL_LABELS[m.level],
        warningLabel(m) ?? '',
        String(m.rank),
        m.awardEligible ? '是' : '否',
      ]),
    ),
  );
  // Every talk and handling as the core's obligations stand: the same list 待办 and the
  // ranking read, superseded ones with the day they were superseded.
  const owed = result.obligations;
  lines.push('');
  lines.push(`【应办处置】${owed.length === 0 ? '无' : ''}`);
  if (owed.length > 0) {
    lines.push(
      textTable(
        ['日期', '姓名', '处置', '负责', '办理情况'],
        owed.map((o) => [o.due, o.member.name, o.label, o.actor, obligationStateText(o)]),
      ),
    );
  }
  const todo = todoItems(result);
  const overdue = todo.filter((t) => t.overdue).length;
  lines.push('');
  lines.push(`【待办】${todo.length === 0 ? '无' : `${todo.length} 项，其中逾期 ${overdue} 项`}`);
  for (const t of todo) lines.push(todoLine(t));
  lines.push('');
  lines.push(
    `【待核实】${result.pending.length === 0 ? '无' : `${result.pending.length} 条（未计分）`}`,
  );
  if (result.pending.length > 0) {
    lines.push(
      textTable(
        ['日期', '姓名', '已等待', '位置'],
        result.pending.map((p) => [
          p.date,
          p.member.name,
          `${p.days} 天${p.tooLong ? '（超期）' : ''}`,
          `${p.source.sheet} 第${p.source.row}行`,
        ]),
      ),
    );
  }
  lines.push('');
  lines.push(
    `【问题】${result.problems.length === 0 ? '无' : `${result.problems.length} 条（错误行未计分，改正后重新运行）`}`,
  );
  for (const p of result.problems) lines.push(problemLine(p));
  return lines.join('\n') + '\n';
}
