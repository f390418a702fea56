// Test helper: a second unit beside the sample, for the views the sample does not show: two
// members of one name, a 不合格处置 already done, a talk whose member's latest card is a
// reward card, and no 上级党组织邮箱 in 设置.
import type { SheetSpec } from './workbook.js';

export const SECOND_UNIT_AS_OF = '2026-12-04';

export function secondUnitSheets(): SheetSpec[] {
  return [
    {
      name: '党员名册',
      rows: [
        ['编号', '姓名', '支部', '职务', '邮箱', '状态'],
        ['B01', '张伟', '第一支部', '科员', '', '在册'],
        ['B02', '张伟', '第二支部', '科员', '', '在册'],
        ['B03', '李四', '第一支部', '科长', '', '在册'],
        ['B04', '王五', '第二支部', '科员', '', '在册'],
        ['B05', '赵六', '第二支部', '科员', '', '在册'],
      ],
    },
    {
      name: '记分台账',
      rows: [
        ['日期', '编号', '姓名', '事项', '情形', '分值', '状态', '说明', '告知日期', '认定日期'],
        // 李四 reaches 12 (不合格) on 2026-09-01; its 处置 is done on 2026-09-10.
        [
          '2026-08-03',
          'B03',
          '李四',
          'P1',
          '无故缺席',
          null,
          '',
          '8月支部党员大会缺席',
          '2026-08-04',
          null,
        ],
        [
          '2026-09-01',
          'B03',
          '李四',
          'P1',
          '无故缺席',
          null,
          '',
          '9月支部党员大会缺席',
          '2026-09-02',
          null,
        ],
        // 王五 reaches 6 (约谈提醒, not held); a later reward card is his latest.
        [
          '2026-10-09',
          'B04',
          '王五',
          'P1',
          '无故缺席',
          null,
          '',
          '10月党课缺席',
          '2026-10-10',
          null,
        ],
        [
          '2026-11-02',
          'B04',
          '王五',
          'J1',
          null,
          null,
          '已认定',
          '社区志愿服务',
          '2026-11-03',
          '2026-11-02',
        ],
        // Both 张伟 have a counted entry: two cards in the preview list.
        ['2026-10-13', 'B01', '张伟', 'P2', '请假', null, '', '主题党日请假', '2026-10-14', null],
        ['2026-10-13', 'B02', '张伟', 'P2', '请假', null, '', '主题党日请假', '2026-10-14', null],
      ],
    },
    {
      name: '处置记录',
      rows: [
        ['日期', '编号', '姓名', '处置', '承办人', '结果'],
        ['2026-08-10', 'B03', '李四', '约谈提醒', '党工委', '已约谈'],
        ['2026-09-10', 'B03', '李四', '不合格处置', '党工委', '限期整改'],
      ],
    },
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['单位名称', '第二测试党工委'],
        ['末位人数', 0],
      ],
    },
  ];
}
