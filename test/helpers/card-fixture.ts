// A workbook for the card tests: every kind of entry (demerit, reward that cancels, a reward with
// nothing to cancel, one-time-full, a crossing of 6/9/12, pending and revoked rows), and the
// names that must print safely as text and as file names.
import type { CellValue } from '../../core/index.js';
import type { SheetSpec } from './workbook.js';

export const HOSTILE_NAMES = {
  script: '<script>alert(1)</script>',
  path: '../../etc',
  formula: '=HYPERLINK("x")',
  emoji: '王😀芳',
  long: '欧阳'.repeat(15), // 30 characters
};

export function cardSheets(): SheetSpec[] {
  const roster: CellValue[][] = [
    ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
    ['A01', '张三', '第一支部', '科员', '', '在册'],
    ['A02', '李四', '第一支部', '科长', '', '在册'],
    ['A03', '王五', '第二支部', '副主任', '', '在册'],
    ['A04', '赵六', '第二支部', '科员', '', '在册'],
    ['B01', HOSTILE_NAMES.script, '第三支部', '科员', '', '在册'],
    ['B02', HOSTILE_NAMES.path, '第三支部', '科员', '', '在册'],
    ['B03', HOSTILE_NAMES.formula, '第三支部', '科员', '', '在册'],
    ['B04', HOSTILE_NAMES.emoji, '第三支部', '科员', '', '在册'],
    ['B05', HOSTILE_NAMES.long, '第三支部', '科员', '', '在册'],
  ];
  const ledger: CellValue[][] = [
    ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明'],
    ['2026-07-03', 'A01', '张三', 'P1', '无故缺席', '', '', '7月3日支部党员大会无故缺席'],
    ['2026-07-20', 'A01', '张三', 'P2', '请假', '', '', '主题党日活动请假'],
    ['2026-08-06', 'A01', '张三', 'J1', '', '-2', '已认定', '参加社区志愿服务'],
    ['2026-08-10', 'A02', '李四', 'W1', '诫勉谈话', '', '已认定', '违反工作纪律，经党工委认定'],
    ['2026-08-15', 'A02', '李四', 'J1', '', '', '待核实', '志愿服务，待核实'],
    ['2026-09-02', 'A03', '王五', 'R3', '', '', '已认定', '参与违规上访，经认定属实'],
    ['2026-09-10', 'A03', '王五', 'J2', '', '4', '已认定', '招商引资表现突出 <b>加粗</b>'],
    ['2026-09-12', 'A04', '赵六', 'J1', '', '', '已认定', '志愿服务（当时无记分）'],
    ['2026-09-15', 'A04', '赵六', 'M1', '通报', '', '已撤销', '经复核撤销'],
    [
      '2026-10-09',
      'B01',
      HOSTILE_NAMES.script,
      'P2',
      '无故缺席',
      '',
      '',
      '<img src=x onerror=alert(2)>',
    ],
    ['2026-10-10', 'B02', HOSTILE_NAMES.path, 'P2', '请假', '', '', '请假'],
    ['2026-10-11', 'B03', HOSTILE_NAMES.formula, 'P1', '请假', '', '', '=1+1'],
    ['2026-10-12', 'B04', HOSTILE_NAMES.emoji, 'P2', '请假', '', '', '请假 🙂'],
    ['2026-10-13', 'B05', HOSTILE_NAMES.long, 'P1', '无故缺席', '', '', '无故缺席'],
    ['2026-11-05', 'A01', '张三', 'P1', '无故缺席', '', '', '11月支委会无故缺席'],
    ['2026-12-01', 'A01', '张三', 'P1', '无故缺席', '', '', '计算日期之后'],
  ];
  return [
    { name: '党员名册', rows: roster },
    { name: '记分台账', rows: ledger },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['单位名称', '经开区机关党工委'],
      ],
    },
  ];
}
