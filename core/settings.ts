// The 设置 sheet: two columns, 项目 / 值, each with a default from the article.
import type { CellValue, SheetData } from './input-types.js';
import type { Problem } from './problem-types.js';
import type { Settings } from './workbook-types.js';
import { cellText, isBlank, normalize } from './text.js';
import { locateTable, Table } from './table.js';
import { SETTINGS_COLUMNS } from './layout.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  unitName: '',
  cardHeading: '机关',
  thresholds: Object.freeze({ reminder: 6, warning: 9, unqualified: 12 }),
  reset: 'none',
  requiredWishes: 0,
  upwardEmail: null,
  rankingDay: 25,
  bottomCount: 3,
  reviewDays: 7,
  noticeDays: 7,
  handlingDays: 15,
  verificationDays: 30,
  reviewDecisionDays: 15,
}) as Settings;

const D = DEFAULT_SETTINGS;

/**
 * The 设置 keys a clerk types, with their defaults (the values above, as a clerk would type
 * them): what a blank workbook's 设置 holds.
 */
export const SETTING_ROWS: readonly [string, string | number][] = [
  ['单位名称', D.unitName],
  ['提醒分值', D.thresholds.reminder],
  ['警示分值', D.thresholds.warning],
  ['不合格分值', D.thresholds.unqualified],
  ['清零方式', D.reset === 'none' ? '不清零' : '每年'],
  ['每年应认领微心愿数', D.requiredWishes],
  ['上级党组织邮箱', D.upwardEmail ?? ''],
  ['每月调整日', D.rankingDay],
  ['末位人数', D.bottomCount],
  ['复核申请天数', D.reviewDays],
  ['告知期限天数', D.noticeDays],
  ['处置期限天数', D.handlingDays],
  ['认定期限天数', D.verificationDays],
  ['复核办结天数', D.reviewDecisionDays],
  ['卡片抬头', D.cardHeading],
];

type NumberKey =
  | 'reminder'
  | 'warning'
  | 'unqualified'
  | 'requiredWishes'
  | 'rankingDay'
  | 'bottomCount'
  | 'reviewDays'
  | 'noticeDays'
  | 'handlingDays'
  | 'verificationDays'
  | 'reviewDecisionDays';

const NUMBER_KEYS: Record<string, { key: NumberKey; min: number; max: number }> = {
  提醒分值: { key: 'reminder', min: 1, max: 100 },
  警示分值: { key: 'warning', min: 1, max: 100 },
  不合格分值: { key: 'unqualified', min: 1, max: 100 },
  每年应认领微心愿数: { key: 'requiredWishes', min: 0, max: 100 },
  每月调整日: { key: 'rankingDay', min: 1, max: 31 },
  末位人数: { key: 'bottomCount', min: 0, max: 1000 },
  复核申请天数: { key: 'reviewDays', min: 1, max: 365 },
  告知期限天数: { key: 'noticeDays', min: 1, max: 365 },
  处置期限天数: { key: 'handlingDays', min: 1, max: 365 },
  认定期限天数: { key: 'verificationDays', min: 1, max: 365 },
  复核办结天数: { key: 'reviewDecisionDays', min: 1, max: 365 },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseSettings(sheet: SheetData | null, problems: Problem[]): Settings {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    thresholds: { ...DEFAULT_SETTINGS.thresholds },
  };
  if (!sheet) return settings;
  const located = locateTable(sheet, SETTINGS_COLUMNS);
  // A 设置 sheet with no header row is read as plain key/value pairs in columns A and B.
  const table =
    located instanceof Table
      ? located
      : new Table(sheet, -1, { key: 0, value: 1 }, SETTINGS_COLUMNS);
  const seen = new Set<string>();
  table.checkCells(problems);
  for (let i = table.headerIndex + 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (table.isBlankRow(row)) continue;
    const name = normalize(table.text(row, 'key'));
    const value = table.value(row, 'value');
    if (!name || isBlank(value)) continue;
    if (seen.has(name)) {
      problems.push(
        table.problem(
          'warning',
          i,
          'key',
          `设置项"${name}"重复，以第一次出现的为准`,
          '删除重复的这一行',
        ),
      );
      continue;
    }
    seen.add(name);
    applySetting(settings, name, value, (message, fix) =>
      problems.push(table.problem('warning', i, 'value', message, fix)),
    );
  }
  checkThresholdOrder(settings, sheet.name, problems);
  return settings;
}

function applySetting(
  settings: Settings,
  name: string,
  value: CellValue,
  warn: (message: string, fix: string) => void,
): void {
  const text = cellText(value);
  const numeric = NUMBER_KEYS[name];
  if (numeric) {
    const n =
      typeof value === 'number' ? value : Number(normalize(text).replace(/[分天日人个]$/, ''));
    if (!Number.isInteger(n) || n < numeric.min || n > numeric.max) {
      warn(
        `设置"${name}"的值"${text}"无效，已按默认值计算`,
        `填写 ${numeric.min} 到 ${numeric.max} 之间的整数`,
      );
      return;
    }
    if (numeric.key === 'reminder' || numeric.key === 'warning' || numeric.key === 'unqualified')
      settings.thresholds[numeric.key] = n;
    else settings[numeric.key] = n;
    return;
  }
  switch (name) {
    case '单位名称':
      settings.unitName = text;
      return;
    case '卡片抬头': {
      // The words before 党员“十二分制”: a clerk who types the whole phrase gets its start.
      const heading = text.replace(/\s+/g, '').split(/党员|[“"]?十二分制/)[0];
      if (heading !== text)
        warn(
          `设置"卡片抬头"只填标题中"党员“十二分制”"前面的文字，已按"${heading || DEFAULT_SETTINGS.cardHeading}"印制`,
          '填写如"机关"、"街道"的文字',
        );
      settings.cardHeading = heading || DEFAULT_SETTINGS.cardHeading;
      return;
    }
    case '清零方式':
      if (/不清零|不归零|无|否/.test(text)) settings.reset = 'none';
      else if (/每年|年度|按年/.test(text)) settings.reset = 'yearly';
      else warn(`设置"清零方式"的值"${text}"无法识别，已按"不清零"计算`, '填写"不清零"或"每年"');
      return;
    case '上级党组织邮箱': {
      const list = text.split(/[;,；，\s]+/).filter(Boolean);
      if (list.every((a) => EMAIL.test(a))) settings.upwardEmail = list.join(', ');
      else
        warn(
          `设置"上级党组织邮箱"的值"${text}"不是有效的邮箱地址`,
          '填写如 dangwei@example.gov.cn 的地址，多个用逗号分隔',
        );
      return;
    }
    default:
      warn(
        `不认识的设置项"${name}"，已忽略`,
        `可用的设置项：${SETTING_ROWS.map(([k]) => k).join('、')}`,
      );
  }
}

function checkThresholdOrder(settings: Settings, sheet: string, problems: Problem[]): void {
  const t = settings.thresholds;
  if (t.reminder < t.warning && t.warning < t.unqualified) return;
  problems.push({
    severity: 'warning',
    sheet,
    row: null,
    column: null,
    cell: null,
    message: `提醒、警示、不合格分值须从小到大（现为 ${t.reminder}、${t.warning}、${t.unqualified}），已按默认的 6、9、12 计算`,
    fix: '改正设置中的三个分值',
  });
  settings.thresholds = { ...DEFAULT_SETTINGS.thresholds };
}
