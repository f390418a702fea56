// Where the SMTP settings come from: a JSON config file and TWELVE_SMTP_* environment variables
// (the environment wins). The password never comes from the workbook and is never printed.
import { ClerkError } from '../../core/clerk-error.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileProblem } from '../file-errors.js';

export type TlsMode = 'ssl' | 'starttls' | 'none';

export interface SmtpConfig {
  host: string;
  port: number;
  /** ssl: TLS from the start (port 465); starttls: upgrade required; none: plain (local relays). */
  tls: TlsMode;
  user: string | null;
  password: string | null;
  /** The sender address; the unit's name is the display name. */
  from: string | null;
  /** Connecting and the server's greeting, each: before anything is sent. */
  timeoutMs: number;
  /**
   * Every later reply, the one to the end of the message above all: RFC 5321 §4.5.3.2 asks
   * at least 5 minutes for commands and 10 for that one, so 10 by default.
   */
  replyTimeoutMs: number;
  /** Further attempts after a transient failure. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  retryDelayMs: number;
  /** The config file read, if any: named in messages, never its content. */
  file: string | null;
}

/** A config that cannot be used: one Chinese line, exit 2. */
export class SmtpConfigError extends ClerkError {
  constructor(message: string) {
    super(message, 'setup');
  }
}

export const DEFAULT_CONFIG_FILE = 'twelve-smtp.json';

const ENV = {
  host: 'TWELVE_SMTP_HOST',
  port: 'TWELVE_SMTP_PORT',
  tls: 'TWELVE_SMTP_TLS',
  user: 'TWELVE_SMTP_USER',
  password: 'TWELVE_SMTP_PASSWORD',
  from: 'TWELVE_SMTP_FROM',
  timeoutSeconds: 'TWELVE_SMTP_TIMEOUT',
  replyTimeoutSeconds: 'TWELVE_SMTP_REPLY_TIMEOUT',
  retries: 'TWELVE_SMTP_RETRIES',
  retryDelaySeconds: 'TWELVE_SMTP_RETRY_DELAY',
} as const;

type Key = keyof typeof ENV;
type Raw = Partial<Record<Key, string | number | boolean>>;

export interface ConfigSource {
  /** --smtp-config, else TWELVE_SMTP_CONFIG, else ./twelve-smtp.json when it exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The settings, or null where nothing names a host (then there is nothing to send with). */
export function loadSmtpConfig(source: ConfigSource = {}): SmtpConfig | null {
  const env = source.env ?? process.env;
  const file = configFile(source, env);
  const fromFile = file ? readConfigFile(file) : {};
  const raw: Raw = { ...fromFile };
  // Where each value came from, so that a bad one is named where the clerk typed it.
  const where = {} as Record<Key, string>;
  for (const key of Object.keys(ENV) as Key[]) {
    where[key] = `配置文件 ${file} 中的 ${key}`;
    const value = env[ENV[key]];
    if (value !== undefined && value !== '') {
      raw[key] = value;
      where[key] = `环境变量 ${ENV[key]}`;
    }
  }
  if (raw.host === undefined) return null;
  return toConfig({ ...raw, host: raw.host }, where, file);
}

/**
 * The settings from an object laid out as the config file is (a unit's `smtp` in the server's
 * units file); `where` names it in messages. Nothing from the environment.
 */
export function smtpConfigFrom(data: unknown, where: string): SmtpConfig {
  const raw = rawConfig(data, where);
  if (raw.host === undefined) throw new SmtpConfigError(`${where}中缺少 host（邮件服务器地址）`);
  const places = {} as Record<Key, string>;
  for (const key of Object.keys(ENV) as Key[]) places[key] = `${where}中的 ${key}`;
  return toConfig({ ...raw, host: raw.host }, places, null);
}

function toConfig(
  raw: Raw & { host: Raw['host'] & {} },
  where: Record<Key, string>,
  file: string | null,
): SmtpConfig {
  const tls = tlsMode(raw.tls, raw.port, where.tls);
  return {
    host: text(raw.host),
    port: integer(raw.port, tls === 'ssl' ? 465 : 587, 1, 65535, where.port),
    tls,
    user: raw.user === undefined ? null : text(raw.user),
    // A password is used as typed: spaces at either end may be part of it.
    password: raw.password === undefined ? null : String(raw.password),
    from: raw.from === undefined ? null : text(raw.from),
    timeoutMs: 1000 * number(raw.timeoutSeconds, 30, where.timeoutSeconds),
    replyTimeoutMs: 1000 * number(raw.replyTimeoutSeconds, 600, where.replyTimeoutSeconds),
    retries: integer(raw.retries, 2, 0, 10, where.retries),
    retryDelayMs: 1000 * number(raw.retryDelaySeconds, 2, where.retryDelaySeconds),
    file,
  };
}

/**
 * The sender address alone (TWELVE_SMTP_FROM, the config's from, or a user name that is an
 * address), also where no server is set: an .eml written for a mail client still says who
 * it is from.
 */
export function senderAddress(source: ConfigSource = {}): string | null {
  const env = source.env ?? process.env;
  if (env[ENV.from]) return env[ENV.from]!.trim();
  const file = configFile(source, env);
  const raw: Raw = file ? readConfigFile(file) : {};
  const user = env[ENV.user] || (raw.user === undefined ? '' : text(raw.user));
  if (raw.from !== undefined) return text(raw.from);
  return user.includes('@') ? user.trim() : null;
}

/** The settings in words, for the clerk: everything but the password. */
export function describeSmtp(config: SmtpConfig): string {
  const tls = { ssl: 'SSL/TLS', starttls: 'STARTTLS', none: '不加密' }[config.tls];
  const user = config.user ? `，用户 ${config.user}` : '，不登录';
  return `${config.host}:${config.port}（${tls}${user}）`;
}

/**
 * A password in a file others can read is worth a word; null where the file is fine (or on
 * Windows, where the mode bits say nothing).
 */
export function passwordFileWarning(config: SmtpConfig): string | null {
  if (!config.file || process.platform === 'win32') return null;
  const raw = readConfigFile(config.file);
  if (raw.password === undefined) return null;
  const mode = statSync(config.file).mode;
  return mode & 0o077
    ? `提示：配置文件 ${config.file} 含邮箱密码，他人可读；建议执行 chmod 600 ${config.file}，或改用环境变量 ${ENV.password}`
    : null;
}

function configFile(source: ConfigSource, env: NodeJS.ProcessEnv): string | null {
  const named = source.file ?? env.TWELVE_SMTP_CONFIG;
  if (named) return named;
  const local = path.join(source.cwd ?? process.cwd(), DEFAULT_CONFIG_FILE);
  try {
    return statSync(local).isFile() ? local : null;
  } catch {
    return null;
  }
}

function readConfigFile(file: string): Raw {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SmtpConfigError(`邮件服务器配置文件：${fileProblem(error, file, 'read')}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SmtpConfigError(
      `邮件服务器配置文件 ${file} 的格式有误${jsonErrorPlace(text, error)}：应是 JSON，如 {"host": "smtp.example.gov.cn", "port": 465}（名称和文字加英文双引号，项与项之间用英文逗号）`,
    );
  }
  return rawConfig(data, `邮件服务器配置文件 ${file} `);
}

function rawConfig(data: unknown, where: string): Raw {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new SmtpConfigError(`${where}应是一个 JSON 对象，如 {"host": "..."}`);
  const raw: Raw = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(key in ENV))
      throw new SmtpConfigError(
        `${where}中有不认识的项"${key}"；可用的项：${Object.keys(ENV).join('、')}`,
      );
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new SmtpConfigError(`${where}中"${key}"的值应是文字或数字`);
    raw[key as Key] = value as string | number | boolean;
  }
  return raw;
}

/** '（第 3 行第 5 列附近）' from a JSON.parse error, without its English words. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line) return `（第 ${line[1]} 行第 ${line[2]} 列附近）`;
  const position = /position (\d+)/.exec(message);
  if (!position) return /end of JSON|Unexpected end/i.test(message) ? '（文件不完整）' : '';
  const before = text
    .replace(/^\uFEFF/, '')
    .slice(0, Number(position[1]))
    .split('\n');
  return `（第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列附近）`;
}

function tlsMode(value: Raw['tls'], port: Raw['port'], where: string): TlsMode {
  if (value === undefined) return Number(port) === 465 ? 'ssl' : 'starttls';
  const v = String(value).trim().toLowerCase();
  if (v === 'ssl' || v === 'tls' || v === 'true') return 'ssl';
  if (v === 'starttls') return 'starttls';
  if (v === 'none' || v === 'false') return 'none';
  throw new SmtpConfigError(`${where} 的值"${value}"无效，应为 ssl、starttls 或 none`);
}

function text(value: string | number | boolean): string {
  return String(value).trim();
}

function number(value: Raw[Key], fallback: number, where: string): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new SmtpConfigError(`${where} 的值"${value}"无效，应为不小于 0 的数`);
  return n;
}

function integer(
  value: Raw[Key],
  fallback: number,
  min: number,
  max: number,
  where: string,
): number {
  const n = number(value, fallback, where);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new SmtpConfigError(`${where} 的值"${value}"无效，应为 ${min} 到 ${max} 的整数`);
  return n;
}
