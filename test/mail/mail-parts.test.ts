// The mail's parts on their own: templates (escaped, strict), SMTP settings (file and
// environment, the password kept out of sight), recipients and file names.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecipients, RecipientError } from '../../reports/mail/compose.js';
import { safeFileName } from '../../reports/safe-names.js';
import {
  describeSmtp,
  loadSmtpConfig,
  passwordFileWarning,
  SmtpConfigError,
} from '../../reports/mail/smtp-config.js';
import { renderMail } from '../../reports/mail/templates.js';
import { tempDir } from '../helpers/workbook.js';

const quarterModel = (unit: string) => ({
  unit,
  scheme: '机关党员“十二分制”',
  quarterLabel: '2026年第三季度',
  period: '2026年7月1日至2026年9月30日',
  issueDate: '2026年10月8日',
  empty: false,
  totals: {
    members: 2,
    demerits: 12,
    rewards: 2,
    cancelled: 2,
    levels: '提醒 1 名，警示 0 名，不合格 0 名',
  },
  reconciliation: [
    { label: '本季计分记录', value: '20 条' },
    { label: '复核', value: '申请 2 件：维持 0 件，撤销 1 件，变更 0 件，未办结 1 件' },
  ],
  attachments: [{ index: 1, filename: 'a<b>.pdf', description: 'PDF' }],
});

describe('mail templates', () => {
  it('escape data in the HTML part only, and keep the plain text as typed', () => {
    const unit = '<script>alert(1)</script>张&李支部';
    const mail = renderMail('quarter', quarterModel(unit));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;张&amp;李支部');
    expect(mail.html).toContain('a&lt;b&gt;.pdf');
    expect(mail.text).toContain(`现将${unit}2026年第三季度`);
    expect(mail.subject).toBe(`${unit} 2026年第三季度机关党员“十二分制”记分汇总公示卡`);
  });

  it('are strict: a field the model lacks is an error, not a blank', () => {
    const missing: Partial<ReturnType<typeof quarterModel>> = quarterModel('单位');
    delete missing.totals;
    expect(() => renderMail('quarter', missing)).toThrow(/"members" not defined/);
  });

  it('carry the upward card’s reconciliation in both parts', () => {
    const mail = renderMail('quarter', quarterModel('单位'));
    expect(mail.text).toContain('对账（截至季末）：\n本季计分记录：20 条\n复核：申请 2 件');
    expect(mail.html).toContain('<tr><th>本季计分记录</th><td>20 条</td></tr>');
  });

  it('state the seal’s digest in both parts, so the mail holds it outside the workbook', () => {
    const digest = 'ab'.repeat(32);
    const mail = renderMail('quarter', { ...quarterModel('单位'), sealDigest: digest });
    expect(mail.text).toContain(
      `校验摘要（截至季末全部计分记录的校验码，见汇总表“校验码”工作表）：\n${digest}`,
    );
    expect(mail.html).toContain(`<code>${digest}</code>`);
  });

  it('say so when the quarter has no entries', () => {
    const mail = renderMail('quarter', { ...quarterModel('单位'), empty: true });
    expect(mail.text).toContain('本季度无党员记分或奖励记录。');
    expect(mail.text).not.toContain('有记分或奖励记录的党员');
  });
});

describe('SMTP settings', () => {
  function file(content: object | string, mode = 0o600): string {
    const f = path.join(tempDir(), 'smtp.json');
    writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content), { mode });
    return f;
  }

  it('come from the file, with each environment variable taking precedence', () => {
    const f = file({ host: 'smtp.file.cn', port: 25, user: 'u@file.cn', password: 'from-file ' });
    const env = { TWELVE_SMTP_HOST: 'smtp.env.cn', TWELVE_SMTP_PASSWORD: 'from-env' };
    const c = loadSmtpConfig({ file: f, env })!;
    expect([c.host, c.port, c.user, c.password, c.tls]).toEqual([
      'smtp.env.cn',
      25,
      'u@file.cn',
      'from-env',
      'starttls',
    ]);
    // A password is used exactly as typed.
    expect(loadSmtpConfig({ file: f, env: {} })!.password).toBe('from-file ');
  });

  it('pick TLS and port from each other, and default timeouts and retries', () => {
    const c = loadSmtpConfig({
      env: { TWELVE_SMTP_HOST: 'h', TWELVE_SMTP_TLS: 'ssl' },
      cwd: tempDir(),
    })!;
    expect([c.port, c.tls, c.timeoutMs, c.retries, c.retryDelayMs]).toEqual([
      465,
      'ssl',
      30000,
      2,
      2000,
    ]);
    const p = loadSmtpConfig({
      env: { TWELVE_SMTP_HOST: 'h', TWELVE_SMTP_PORT: '465' },
      cwd: tempDir(),
    })!;
    expect(p.tls).toBe('ssl');
  });

  it('are absent without a host, and read ./twelve-smtp.json when there is one', () => {
    const dir = tempDir();
    expect(loadSmtpConfig({ env: {}, cwd: dir })).toBeNull();
    writeFileSync(path.join(dir, 'twelve-smtp.json'), '{"host": "local.cn"}');
    expect(loadSmtpConfig({ env: {}, cwd: dir })!.host).toBe('local.cn');
  });

  it('refuse what they cannot use, in one Chinese line naming the item', () => {
    expect(() => loadSmtpConfig({ file: file({ host: 'h', pasword: 'x' }), env: {} })).toThrow(
      /不认识的项"pasword"/,
    );
    expect(() => loadSmtpConfig({ file: file('{host: h}'), env: {} })).toThrow(SmtpConfigError);
    expect(() =>
      loadSmtpConfig({ env: { TWELVE_SMTP_HOST: 'h', TWELVE_SMTP_TLS: 'yes' } }),
    ).toThrow(/环境变量 TWELVE_SMTP_TLS 的值"yes"无效/);
    expect(() =>
      loadSmtpConfig({ env: { TWELVE_SMTP_HOST: 'h', TWELVE_SMTP_PORT: '99999' } }),
    ).toThrow(/环境变量 TWELVE_SMTP_PORT 的值"99999"/);
    expect(() => loadSmtpConfig({ file: '/nonexistent/smtp.json', env: {} })).toThrow(
      /找不到"\/nonexistent\/smtp.json"/,
    );
  });

  it('are described without the password, and a readable file holding one is pointed out', () => {
    const secret = 'S3cret-口令';
    const open = file({ host: 'smtp.x.cn', user: 'u@x.cn', password: secret }, 0o644);
    const c = loadSmtpConfig({ file: open, env: {} })!;
    expect(describeSmtp(c)).toBe('smtp.x.cn:587（STARTTLS，用户 u@x.cn）');
    expect(describeSmtp(c)).not.toContain(secret);
    expect(passwordFileWarning(c)).toContain('chmod 600');
    expect(passwordFileWarning(c)).not.toContain(secret);
    const closed = file({ host: 'smtp.x.cn', password: secret }, 0o600);
    expect(passwordFileWarning(loadSmtpConfig({ file: closed, env: {} })!)).toBeNull();
  });
});

describe('recipients', () => {
  it('accept commas, semicolons (also full-width) and names, once each', () => {
    expect(parseRecipients('a@x.cn, 上级党委 <b@y.cn>；A@x.cn，c@z.cn', '--to')).toEqual([
      'a@x.cn',
      'b@y.cn',
      'c@z.cn',
    ]);
    expect(parseRecipients('  ', '--to')).toEqual([]);
  });

  it('name what is not an address', () => {
    expect(() => parseRecipients('a@x.cn, 党委办公室', '--to')).toThrow(RecipientError);
    expect(() => parseRecipients('a@x', '--to')).toThrow(/"a@x"不是有效的邮箱地址/);
  });
});

describe('file names from typed names', () => {
  it('drop separators and reserved characters, and never come out empty', () => {
    expect(safeFileName('2026Q3 第一/第二支部: "党工委"')).toBe('2026Q3 第一_第二支部_ _党工委_');
    expect(safeFileName('../..')).toBe('未命名');
    expect(safeFileName('CON')).not.toBe('CON');
  });
});
