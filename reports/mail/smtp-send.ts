// Hands finished .eml bytes to an SMTP server, retrying what may pass on a second try, and
// turns every failure into one Chinese line a clerk can act on.
import nodemailer from 'nodemailer';
import type { SmtpConfig } from './smtp-config.js';

export interface Envelope {
  from: string;
  to: string[];
}

export interface SendReceipt {
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. "250 OK: queued as …". */
  response: string;
  attempts: number;
}

export type FailureKind =
  | 'auth'
  | 'refused'
  | 'not-found'
  | 'timeout'
  | 'recipient'
  | 'tls'
  | 'dropped'
  | 'rejected'
  | 'other';

export class SendFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** One Chinese line, with what to do; never the password. */
    readonly line: string,
    readonly transient: boolean,
    readonly attempts = 1,
  ) {
    super(line);
    this.name = 'SendFailure';
  }
}

interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  rejected?: string[];
  rejectedErrors?: SmtpError[];
  recipient?: string;
}

export interface RetryHooks {
  onRetry?: (failure: SendFailure, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One SMTP session for a run: messages share one pooled connection (a server's greeting
 * costs ~100 ms or more per connection), re-opened by nodemailer after a failure.
 */
export class SmtpSender {
  private readonly transport;

  constructor(readonly config: SmtpConfig) {
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 1,
      host: config.host,
      port: config.port,
      secure: config.tls === 'ssl',
      requireTLS: config.tls === 'starttls',
      ignoreTLS: config.tls === 'none',
      auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      // Nothing is logged: the SMTP dialogue carries the login.
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  /** Sends, retrying transient failures with doubling waits; throws a SendFailure at the end. */
  async send(envelope: Envelope, raw: Buffer, hooks: RetryHooks = {}): Promise<SendReceipt> {
    const { config } = this;
    const sleep = hooks.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 1; ; attempt++) {
      try {
        return { ...(await this.sendOnce(envelope, raw)), attempts: attempt };
      } catch (error) {
        const failure = classify(error as SmtpError, config);
        if (!failure.transient || attempt > config.retries)
          throw new SendFailure(failure.kind, failure.line, failure.transient, attempt);
        const delay = config.retryDelayMs * 2 ** (attempt - 1);
        hooks.onRetry?.(failure, attempt, delay);
        await sleep(delay);
      }
    }
  }

  close(): void {
    this.transport.close();
  }

  private async sendOnce(envelope: Envelope, raw: Buffer) {
    const info = await this.transport.sendMail({
      envelope: { from: envelope.from, to: envelope.to },
      raw,
    });
    return {
      accepted: info.accepted.map(address),
      rejected: info.rejected.map(address),
      response: info.response,
    };
  }
}

const address = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);

/** Which kind of failure, whether a retry may help, and what the clerk should do. */
export function classify(error: SmtpError, config: SmtpConfig): SendFailure {
  const server = `${config.host}:${config.port}`;
  const reply = error.response ? `（服务器答复：${oneLine(error.response)}）` : '';
  const code = error.responseCode;
  // RFC 5321: a 4xx reply is temporary, so the same message may pass later.
  const temporary = code !== undefined && code >= 400 && code < 500;
  const system = error.originalCode ?? error.code;

  if (error.code === 'EAUTH' || error.code === 'ENOAUTH')
    return new SendFailure(
      'auth',
      error.code === 'ENOAUTH'
        ? `邮件服务器 ${server} 要求登录，但没有设置用户名或密码：请设置 TWELVE_SMTP_USER 和 TWELVE_SMTP_PASSWORD`
        : `邮件服务器 ${server} 拒绝登录${reply}：请检查用户名和密码（TWELVE_SMTP_USER、TWELVE_SMTP_PASSWORD 或配置文件中的 user、password）`,
      temporary,
    );
  if (error.code === 'EENVELOPE' && error.command === 'RCPT TO') {
    const who = error.rejected?.length ? error.rejected.join('、') : '收件人';
    return new SendFailure(
      'recipient',
      `邮件服务器拒收收件人 ${who}${reply}：请核对 设置!上级党组织邮箱（或 --to、名册中的邮箱）`,
      temporary,
    );
  }
  if (system === 'ECONNREFUSED')
    return new SendFailure(
      'refused',
      `无法连接邮件服务器 ${server}（连接被拒绝）：请检查服务器地址和端口（TWELVE_SMTP_HOST、TWELVE_SMTP_PORT）`,
      false,
    );
  if (error.code === 'EDNS' || system === 'ENOTFOUND' || system === 'EAI_AGAIN')
    return new SendFailure(
      'not-found',
      `找不到邮件服务器 ${config.host}：请检查服务器地址（TWELVE_SMTP_HOST）和网络`,
      system === 'EAI_AGAIN',
    );
  if (error.code === 'ETIMEDOUT' || system === 'ETIMEDOUT')
    return new SendFailure(
      'timeout',
      `连接邮件服务器 ${server} 超时（${config.timeoutMs / 1000} 秒无响应）：请检查服务器地址、端口和网络，或稍后再试`,
      true,
    );
  if (error.code === 'ETLS')
    return new SendFailure(
      'tls',
      `与邮件服务器 ${server} 建立加密连接失败：请检查 tls 设置（ssl 用于 465 端口，starttls 用于 587 端口）`,
      false,
    );
  if (error.code === 'ECONNECTION' || error.code === 'ESOCKET' || system === 'ECONNRESET')
    return new SendFailure(
      'dropped',
      `与邮件服务器 ${server} 的连接中断${reply}：请稍后再试`,
      true,
    );
  if (code !== undefined)
    return new SendFailure(
      'rejected',
      `邮件服务器 ${server} 拒绝了这封邮件${reply}${temporary ? '：服务器表示是暂时的，请稍后再试' : ''}`,
      temporary,
    );
  return new SendFailure('other', `发送失败：${oneLine(error.message)}`, false);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
