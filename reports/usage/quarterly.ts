import { declareCommand } from './declaration.js';
import { OUT, QUARTER, TEMPLATES } from './options.js';

export const quarterly = declareCommand({
  name: 'quarterly',
  usage: '[台账.xlsx] --quarter 2026Q3 [选项]',
  summary: '打印季度记分汇总公示卡（内部公示版、报上级版）',
  options: { quarter: QUARTER, out: OUT, templates: TEMPLATES },
  examples: [
    { command: 'twelve quarterly 台账.xlsx --quarter 2026Q3', what: '第三季度的两版公示卡' },
  ],
  load: async () => (await import('../commands/quarterly.js')).runQuarterly,
});
