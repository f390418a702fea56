// Hands finished .eml bytes to an SMTP server, retrying only what cannot have been delivered,
// and turns every failure into one Chinese line a clerk can act on.
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
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
  /** All of it handed over, no answer: it may have been accepted, so it is not retried. */
  | 'unconfirmed'
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

  /** The server may have accepted the message: sending again could deliver it twice. */
  get unconfirmed(): boolean {
    return this.kind === 'unconfirmed';
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

/** How far one attempt got: what decides whether the server may have taken the message. */
interface Progress {
  /** Connected and greeted: a timeout from here on is a reply timeout. */
  greeted: boolean;
  /** The server answered DATA with 354 and took the first bytes. */
  started: boolean;
  /** Every byte handed over, the terminating <CRLF>.<CRLF> with them: the server may accept. */
  handedOver: boolean;
}

/**
 * One SMTP session for a run: messages share one connection (a server's greeting costs
 * ~100 ms or more), opened again after a failure. Sending is at most once: a message is
 * retried only where the server cannot have accepted it (nothing or part of it sent, or a
 * reply that refuses it); once all of it is handed over, a lost or late answer is reported
 * as unconfirmed, never retried (RFC 5321 §4.5.3.2.6: a spurious timeout there "would
 * typically result in delivery of multiple copies of the message").
 */
export class SmtpSender {
  private open: SMTPConnection | null = null;

  constructor(readonly config: SmtpConfig) {}

  /** Sends, retrying what is safe to retry with doubling waits; throws a SendFailure at the end. */
  async send(envelope: Envelope, raw: Buffer, hooks: RetryHooks = {}): Promise<SendReceipt> {
    const { config } = this;
    const sleep = hooks.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 1; ; attempt++) {
      const progress: Progress = { greeted: false, started: false, handedOver: false };
      try {
        return { ...(await this.sendOnce(envelope, raw, progress)), attempts: attempt };
      } catch (error) {
        const failure = judge(error as SmtpError, config, progress);
        if (failure.unconfirmed || !failure.transient || attempt > config.retries)
          throw new SendFailure(failure.kind, failure.line, failure.transient, attempt);
        const delay = config.retryDelayMs * 2 ** (attempt - 1);
        hooks.onRetry?.(failure, attempt, delay);
        await sleep(delay);
      }
    }
  }

  close(): void {
    this.open?.close();
    this.open = null;
  }

  private async sendOnce(envelope: Envelope, raw: Buffer, progress: Progress) {
    const reused = this.open !== null;
    try {
      return await this.transmit(await this.connection(progress), envelope, raw, progress);
    } catch (error) {
      // A server may close a connection left idle between two messages; nothing of this one
      // went out, so it goes over a new connection, as part of the same attempt.
      if (!reused || progress.started || !isConnectionLoss(error as SmtpError)) throw error;
      return await this.transmit(await this.connection(progress), envelope, raw, progress);
    }
  }

  private async connection(progress: Progress): Promise<SMTPConnection> {
    if (this.open) {
      progress.greeted = true;
      return this.open;
    }
    const { config } = this;
    const connection = new SMTPConnection({
      host: config.host,
      port: config.port,
      secure: config.tls === 'ssl',
      requireTLS: config.tls === 'starttls',
      ignoreTLS: config.tls === 'none',
      // Nothing is sent before the greeting, so giving up early costs nothing but a retry:
      // a clerk learns of a wrong host or port in seconds, not the RFC's 5 minutes.
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      // From the greeting on, every reply, the one to the end of the data above all.
      socketTimeout: config.replyTimeoutMs,
      // Nothing is logged: the SMTP dialogue carries the login.
      logger: false,
      debug: false,
    });
    // While connecting, errors come as events (a refused connection, a timeout); later they
    // reach the send callback, and one on an idle connection only ends it.
    let failed: (error: Error) => void = () => undefined;
    connection.on('error', (error) => failed(error));
    connection.once('end', () => {
      if (this.open === connection) this.open = null;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        failed = reject;
        connection.connect((error) => (error ? reject(error) : resolve()));
      });
      progress.greeted = true;
      const allowsAuth = (connection as unknown as { allowsAuth?: boolean }).allowsAuth;
      if (config.user && allowsAuth) {
        const credentials = { user: config.user, pass: config.password ?? '' };
        await new Promise<void>((resolve, reject) => {
          failed = reject;
          connection.login(credentials, (error) => (error ? reject(error) : resolve()));
        });
      }
    } catch (error) {
      connection.close();
      throw error;
    } finally {
      failed = () => undefined;
    }
    this.open = connection;
    return connection;
  }

  private transmit(
    connection: SMTPConnection,
    envelope: Envelope,
    raw: Buffer,
    progress: Progress,
  ): Promise<{ accepted: string[]; rejected: string[]; response: string }> {
    // Read only once the server said 354; ended once the last byte went to the dot-stuffer,
    // which writes the terminator right after.
    const message = new Readable({
      read() {
        progress.started = true;
        this.push(raw);
        this.push(null);
      },
    });
    message.once('end', () => (progress.handedOver = true));
    return new Promise((resolve, reject) =>
      connection.send({ from: envelope.from, to: envelope.to }, message, (error, info) => {
        if (error) {
          // A new connection for the next message: the session's state is unknown.
          if (this.open === connection) this.open = null;
          connection.close();
          return reject(error);
        }
        resolve({
          accepted: info.accepted.map(address),
          rejected: info.rejected.map(address),
          response: info.response,
        });
      }),
    );
  }
}

/** A failure of one attempt, judged by how far it got. */
function judge(error: SmtpError, config: SmtpConfig, progress: Progress): SendFailure {
  // A reply that refuses the message is certain, whenever it comes.
  if (progress.handedOver && error.responseCode === undefined) return unconfirmed(error, config);
  return classify(error, config, progress.greeted);
}

function unconfirmed(error: SmtpError, config: SmtpConfig): SendFailure {
  const server = `${config.host}:${config.port}`;
  const system = error.originalCode ?? error.code;
  const why =
    error.code === 'ETIMEDOUT' || system === 'ETIMEDOUT'
      ? `等了 ${seconds(config.replyTimeoutMs)}没有答复`
      : '连接中断';
  return new SendFailure(
    'unconfirmed',
    `邮件已全部交给邮件服务器 ${server}，但没有收到它的确认（${why}），不能确定对方是否已收到，为免重复未自动重发`,
    false,
  );
}

function isConnectionLoss(error: SmtpError): boolean {
  const system = error.originalCode ?? error.code;
  return (
    error.responseCode === undefined &&
    (error.code === 'ECONNECTION' ||
      error.code === 'ESOCKET' ||
      system === 'ECONNRESET' ||
      system === 'EPIPE')
  );
}

const address = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);

/** Which kind of failure, whether a retry may help, and what the clerk should do. */
export function classify(error: SmtpError, config: SmtpConfig, greeted = false): SendFailure {
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
  if ((error.code === 'ETIMEDOUT' || system === 'ETIMEDOUT') && greeted)
    return new SendFailure(
      'timeout',
      `邮件服务器 ${server} 超过 ${seconds(config.replyTimeoutMs)}没有答复：请稍后再试`,
      true,
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

/** 600000 -> "10 分钟", 2500 -> "2.5 秒" */
function seconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} 分钟` : `${ms / 1000} 秒`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
