// A small unit for the ranking's layout: nine members, seven with talks due or done.
import type { SheetSpec } from './workbook.js';

const BRANCHES = ['第一党支部（机关综合）', '第二党支部（招商服务）', '第三党支部（项目建设）'];
const NAMES = ['石勇', '陈晨', '谢明宁', '方波林', '尹岚宁', '姚琳蕾', '贾东', '钟宁颖', '戴建'];

/** Nine members: two at 提醒, two at 警示, three at 不合格, two below; most talks done, by named holders. */
export function nineMembers(): SheetSpec[] {
  const id = (i: number) => `DY${String(i + 1).padStart(3, '0')}`;
  // Everything in November, so that every talk falls due in the ranking's month and is listed:
  // seven threshold talks (done, with their dates in 办理情况) and the month's three 末位.
  const ledger: (string | number)[][] = [
    ['2026-11-02', 0, 'P1', '无故缺席', ''],
    ['2026-11-03', 1, 'P1', '无故缺席', ''],
    ['2026-11-04', 2, 'P2', '无故缺席', ''],
    ['2026-11-05', 2, 'P2', '请假', ''],
    ['2026-11-05', 3, 'P2', '无故缺席', ''],
    ['2026-11-06', 4, 'W1', '诫勉谈话', '已认定'],
    ['2026-11-07', 5, 'W1', '诫勉谈话', '已认定'],
    ['2026-11-12', 5, 'P1', '请假', ''],
    ['2026-11-02', 6, 'R3', '', '已认定'],
    ['2026-11-08', 7, 'R1', '', '已认定'],
    ['2026-11-01', 8, 'R3', '', '已认定'],
    ['2026-11-20', 8, 'P2', '无故缺席', ''],
  ];
  const talks: [string, number, string, string][] = [
    ['2026-11-09', 0, '约谈提醒', '党工委副书记 李卫东'],
    ['2026-11-10', 1, '约谈提醒', '党工委书记 王建国'],
    ['2026-11-13', 4, '警示约谈', '单位主要负责人 陈志强'],
    ['2026-11-16', 5, '警示约谈', '单位主要负责人 陈志强'],
    ['2026-11-17', 6, '不合格处置', '党工委书记 王建国'],
    ['2026-11-19', 7, '不合格处置', '党工委书记 王建国'],
    ['2026-11-18', 8, '不合格处置', '党工委书记 王建国'],
  ];
  return [
    {
      name: '党员名册',
      rows: [
        ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
        ...NAMES.map((n, i) => [id(i), n, BRANCHES[i % 3], '科员', '', '在册']),
      ],
    },
    {
      name: '记分台账',
      rows: [
        ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明'],
        ...ledger.map(([date, i, rule, variant, state]) => [
          date,
          id(i as number),
          NAMES[i as number],
          rule,
          variant,
          '',
          state,
          '',
        ]),
      ],
    },
    {
      name: '处置记录',
      rows: [
        ['日期', '编号', '姓名', '处置', '承办人', '结果'],
        ...talks.map(([date, i, action, by]) => [date, id(i), NAMES[i], action, by, '已谈话']),
      ],
    },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['单位名称', '示例经开区党工委'],
      ],
    },
  ];
}
