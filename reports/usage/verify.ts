import { declareCommand } from './declaration.js';

export const verify = declareCommand({
  name: 'verify',
  usage: '[台账.xlsx] --against <报送邮件、汇总表或文件夹> [选项]',
  summary: '核对台账与已报送的记录（校验码）：改动、删除、补录、更正',
  details: [
    '退出状态：0 已报送的记录都未改动（按规定更正的除外）；1 有记录被改动、删除或补录；2 输入有误。',
  ],
  options: {
    against: {
      type: 'string',
      value: '文件',
      example: '报送邮件.eml',
      help: '向上报送的邮件（.eml/.mbox）、季度汇总表（.xlsx）或存放它们的文件夹',
    },
    json: { type: 'boolean', help: '以 JSON 输出核对结果（供其他程序读取）' },
  },
  examples: [
    {
      command: 'twelve verify 台账.xlsx --against 已报送/',
      what: '与文件夹中各季度已报送的汇总表核对',
    },
  ],
  load: async () => (await import('../commands/verify.js')).runVerify,
});
