import { declareCommand } from './declaration.js';
import { AS_OF } from './options.js';

export const score = declareCommand({
  name: 'score',
  usage: '[台账.xlsx] [选项]',
  summary: '检查台账并计算积分（不写入台账）',
  details: ['列出每名党员的积分和等级、应办处置、待办、待核实的记录和台账中的问题。'],
  options: {
    'as-of': AS_OF,
    json: { type: 'boolean', help: '以 JSON 输出结果（供其他程序读取）' },
  },
  examples: [
    { command: 'twelve score 台账.xlsx', what: '按今天计算' },
    { command: 'twelve score 台账.xlsx --as-of 2026-09-30', what: '按第三季度末计算' },
  ],
  load: async () => (await import('../commands/score.js')).runScore,
});
