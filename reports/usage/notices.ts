import { declareCommand } from './declaration.js';
import { AS_OF, OUT, RESEND, SEND, SMTP_CONFIG, TEMPLATES } from './options.js';

export const notices = declareCommand({
  name: 'notices',
  usage: '[台账.xlsx] [选项]',
  summary: '打印期间内每条已计分记录的记分告知卡（单张 + 合并），--mail 发给党员本人',
  details: [
    '每条已计分的记录一张《记分告知卡》：每张一个 PDF，另有一个合并的 PDF 供打印。',
    '加 --mail 时，把每张卡发给党员名册中有邮箱的党员本人。',
  ],
  options: {
    since: {
      type: 'string',
      value: '日期',
      example: '2026-11-01',
      help: '只打印记分日期不早于这一天的记录（默认从台账最早一条起）',
    },
    until: {
      type: 'string',
      value: '日期',
      example: '2026-11-30',
      help: '只打印记分日期不晚于这一天的记录（默认到计算日期）',
    },
    'as-of': AS_OF,
    out: OUT,
    templates: TEMPLATES,
    mail: { type: 'boolean', help: '把每张告知卡发给名册中有邮箱的党员本人（写出 .eml）' },
    outbox: {
      type: 'string',
      value: '目录',
      example: '目录',
      help: '与 --mail 一起用：发件箱文件夹（默认 outbox）',
    },
    send: { ...SEND, help: `与 --mail 一起用：${SEND.help}` },
    resend: RESEND,
    'smtp-config': { ...SMTP_CONFIG, help: `与 --mail 一起用：${SMTP_CONFIG.help}` },
  },
  examples: [
    {
      command: 'twelve notices 台账.xlsx --since 2026-11-01 --until 2026-11-30',
      what: '打印 11 月的告知卡',
    },
    { command: 'twelve notices 台账.xlsx --mail', what: '打印并写出发给党员本人的邮件' },
  ],
  load: async () => (await import('../commands/notices.js')).runNotices,
});
