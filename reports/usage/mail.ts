import { declareCommand } from './declaration.js';
import { QUARTER, RESEND, SEND, SMTP_CONFIG, TEMPLATES } from './options.js';

export const mail = declareCommand({
  name: 'mail',
  usage: '[台账.xlsx] --quarter 2026Q3 [选项]',
  summary: '季度汇总公示卡报上级党组织：写出 .eml，--send 经 SMTP 发送',
  details: ['邮件附报上级版公示卡和单位数据表；同一封邮件只发送一次（--resend 除外）。'],
  options: {
    quarter: QUARTER,
    to: {
      type: 'string',
      value: '地址',
      example: 'dangwei@example.gov.cn',
      help: '收件人，代替台账"设置"中的上级党组织邮箱；多个用逗号分开',
    },
    out: {
      type: 'string',
      value: '目录',
      example: '目录',
      help: '发件箱文件夹（默认 outbox）',
    },
    send: SEND,
    resend: RESEND,
    'smtp-config': SMTP_CONFIG,
    templates: TEMPLATES,
  },
  examples: [
    { command: 'twelve mail 台账.xlsx --quarter 2026Q3', what: '写出报送邮件（.eml）' },
    { command: 'twelve mail 台账.xlsx --quarter 2026Q3 --send', what: '经邮件服务器发送' },
  ],
  load: async () => (await import('../commands/mail.js')).runMail,
});
