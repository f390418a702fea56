import { declareCommand } from './declaration.js';
import { OUT, TEMPLATES } from './options.js';

export const ranking = declareCommand({
  name: 'ranking',
  usage: '[台账.xlsx] --month 2026-11 [选项]',
  summary: '打印月度积分榜单（截至当月调整日）和应约谈名单',
  options: {
    month: {
      type: 'string',
      value: '月份',
      example: '2026-11',
      help: '月份（必填），如 2026-11（也可写 2026年11月）',
    },
    'as-of': {
      type: 'string',
      value: '日期',
      example: '2026-11-26',
      help: '打印日期：应约谈名单标出到这一天已办的约谈（默认今天）',
    },
    out: OUT,
    templates: TEMPLATES,
  },
  examples: [{ command: 'twelve ranking 台账.xlsx --month 2026-11', what: '11 月的积分榜单' }],
  load: async () => (await import('../commands/ranking.js')).runRanking,
});
