// One error type for the clerk's mistakes: every error the tool raises for something a person
// can fix is a ClerkError with a kind, and a file-system error becomes one naming its file, so
// the CLI and the server each map them in one place.
import { describe, expect, it } from 'vitest';
import { ClerkError, UnusableWorkbookError, parseWorkbook } from '../core/index.js';
import { TemplateError } from '../render/card-html.js';
import { UsageError } from '../reports/args.js';
import { BrowserLaunchError, BrowserNotFoundError } from '../reports/cards/browser.js';
import { MissingFontError } from '../reports/cards/fonts.js';
import { OutputError } from '../reports/county/county-report.js';
import { asClerkError, FileAccessError } from '../reports/file-errors.js';
import { RecipientError } from '../reports/mail/compose.js';
import { SendLogError } from '../reports/mail/send-log.js';
import { SmtpConfigError } from '../reports/mail/smtp-config.js';
import { WorkbookFileError } from '../reports/xlsx/errors.js';
import { main } from '../reports/cli.js';
import { captureIo } from './helpers/io.js';

const errno = (code: string, path: string) =>
  Object.assign(new Error(`${code}: something, open '${path}'`), { code, path });

describe('ClerkError', () => {
  it.each([
    [new UsageError('x'), 'option'],
    [new RecipientError('x'), 'option'],
    [new UnusableWorkbookError('x'), 'input'],
    [new WorkbookFileError('x'), 'file'],
    [new SendLogError('x'), 'file'],
    [new OutputError('x'), 'file'],
    [new SmtpConfigError('x'), 'setup'],
    [new TemplateError('x'), 'setup'],
    [new BrowserNotFoundError([]), 'setup'],
    [new BrowserLaunchError('/usr/bin/chromium', new Error('x')), 'setup'],
    [new MissingFontError([]), 'setup'],
    [new FileAccessError(errno('EACCES', '/a'), '/a', 'write'), 'permission'],
    [new FileAccessError(errno('ENOSPC', '/a'), '/a', 'write'), 'disk'],
  ] as const)('%s is a ClerkError of kind %s', (error, kind) => {
    expect(error).toBeInstanceOf(ClerkError);
    expect((error as ClerkError).kind).toBe(kind);
  });

  it('the core throws one for a workbook without a roster', () => {
    expect(() => parseWorkbook([])).toThrow(ClerkError);
  });

  it('a file-system error becomes one Chinese line naming the file', () => {
    const clerk = asClerkError(errno('ENOSPC', '/srv/out/卡.pdf'));
    expect(clerk?.kind).toBe('disk');
    expect(clerk?.message).toBe('磁盘空间不足，无法写入"/srv/out/卡.pdf"');
    expect(asClerkError(new TypeError('a bug'))).toBeNull();
  });

  it('the CLI says a ClerkError in one line and exits 2', async () => {
    const io = captureIo();
    const code = await main(['score', '/nonexistent/台账.xlsx'], io.out, io.err);
    expect(code).toBe(2);
    expect(io.stderr()).toBe('错误：找不到文件"/nonexistent/台账.xlsx"\n');
  });
});
