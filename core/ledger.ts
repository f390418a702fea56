// The 记分台账: each row checked on its own; a row with any error is listed and left out.
import type { CellValue, IsoDate } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Entry, EntryReview, ReviewOutcome, Rule, Verification } from './workbook-types.js';
import { Table } from './table.js';
import { MemberIndex, memberProblemText } from './roster.js';
import { RuleIndex } from './catalog.js';
import { dateProblem, futureDateProblem, parseDate } from './dates.js';
import { parsePoints, pointsProblem } from './points.js';
import { optionalDate } from './optional-date.js';
import { cellText, isBlank, normalize } from './text.js';

const STATUS: Record<string, Verification> = {};
for (const s of [
  '已认定',
  '认定',
  '已核实',
  '核实',
  '属实',
  '经查属实',
  '已审核',
  '审核通过',
  '通过',
  '有效',
  '已确认',
  '确认',
  '已记分',
])
  STATUS[s] = 'counts';
for (const s of [
  '待核实',
  '待认定',
  '待审核',
  '审核中',
  '核实中',
  '未认定',
  '未核实',
  '待定',
  '待确认',
])
  STATUS[s] = 'pending';
for (const s of ['已撤销', '撤销', '撤回', '已撤回', '不属实', '无效', '作废', '已作废'])
  STATUS[s] = 'revoked';

export const STATUS_CHOICES = ['已认定', '待核实', '已撤销'] as const;

const OUTCOMES: Record<string, ReviewOutcome> = {};
for (const s of ['维持', '维持原记分', '维持原决定', '维持原认定', '不变']) OUTCOMES[s] = 'upheld';
for (const s of ['撤销', '撤消', '已撤销', '撤销记分', '予以撤销']) OUTCOMES[s] = 'revoked';
for (const s of ['变更', '已变更', '改变', '更改', '调整', '变更情形', '变更分值'])
  OUTCOMES[s] = 'changed';

export const REVIEW_CHOICES = ['维持', '撤销', '变更'] as const;

export function parseLedger(
  table: Table,
  members: MemberIndex,
  rules: RuleIndex,
  problems: Problem[],
  today: IsoDate | null = null,
): Entry[] {
  const entries: Entry[] = [];
  const rows = table.sheet.rows;
  const rowProblems: Problem[] = [];
  const err = (i: number, key: string, message: string, fix: string) =>
    rowProblems.push(table.problem('error', i, key, message, fix));
  // Column indexes once, not a lookup per cell: the ledger is the one table that can be 100,000 rows.
  const col = table.columns;
  const [cDate, cId, cName, cItem, cVariant, cPoints, cStatus, cNote, cNotice] = [
    col.date,
    col.id,
    col.name,
    col.item,
    col.variant,
    col.points,
    col.status,
    col.note,
    col.noticeDate,
  ];
  const text = (row: readonly CellValue[], c: number) => (c >= 0 ? cellText(row[c]) : '');
  const statuses = new Map<string, Verification | undefined>();
  const sheetName = table.name;
  const reviewCols = [col.reviewApplied, col.reviewOutcome, col.reviewDecided].filter(
    (c) => c >= 0,
  );
  // Nearly every row leaves the review columns blank: then there is nothing to read or warn of.
  const reviewTyped = (row: readonly CellValue[]) => reviewCols.some((c) => !isBlank(row[c]));
  // Rows with an error value (#N/A) are listed by checkCells and not scored.
  const badRows = table.checkCells(problems);

  for (let i = table.headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (table.isBlankRow(row) || badRows.has(i)) continue;
    rowProblems.length = 0;

    const dateValue = row[cDate];
    const date = parseDate(dateValue);
    if (date === null) {
      if (cellText(dateValue)) err(i, 'date', ...dateProblem(dateValue));
      else err(i, 'date', '日期为空', '填写记分事项发生的日期');
    } else if (today !== null && date > today) err(i, 'date', ...futureDateProblem(date, today));

    const idText = text(row, cId);
    const nameText = text(row, cName);
    const who = members.find(idText, nameText);
    if (!who.ok) {
      const [message, fix] = memberProblemText(who.reason, idText, nameText, who.member);
      const byName = who.reason === 'unknown-name' || who.reason === 'ambiguous-name' || cId < 0;
      err(i, byName ? 'name' : 'id', message, fix);
    }

    const itemText = text(row, cItem);
    const variantText = text(row, cVariant);
    const match = itemText ? rules.match(itemText, variantText) : null;
    if (!match) err(i, 'item', '事项为空', '填写规则代码（如 P1）或规范名称（如 三会一课）');
    else if (!match.ok) {
      if (match.reason === 'unknown-rule') {
        err(
          i,
          'item',
          `不认识的事项"${itemText}"`,
          '填写记分规则中的代码（如 P1、W1、J1）或规范名称',
        );
      } else if (match.reason === 'missing-variant') {
        err(
          i,
          'variant',
          `事项"${itemText}"须填写情形`,
          `情形填写其中之一：${match.variants.join('、')}`,
        );
      } else {
        err(
          i,
          'variant',
          `事项"${itemText}"没有情形"${variantText}"`,
          `情形填写其中之一：${match.variants.join('、')}`,
        );
      }
    }
    const rule = match?.ok ? match.rule : null;

    let points = 0;
    const pointsValue = cPoints >= 0 ? row[cPoints] : undefined;
    const typed = parsePoints(pointsValue);
    if (typed !== null && Number.isNaN(typed)) {
      err(i, 'points', ...pointsProblem(pointsValue));
    } else if (rule) {
      const checked = checkPoints(rule, typed, cellText(pointsValue));
      if (typeof checked === 'number') points = checked;
      else err(i, 'points', checked[0], checked[1]);
    }

    const statusText = text(row, cStatus);
    let verification: Verification = 'counts';
    if (statusText) {
      let v = statuses.get(statusText);
      if (v === undefined && !statuses.has(statusText))
        statuses.set(statusText, (v = STATUS[normalize(statusText)]));
      if (v) verification = v;
      else
        err(
          i,
          'status',
          `不认识的状态"${statusText}"`,
          `状态填写 ${STATUS_CHOICES.join('、')} 之一，或留空`,
        );
    } else if (rule?.needsVerification) {
      verification = 'pending';
    }

    // 认定日期 and the review dates decide when the entry counts: a future one leaves the row out.
    const rowError = (key: string, message: string, fix: string) => err(i, key, message, fix);
    const noticeDate =
      cNotice >= 0 ? optionalDate(table, i, row, 'noticeDate', problems, today) : null;
    const verifiedDate =
      col.verifiedDate >= 0
        ? optionalDate(table, i, row, 'verifiedDate', problems, today, rowError)
        : null;
    const review = reviewTyped(row)
      ? readReview(table, i, row, problems, err, today, rowError)
      : undefined;

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    if (rule!.yearly) {
      // Counted as typed (one row per wish not completed), but the 微心愿 sheet is the place.
      problems.push(
        table.problem(
          'warning',
          i,
          'item',
          `微心愿（${rule!.code}）记在了记分台账：按每行 ${rule!.points} 分计入`,
          '微心愿请在"微心愿"工作表按年度填写认领数和完成数，由系统在 12 月 31 日计分',
        ),
      );
    }
    const excelRow = table.excelRow(i);
    const entry: Entry = {
      key: `${sheetName}!${excelRow}`,
      source: { sheet: sheetName, row: excelRow, column: null, cell: null },
      date: date!,
      member: (who as { member: Entry['member'] }).member,
      rule: rule!,
      points,
      verification,
      statusText,
      note: text(row, cNote),
      noticeDate,
      variantText,
      verifiedDate,
    };
    // Set after the literal, not spread into it: one shape and no extra objects per row.
    if (review) entry.review = review;
    entries.push(entry);
  }
  return entries;
}

/** The review columns of one row; undefined where all three are blank. */
function readReview(
  table: Table,
  i: number,
  row: readonly CellValue[],
  problems: Problem[],
  err: (i: number, key: string, message: string, fix: string) => void,
  today: IsoDate | null,
  rowError: (key: string, message: string, fix: string) => void,
): EntryReview | undefined {
  const outcomeText = table.text(row, 'reviewOutcome');
  const applied = optionalDate(table, i, row, 'reviewApplied', problems, today, rowError);
  const decided = optionalDate(table, i, row, 'reviewDecided', problems, today, rowError);
  if (!outcomeText && applied === null && decided === null) return undefined;
  let outcome: ReviewOutcome | null = null;
  if (outcomeText) {
    outcome = OUTCOMES[normalize(outcomeText)] ?? null;
    // 撤销 or not decides whether the entry counts: a guess would be worse than leaving it out.
    if (outcome === null)
      err(
        i,
        'reviewOutcome',
        `不认识的复核结果"${outcomeText}"`,
        `复核结果填写 ${REVIEW_CHOICES.join('、')} 之一，复核未办结的留空`,
      );
    else if (decided === null)
      problems.push(
        table.problem(
          'warning',
          i,
          'reviewDecided',
          `已填写复核结果"${outcomeText}"，但复核日期为空`,
          '填写复核决定的日期',
        ),
      );
  }
  if (applied === null && (outcome !== null || decided !== null))
    problems.push(
      table.problem(
        'warning',
        i,
        'reviewApplied',
        '已填写复核结果或复核日期，但复核申请日期为空',
        '填写党员申请复核的日期',
      ),
    );
  return { applied, outcome, outcomeText, decided };
}

/** The signed points a row scores, or the message and fix where the typed points are wrong. */
function checkPoints(
  rule: Rule,
  typed: number | null,
  typedText: string,
): number | [string, string] {
  if (rule.points === null) {
    if (typed === null || typed === 0) {
      return [
        `事项"${rule.code} ${rule.norm}"的分值由党工委逐次确定，须填写分值`,
        '填写党工委研究确定的分值',
      ];
    }
    if (!rule.reward && typed < 0)
      return [`记分事项的分值不能为负数"${typedText}"`, '填写正数分值'];
    return rule.reward ? -Math.abs(typed) : typed;
  }
  const ok =
    typed === null || (rule.reward ? Math.abs(typed) === rule.points : typed === rule.points);
  const signed = rule.reward ? -rule.points : rule.points;
  if (!ok)
    return [
      `分值"${typedText}"与规则不符：${describeRule(rule)}为 ${signed} 分`,
      `改为 ${signed}，或留空由规则计算`,
    ];
  return signed;
}

export function describeRule(rule: { code: string; norm: string; variant: string | null }): string {
  return `${rule.code} ${rule.norm}${rule.variant ? `（${rule.variant}）` : ''}`;
}
