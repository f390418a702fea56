// What `twelve mail` and `twelve notices --mail` share: the outbox, the send record, the SMTP
// settings and the sender, and how each delivery's outcome is told to the clerk.
import path from 'node:path';
import type { Io } from '../command.js';
import { deliver, type Delivery, type DeliveryResult } from './deliver.js';
import { SendLog } from './send-log.js';
import { SmtpSender, type RetryHooks } from './smtp-send.js';
import {
  describeSmtp,
  loadSmtpConfig,
  passwordFileWarning,
  senderAddress,
  SmtpConfigError,
  type SmtpConfig,
} from './smtp-config.js';

export const DEFAULT_OUTBOX = 'outbox';

export interface MailRun {
  outDir: string;
  log: SendLog;
  /** Set only with --send; close it when done. */
  sender: SmtpSender | null;
  /** The sender address, where one is configured. */
  fromAddress: string | null;
  resend: boolean;
}

export interface MailFlags {
  out?: string;
  send?: boolean;
  resend?: boolean;
  'smtp-config'?: string;
}

/**
 * The SMTP settings and the sender address; throws SmtpConfigError for what makes mailing
 * impossible. Cheap: a command calls it before it makes any card. A server passes the unit's
 * own settings as `config`.
 */
export function mailSettings(
  flags: MailFlags,
  config: SmtpConfig | null = loadSmtpConfig({ file: flags['smtp-config'] }),
) {
  const fromAddress = config
    ? (config.from ?? (config.user?.includes('@') ? config.user : null))
    : senderAddress({ file: flags['smtp-config'] });
  if (flags.resend && !flags.send) throw new SmtpConfigError('--resend 须与 --send 一起使用');
  if (flags.send) {
    if (!config)
      throw new SmtpConfigError(
        '没有邮件服务器设置：请设置环境变量 TWELVE_SMTP_HOST 等，或用 --smtp-config 指定配置文件（见 docs/mail.md）；不加 --send 则只写出 .eml',
      );
    if (!fromAddress)
      throw new SmtpConfigError(
        '没有发件地址：请设置环境变量 TWELVE_SMTP_FROM，或在配置文件中填写 from',
      );
  }
  return { config, fromAddress };
}

/** Reads the settings; throws SmtpConfigError for what makes sending impossible. */
export async function openMailRun(
  flags: MailFlags,
  io: Io,
  unitConfig?: SmtpConfig | null,
): Promise<MailRun> {
  const outDir = path.resolve(flags.out ?? DEFAULT_OUTBOX);
  const { config, fromAddress } = mailSettings(flags, unitConfig);
  if (flags.send && config) {
    const warning = passwordFileWarning(config);
    if (warning) io.err.write(warning + '\n');
    io.out.write(`邮件服务器：${describeSmtp(config)}\n`);
  }
  return {
    outDir,
    log: await SendLog.open(outDir),
    sender: flags.send && config ? new SmtpSender(config) : null,
    fromAddress,
    resend: Boolean(flags.resend),
  };
}

/** Delivers within this run: its outbox, record and sender, with retries told on stderr. */
export function deliverInRun(delivery: Delivery, run: MailRun, io: Io): Promise<DeliveryResult> {
  return deliver(delivery, {
    outDir: run.outDir,
    log: run.log,
    sender: run.sender,
    resend: run.resend,
    onRetry: retryNotice(io),
  });
}

/** Tells the clerk on stderr that a send is retried, and when. */
export function retryNotice(io: Io): NonNullable<RetryHooks['onRetry']> {
  return (failure, attempt, delay) =>
    io.err.write(`${failure.line}；${delay / 1000} 秒后第 ${attempt} 次重试\n`);
}

/** Exit code for a delivery that did not reach everyone: sending failed. */
export const SEND_FAILED = 3;

/** One or two lines about one delivery; returns whether it reached everyone it should. */
export function reportDelivery(
  result: DeliveryResult,
  what: string,
  run: MailRun,
  io: Io,
): boolean {
  // Short paths under the current folder; full paths elsewhere.
  const rel = (file: string) => {
    const r = path.relative(process.cwd(), file);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
  };
  switch (result.status) {
    case 'written':
      io.out.write(`已写出${what}：${rel(result.eml)}\n`);
      return true;
    case 'skipped': {
      const p = result.previous;
      const change = result.sameContent ? '内容与上次相同' : '台账数据已有变化';
      io.out.write(
        `${what}已于 ${localTime(p.time)} 发给 ${p.recipients.join('、')}（邮件编号 ${p.messageId}），本次未重复发送；${change}，如需再次发送请加 --resend\n`,
      );
      return true;
    }
    case 'sent': {
      const r = result.record;
      io.out.write(
        `已发送${what}至 ${r.accepted.join('、')}（邮件编号 ${r.messageId}），邮件存于 ${rel(result.eml)}\n`,
      );
      if (r.rejected.length > 0)
        io.err.write(
          `注意：邮件服务器拒收 ${r.rejected.join('、')}，这些收件人没有收到；核对地址后可用 --to 单独补发\n`,
        );
      return r.rejected.length === 0;
    }
    case 'failed':
      io.err.write(
        `发送失败：${result.failure.line}。邮件保留在 ${rel(result.eml)}，已记入 ${rel(run.log.file)}\n`,
      );
      return false;
    case 'unconfirmed': {
      const r = result.record;
      const what_ = `${what}（邮件编号 ${r.messageId}）`;
      const told = result.earlier
        ? `${what_}上次于 ${localTime(r.time)} 开始发送，但没有得到邮件服务器的确认（${r.status === 'sending' ? '发送中断' : '邮件已交出，等不到答复'}），本次未重发`
        : `发送结果不明：${result.failure?.line ?? '没有收到邮件服务器的确认'}。${what_}保留在 ${rel(result.eml)}`;
      io.err.write(
        `${told}。请先向 ${r.recipients.join('、')} 确认是否收到，或在发件邮箱的“已发送”文件夹中查找这封邮件；` +
          `确认没有收到后，加 --resend 重新运行（邮件编号不变，对方可据此认出是同一封）\n`,
      );
      return false;
    }
  }
}

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
