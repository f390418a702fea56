// The units file (`twelve serve --units units.json`): for each unit its name, the token its
// clerks use, its upward address, the domains its members' mail may go to, and its SMTP
// settings. Mail from the server goes only to these addresses; the password stays here.
import { readFileSync } from 'node:fs';
import { UsageError } from '../command.js';
import { parseRecipients, RecipientError } from '../mail/compose.js';
import { smtpConfigFrom, SmtpConfigError, type SmtpConfig } from '../mail/smtp-config.js';

export interface Unit {
  name: string;
  token: string;
  /** The higher-level organisation's addresses: the only ones the quarterly mail goes to. */
  upward: string[];
  /** Domains members' addresses may have for their notice cards (lower case); [] for none. */
  memberDomains: string[];
  smtp: SmtpConfig | null;
}

/** Long enough that guessing is hopeless: 16 characters. */
export const MIN_TOKEN = 16;

const KEYS = ['name', 'token', 'upward', 'memberDomains', 'smtp'];

export function loadUnits(file: string): Unit[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code ? `读不到单位文件"${file}"：请检查路径` : `单位文件"${file}"不是有效的 JSON`,
    );
  }
  const list = (data as { units?: unknown })?.units;
  if (!Array.isArray(list) || list.length === 0)
    throw new UsageError(`单位文件"${file}"应形如 {"units": [{"name": …, "token": …}]}`);
  const units = list.map((raw, i) => unit(raw, `单位文件"${file}"第 ${i + 1} 个单位`));
  for (const key of ['name', 'token'] as const) {
    const seen = new Set<string>();
    for (const u of units) {
      if (seen.has(u[key]))
        throw new UsageError(
          `单位文件"${file}"中${key === 'name' ? `单位名称"${u.name}"` : `"${u.name}"的 token`}重复`,
        );
      seen.add(u[key]);
    }
  }
  return units;
}

function unit(raw: unknown, where: string): Unit {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new UsageError(`${where}应是一个对象`);
  const r = raw as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => !KEYS.includes(k));
  if (extra.length)
    throw new UsageError(`${where}有不认识的项"${extra[0]}"；可用：${KEYS.join('、')}`);
  if (typeof r.name !== 'string' || !r.name.trim())
    throw new UsageError(`${where}缺少 name（单位名称）`);
  const name = r.name.trim();
  const here = `单位文件中"${name}"`;
  if (typeof r.token !== 'string' || r.token.length < MIN_TOKEN)
    throw new UsageError(`${here}的 token 应至少 ${MIN_TOKEN} 个字符（随机生成，勿用单词）`);
  let upward: string[] = [];
  try {
    upward = typeof r.upward === 'string' ? parseRecipients(r.upward, `${here}的 upward`) : [];
  } catch (error) {
    if (error instanceof RecipientError) throw new UsageError(error.message);
    throw error;
  }
  if (r.upward !== undefined && typeof r.upward !== 'string')
    throw new UsageError(`${here}的 upward 应是邮箱地址（多个用逗号分开）`);
  const domains = r.memberDomains ?? [];
  if (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string'))
    throw new UsageError(`${here}的 memberDomains 应是域名列表，如 ["example.gov.cn"]`);
  let smtp: SmtpConfig | null = null;
  try {
    smtp = r.smtp === undefined ? null : smtpConfigFrom(r.smtp, `${here}的 smtp `);
  } catch (error) {
    if (error instanceof SmtpConfigError) throw new UsageError(error.message);
    throw error;
  }
  return {
    name,
    token: r.token,
    upward,
    memberDomains: (domains as string[]).map((d) => d.trim().toLowerCase().replace(/^@/, '')),
    smtp,
  };
}
