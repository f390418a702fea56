import { declareCommand } from './declaration.js';
import { OUT, QUARTER, TEMPLATES } from './options.js';

export const county = declareCommand({
  name: 'county',
  usage: '<邮件或文件夹…> --quarter 2026Q3 [选项]',
  summary: '上级汇总各单位报送的季度汇总表（.eml/.mbox/.xlsx）',
  options: {
    quarter: QUARTER,
    units: {
      type: 'string',
      value: '名单.xlsx',
      example: '单位名单.xlsx',
      help: '应报送单位的名单：列出未报送的单位',
    },
    out: OUT,
    name: {
      type: 'string',
      value: '名称',
      example: '某某县委组织部',
      help: '汇总卡上的组织部名称（默认"组织部"）',
    },
    templates: TEMPLATES,
  },
  examples: [
    {
      command: 'twelve county 报送邮件/ --quarter 2026Q3 --units 单位名单.xlsx --out 汇总/',
      what: '汇总文件夹中各单位的报送邮件',
    },
  ],
  load: async () => (await import('../commands/county.js')).runCounty,
});
