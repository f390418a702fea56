// Options several commands take, declared once so that they read alike everywhere.
import type { OptionDeclaration } from './declaration.js';

export const AS_OF = {
  type: 'string',
  value: '日期',
  example: '2026-11-24',
  help: '计算日期：积分按这一天的台账状态计算（默认今天）；日期也可写 2026/11/24、2026年11月24日',
} as const satisfies OptionDeclaration;

export const QUARTER = {
  type: 'string',
  value: '季度',
  example: '2026Q3',
  help: '季度（必填），如 2026Q3（也可写 2026年第三季度）',
} as const satisfies OptionDeclaration;

export const OUT = {
  type: 'string',
  value: '目录',
  example: '目录',
  help: '输出文件夹（默认当前目录下的 out）',
} as const satisfies OptionDeclaration;

export const TEMPLATES = {
  type: 'string',
  value: '目录',
  example: '目录',
  help: '本单位自己的卡片模板文件夹（默认用自带模板，见 docs/cards.md）',
} as const satisfies OptionDeclaration;

export const SEND = {
  type: 'boolean',
  help: '经邮件服务器（SMTP）直接发送；不加则只写出 .eml',
} as const satisfies OptionDeclaration;

export const RESEND = {
  type: 'boolean',
  help: '与 --send 一起用：此前已发送过的，仍再发一次',
} as const satisfies OptionDeclaration;

export const SMTP_CONFIG = {
  type: 'string',
  value: '文件',
  example: '配置文件.json',
  help: '邮件服务器配置文件（默认读环境变量 TWELVE_SMTP_HOST 等，见 docs/mail.md）',
} as const satisfies OptionDeclaration;
