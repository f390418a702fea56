// A roster workbook as clerks really keep it: the ledger under a title banner (its used range
// starts at B3), dates typed five ways, one impossible date, an unknown member, an unknown rule.
import { basicSheets, type SheetSpec } from '../helpers/workbook.js';

export function messySheets(): SheetSpec[] {
  const sheets = basicSheets([
    [new Date(Date.UTC(2026, 2, 5)), 'A01', '张三', 'P1', '无故缺席', '', '已认定', '缺席支部大会'],
    ['2026/4/8', '', '李四', 'P2', '请假', '', '', ''],
    ['2026-13-01', 'A01', '张三', 'P1', '请假', '', '', '日期写错'],
    ['2026年5月1日', 'A03', '王五', 'J1', '', '-2', '', '志愿服务'],
    [46150, 'A09', '赵六', 'P1', '无故缺席', '', '', '不在名册'],
    ['2026-06-01', 'A01', '张三', 'W1', '诫勉谈话', '', '已认定', ''],
    ['2026-07-01', 'A02', '李四', 'X9', '', '', '', '未知事项'],
    ['2026.8.10', 'A02', '李四', 'P1', '无故缺席', '', '已认定', ''],
  ]);
  const ledger = sheets[1];
  ledger.rows = [[], [null, '某单位党员记分台账'], ...ledger.rows.map((r) => [null, ...r])];
  return sheets;
}
