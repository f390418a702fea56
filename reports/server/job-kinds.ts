// The jobs the server runs: each checks its fields (a RequestError before anything is queued)
// and returns the work, which calls the same function of reports/print/ as the CLI command of
// the same name. The workbook is parsed once per job, here.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type ParsedWorkbook, type SheetData } from '../../core/index.js';
import { UsageError, type Io } from '../command.js';
import type { SharedBrowser } from '../cards/shared-browser.js';
import { safePart } from '../cards/files.js';
import { onSharedBrowser } from '../print/browsers.js';
import { noticeOptions, printNotices } from '../print/notices.js';
import { quarterlyOptions, printQuarterly } from '../print/quarterly.js';
import { printRanking, rankingOptions } from '../print/ranking.js';
import { deliverQuarter, recipients, upwardCardRenderer } from '../print/upward-mail.js';
import type { OptionLabel } from '../print/work.js';
import { openMailRun } from '../mail/mail-run.js';
import { runToday } from '../today.js';
import { loadSmtpConfig, type SmtpConfig } from '../mail/smtp-config.js';
import type { JobWork } from '../jobs/queue.js';
import { checkFields, flag, RequestError, text, type Fields } from './request-input.js';
import { checkJob, type JobKind } from './job-check.js';
import type { Caller } from './callers.js';

export { JOB_KINDS, type JobKind } from './job-check.js';

/** The field as the pane and the web page label it, for a clerk who never sees the request. */
const PAGE_FIELDS: Record<string, string> = {
  asOf: '计算日期',
  since: '自',
  until: '至',
  month: '月份',
  quarter: '季度',
  to: '收件人',
};

/** A request's field is named as sent (`since`, not `--since`), and as the page labels it. */
const field: OptionLabel = (option) => {
  const name = option === 'as-of' ? 'asOf' : option;
  return PAGE_FIELDS[name]
    ? `请求字段 ${name}（页面上的“${PAGE_FIELDS[name]}”）`
    : `请求字段 ${name}`;
};

export interface JobSetup {
  browser: SharedBrowser;
  /** Where each unit's outbox and send record are kept across jobs and restarts. */
  stateDir: string;
  /** On a server without units: the SMTP settings the CLI would use on this machine. */
  smtpConfigFile?: string;
  /** Mail jobs of one unit run one at a time, so a second send sees the first's record. */
  mailLocks: Map<string, Promise<unknown>>;
}

/** What a job says besides its files ("已发送至 …"). */
export interface JobNote {
  message?: string;
}

export function jobWork(
  kind: unknown,
  fields: Fields,
  sheets: readonly SheetData[],
  caller: Caller,
  setup: JobSetup,
  note: JobNote,
): JobWork {
  const parsed = checkJob(kind, sheets, runToday());
  switch (kind as JobKind) {
    case 'notices': {
      checkFields(fields, ['asOf', 'since', 'until'], '告知卡任务');
      const options = noticeOptions(
        { asOf: text(fields, 'asOf'), since: text(fields, 'since'), until: text(fields, 'until') },
        field,
      );
      return onSharedBrowser(setup.browser, async (context, open) => {
        const printed = await printNotices(parsed, options, {
          outDir: context.dir,
          openSession: open,
          onProgress: (done, total) => context.progress(done / total),
        });
        note.message =
          printed.files.length === 0
            ? `${printed.period}没有已计分的记录，未生成告知卡`
            : `已生成 ${printed.files.length} 张记分告知卡（${printed.period}，计算日期 ${options.asOf}）`;
        return printed.merged ? [printed.merged, ...printed.files] : [];
      });
    }
    case 'quarterly': {
      checkFields(fields, ['quarter', 'asOf'], '季度汇总公示卡任务');
      asOfField(fields);
      const options = quarterlyOptions({ quarter: text(fields, 'quarter') }, field);
      return onSharedBrowser(setup.browser, async (context, open) => {
        const printed = await printQuarterly(parsed, options, {
          outDir: context.dir,
          openSession: open,
          onProgress: (done, total) => context.progress(done / total),
        });
        return printed.files.map((f) => f.file);
      });
    }
    case 'ranking': {
      checkFields(fields, ['month', 'asOf'], '榜单任务');
      const options = rankingOptions(
        { month: text(fields, 'month'), asOf: text(fields, 'asOf') },
        field,
      );
      return onSharedBrowser(setup.browser, async (context, open) => {
        const printed = await printRanking(parsed, options, {
          outDir: context.dir,
          openSession: open,
        });
        return [printed.file];
      });
    }
    case 'mail':
      return mailWork(fields, parsed, caller, setup, note);
  }
}

function mailWork(
  fields: Fields,
  parsed: ParsedWorkbook,
  caller: Caller,
  setup: JobSetup,
  note: JobNote,
): JobWork {
  checkFields(fields, ['quarter', 'to', 'send', 'resend', 'asOf'], '季度报送邮件任务');
  asOfField(fields);
  const { quarter } = quarterlyOptions({ quarter: text(fields, 'quarter') }, field);
  const send = flag(fields, 'send');
  const resend = flag(fields, 'resend');
  if (resend && !send) throw new RequestError(400, 'resend 须与 send 一起使用');
  const to = allowedRecipients(caller, text(fields, 'to'), parsed, send);
  const config = send ? smtpFor(caller, setup) : null;
  const outbox = path.join(setup.stateDir, 'outbox', safePart(caller.unit?.name || '本机', 60));

  return onSharedBrowser(setup.browser, (context, open) =>
    // The send record is read when the run opens: one unit's mail runs one at a time, so a
    // second request sees the first one's record and does not send again.
    oneAtATime(setup.mailLocks, caller.unit?.name ?? '', async () => {
      const run = await openMailRun({ out: outbox, send, resend }, quiet(), config);
      try {
        const { delivery, result } = await deliverQuarter(
          parsed,
          { quarter, templatesDir: null, to },
          run,
          upwardCardRenderer(open),
        );
        switch (result.status) {
          case 'written':
            note.message = `已写出${delivery.what}（未发送）：收件人 ${to.join('、')}`;
            return [copyInto(context.dir, result.eml)];
          case 'sent':
            note.message = `已发送${delivery.what}至 ${result.record.accepted.join('、')}（邮件编号 ${result.record.messageId}）`;
            if (result.record.rejected.length > 0)
              note.message += `；邮件服务器拒收 ${result.record.rejected.join('、')}`;
            return [copyInto(context.dir, result.eml)];
          case 'skipped':
            note.message = `${delivery.what}此前已发给 ${result.previous.recipients.join('、')}（邮件编号 ${result.previous.messageId}），本次未重复发送；如需再次发送请选“已发送过也再发一次”`;
            return [];
          case 'failed':
            throw new UsageError(`发送失败：${result.failure.line}`);
          case 'unconfirmed':
            // Perhaps delivered: never sent again without the clerk's word (resend).
            throw new UsageError(
              `${delivery.what}（邮件编号 ${result.record.messageId}）${result.earlier ? '上次发送' : '本次发送'}没有得到邮件服务器的确认，可能已经送达，未再发送；` +
                `请先向 ${result.record.recipients.join('、')} 确认是否收到，确认没有收到后选“已发送过也再发一次”重新提交`,
            );
        }
      } finally {
        run.sender?.close();
      }
    }),
  );
}

/**
 * Where the quarterly mail may go. With units: the unit's upward address only (`to` may name a
 * part of it). On this machine without units: the workbook's 上级党组织邮箱, as the CLI; `to`
 * only for an .eml that is not sent. Never an address a caller makes up and the server sends.
 */
function allowedRecipients(
  caller: Caller,
  to: string | undefined,
  parsed: ParsedWorkbook,
  send: boolean,
): string[] {
  try {
    if (caller.unit) {
      const allowed = caller.unit.upward;
      if (allowed.length === 0)
        throw new RequestError(
          403,
          `单位文件中没有"${caller.unit.name}"的上级党组织邮箱（upward）`,
        );
      if (to === undefined) return allowed;
      const asked = recipients(to, parsed, field);
      const outside = asked.filter(
        (a) => !allowed.some((b) => b.toLowerCase() === a.toLowerCase()),
      );
      if (outside.length > 0)
        throw new RequestError(
          403,
          `收件人 ${outside.join('、')} 不在本单位允许的地址中（${allowed.join('、')}）；服务器只向单位文件中登记的上级党组织邮箱发送`,
        );
      return asked;
    }
    if (send && to !== undefined)
      throw new RequestError(
        403,
        '服务器只向台账“设置”中的上级党组织邮箱发送；如需发往其他地址，请只写出 .eml（不选发送）后自行发送',
      );
    return recipients(to, parsed, field);
  } catch (error) {
    if (error instanceof RequestError) throw error;
    throw new RequestError(400, (error as Error).message);
  }
}

/**
 * The pane sends its as-of date with every job. The quarter is as of its own last day, so
 * there it is only checked, for a clear message.
 */
function asOfField(fields: Fields): void {
  noticeOptions({ asOf: text(fields, 'asOf') }, field);
}

/** What the page and the pane may offer: whether 发送 works here, and to whom it goes. */
export function mailCapabilities(
  caller: Caller,
  setup: JobSetup,
): { send: boolean; to: string | null } {
  if (caller.unit)
    return { send: caller.unit.smtp !== null, to: caller.unit.upward.join(', ') || null };
  if (caller.viaToken) return { send: false, to: null };
  try {
    return { send: loadSmtpConfig({ file: setup.smtpConfigFile }) !== null, to: null };
  } catch {
    return { send: false, to: null };
  }
}

function smtpFor(caller: Caller, setup: JobSetup): SmtpConfig {
  if (caller.unit) {
    if (!caller.unit.smtp)
      throw new RequestError(
        403,
        `单位文件中没有"${caller.unit.name}"的邮件服务器设置（smtp），不能发送`,
      );
    return caller.unit.smtp;
  }
  if (caller.viaToken)
    throw new RequestError(
      403,
      '此服务器未配置单位文件（--units），不代为发送邮件；可只写出 .eml 后自行发送',
    );
  const config = loadSmtpConfig({ file: setup.smtpConfigFile });
  if (!config)
    throw new RequestError(
      403,
      '服务器没有邮件服务器设置（TWELVE_SMTP_HOST 等，或 --smtp-config），不能发送；可只写出 .eml',
    );
  return config;
}

async function oneAtATime<T>(
  locks: Map<string, Promise<unknown>>,
  key: string,
  run: () => Promise<T>,
): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(run);
  locks.set(key, mine);
  try {
    return await mine;
  } finally {
    if (locks.get(key) === mine) locks.delete(key);
  }
}

function copyInto(dir: string, file: string): string {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, path.basename(file));
  copyFileSync(file, target);
  return target;
}

/** The mail run's lines for a terminal go nowhere: the job's message says what happened. */
function quiet(): Io {
  const sink = () => new Writable({ write: (_c, _e, done) => done() });
  return { out: sink(), err: sink() };
}
