// `twelve score`: validate and score a workbook, as a Chinese report or as JSON. Never writes.
import {
  LEVEL_LABELS,
  levelCounts,
  obligationStateText,
  problemCounts,
  problemLine,
  scoreWorkbook,
  warningLabel,
  todoItems,
  todoLine,
  type Level,
  type ScoreResult,
} from '../../core/index.js';
import { asOfArg, exitCodeFor, parseCommandArgs, workbookArg, type Io } from '../command.js';
import { score as declared } from '../usage/score.js';
import { readWorkbook } from '../read-workbook.js';
import { scoreJson } from '../print/score-json.js';
import { textTable } from '../text-table.js';
import { runToday } from '../today.js';

export async function runScore(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  const file = workbookArg(positionals, io);
  const asOf = asOfArg(values['as-of']);
  const result = scoreWorkbook(await readWorkbook(file), asOf, { today: runToday() });
  io.out.write(
    values.json ? JSON.stringify(scoreJson(result), null, 2) + '\n' : scoreReport(result, file),
  );
  return exitCodeFor(result.problems);
}

function scoreReport(result: ScoreResult, file: string): string {
  const counts = problemCounts(result.problems);
  const byLevel = levelCounts(result.members);
  const lines: string[] = [];
  lines.push(`十二分制记分结果${result.settings.unitName ? ` — ${result.settings.unitName}` : ''}`);
  lines.push(`台账：${file}`);
  lines.push(
    `计算日期：${result.asOf}，在册党员 ${result.members.length} 名，有效记录 ${result.entries.length} 条，问题：错误 ${counts.error} 条、提醒 ${counts.warning} 条`,
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
  lines.push(
    `【待办】${todo.length === 0 ? '无' : `${todo.length} 项${overdue > 0 ? `，其中逾期 ${overdue} 项` : ''}`}`,
  );
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
