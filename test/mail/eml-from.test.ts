// The .eml written for a mail client says who it is from: the unit's name (设置!单位名称) and
// the sender address of TWELVE_SMTP_FROM or the config's from, also where no server is set.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mailCommand } from '../../reports/commands/mail.js';
import { captureIo } from '../helpers/io.js';
import { samplePdf } from '../helpers/smtp.js';
import { basicSheets, tempDir, writeXlsx } from '../helpers/workbook.js';

let workbook: string;
let pdf: Buffer;
const run = mailCommand(async () => ({ filename: 'card.pdf', pdf }));

beforeAll(async () => {
  pdf = await samplePdf('Quarterly summary card');
  workbook = await writeXlsx(
    basicSheets([['2026-07-10', 'A01', '张三', 'P1', '无故缺席', '', '', '']]),
  );
});
afterEach(() => {
  delete process.env.TWELVE_SMTP_FROM;
});

async function eml(args: string[] = []) {
  const out = tempDir();
  const io = captureIo();
  const code = await run(
    [workbook, '--quarter', '2026Q3', '--to', 'shangji@example.cn', '--out', out, ...args],
    io,
  );
  expect(code, io.stderr()).toBe(0);
  const [file] = readdirSync(out).filter((f) => f.endsWith('.eml'));
  return { mail: await simpleParser(readFileSync(path.join(out, file))), io };
}

describe('the From of a written .eml', () => {
  it('is the unit with TWELVE_SMTP_FROM, no server needed', async () => {
    process.env.TWELVE_SMTP_FROM = 'dangwei@example.gov.cn';
    const { mail, io } = await eml();
    expect(mail.from?.value).toEqual([
      { name: '测试单位党工委', address: 'dangwei@example.gov.cn' },
    ]);
    expect(io.stdout()).not.toContain('未设置发件地址');
  });

  it("is the unit with the config file's from", async () => {
    const config = path.join(tempDir(), 'smtp.json');
    writeFileSync(config, JSON.stringify({ from: 'zuzhi@example.gov.cn' }));
    const { mail } = await eml(['--smtp-config', config]);
    expect(mail.from?.value).toEqual([{ name: '测试单位党工委', address: 'zuzhi@example.gov.cn' }]);
  });

  it('is left for the mail client to fill in where no address is set, and says so', async () => {
    const { mail, io } = await eml();
    expect(mail.from).toBeUndefined();
    expect(io.stdout()).toContain('未设置发件地址');
  });
});
