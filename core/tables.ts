// The two sheets the tools write, as 2-D arrays: 积分汇总 and 校验结果.
import type { CellValue } from './input-types.js';
import type { Problem, Severity } from './problem-types.js';
import type { Obligation, ScoreResult } from './result-types.js';
import type { Member } from './workbook-types.js';
import { LEVEL_LABELS } from './levels.js';
import { obligationStateText } from './obligations.js';
import { warningLabel } from './warning.js';

export const SUMMARY_SHEET = '积分汇总';
export const PROBLEMS_SHEET = '校验结果';

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '提醒',
  info: '说明',
};

export const SUMMARY_HEADER = [
  '编号',
  '姓名',
  '支部',
  '积分余额',
  '等级',
  '累计记分',
  '累计奖励分',
  '实际销分',
  '待核实',
  '应办处置',
  '排名',
  '可推荐评先评优',
  '警示名单',
  '计算日期',
] as const;

/** "2026-03-01 约谈提醒（党工委）：已办 2026-03-05" — one obligation in 积分汇总's 应办处置. */
function obligationText(o: Obligation): string {
  return `${o.due} ${o.label}（${o.actor}）：${obligationStateText(o)}`;
}

export function summaryRows(result: ScoreResult): CellValue[][] {
  const rows: CellValue[][] = [[...SUMMARY_HEADER]];
  const owed = new Map<Member, Obligation[]>();
  for (const o of result.obligations) {
    const list = owed.get(o.member);
    if (list) list.push(o);
    else owed.set(o.member, [o]);
  }
  // 待核实 is the core's list (score's 【待核实】 and 待办 read it): an entry dated after the
  // as-of date is not waiting yet on that day.
  const pending = new Map<Member, number>();
  for (const p of result.pending) pending.set(p.member, (pending.get(p.member) ?? 0) + 1);
  for (const m of result.members) {
    rows.push([
      m.member.id ?? '',
      m.member.name,
      m.member.branch,
      m.balance,
      LEVEL_LABELS[m.level],
      m.demerits,
      m.rewards,
      m.cancelled,
      pending.get(m.member) ?? 0,
      (owed.get(m.member) ?? []).map(obligationText).join('\n'),
      m.rank,
      m.awardEligible ? '是' : '否',
      // 警示党员 or 警示对象, as score, the cards and the ranking name the listing.
      warningLabel(m) ?? '',
      result.asOf,
    ]);
  }
  return rows;
}

export const PROBLEMS_HEADER = [
  '级别',
  '工作表',
  '单元格',
  '行',
  '列',
  '问题',
  '处理办法',
] as const;

export function problemRows(problems: readonly Problem[]): CellValue[][] {
  return [
    [...PROBLEMS_HEADER],
    ...problems.map((p) => [
      SEVERITY_LABELS[p.severity],
      p.sheet,
      p.cell ?? '',
      p.row ?? '',
      p.column ?? '',
      p.message,
      p.fix,
    ]),
  ];
}

/** "记分台账 第12行 日期: 无法识别日期 …" — one line as the CLI and the task pane show it. */
export function problemLine(p: Problem): string {
  const where = [p.sheet, p.row !== null ? `第${p.row}行` : '', p.column ?? '']
    .filter(Boolean)
    .join(' ');
  return `[${SEVERITY_LABELS[p.severity]}] ${where}：${p.message}。${p.fix}`;
}
