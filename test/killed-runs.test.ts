// Runs that end badly leave nothing behind: `twelve notices` (the built CLI, on the sample)
// killed with SIGKILL once its browser runs, or stopped by SIGINT/SIGTERM/SIGHUP; and a
// Chromium orphaned by an older run is swept by the next launch. Processes are found in /proc
// by the profile (user-data-dir) on their command line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCards, parseWorkbook, score } from '../core/index.js';
import { findBrowser } from '../reports/cards/browser.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { readWorkbook } from '../reports/read-workbook.js';
import { profileProcesses } from '../reports/cards/browser-sweep.js';
import { NOTICE_DIR } from '../reports/cards/write-notices.js';
import { SEND_LOG_FILE, type SendRecord } from '../reports/mail/send-log.js';
import {
  browserStarted,
  buildCli,
  processesGone,
  profilesIn,
  startCli,
  tempFilesUnder,
  type CliRun,
} from './helpers/cli-process.js';
import { startSmtp, type Received } from './helpers/smtp.js';
import { basicSheets, tempDir, writeXlsx } from './helpers/workbook.js';

const NOTICES = ['notices', '--as-of', '2026-11-24', '--out', 'out'];

/** What a clean run on the sample prints: its error rows and its cards, from the core itself. */
let expected = { errors: 0, cards: 0 };
beforeAll(async () => {
  buildCli();
  const result = score(parseWorkbook(await readWorkbook(SAMPLE_WORKBOOK)), '2026-11-24');
  expected = {
    errors: result.problems.filter((p) => p.severity === 'error').length,
    cards: noticeCards(result, { since: null, until: '2026-11-24' }).length,
  };
}, 120_000);

const scenes: string[] = [];
afterAll(() => {
  for (const dir of scenes) rmSync(dir, { recursive: true, force: true });
});

/** A folder for one scenario: the runs' working folder, with their own temp folder inside. */
function scene() {
  const cwd = tempDir('twelve-killed-');
  scenes.push(cwd);
  return { cwd, tmp: path.join(cwd, 'tmp'), out: path.join(cwd, 'out') };
}

/** A pid no process has: that of a process that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

async function cleanRerun(s: ReturnType<typeof scene>) {
  const rerun = startCli(NOTICES, s);
  const { code } = await rerun.exited;
  // The sample keeps rows with errors on purpose: exit 1, and every card made.
  // Nothing on stderr but the first line saying the bundled sample is used.
  expect(expected.errors).toBeGreaterThan(0);
  expect(rerun.stderr()).toMatch(/^未指定台账文件，使用自带的示例台账[^\n]*\n$/);
  expect(code).toBe(1);
  expect(rerun.stdout()).toContain(`已生成 ${expected.cards} 张记分告知卡`);
  expect(rerun.stdout()).toContain(`注意：台账有 ${expected.errors} 处错误`);
  return rerun;
}

describe.skipIf(process.platform !== 'linux')('a killed run leaves nothing behind', () => {
  it('SIGKILL after the browser started: its Chromium exits, and the rerun removes its profile and temp files', async () => {
    const s = scene();
    const first = startCli(NOTICES, s);
    // A launch with its page open is ~10 processes (browser, zygotes, GPU, utility, renderer).
    const { profile } = await browserStarted(first.child.pid!, s.tmp, 5);
    // Frozen first, so the kill lands mid-run however fast the sample renders.
    first.child.kill('SIGSTOP');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // Nothing in the killed process ran; Chromium notices its pipe closed and exits.
    expect(await processesGone(profile, 10_000)).not.toBeNull();
    expect(existsSync(profile)).toBe(true);
    // What a kill during a write leaves: a hidden temp file named with the writer's pid.
    const stale = path.join(
      s.out,
      NOTICE_DIR,
      `.记分告知卡-DY001.pdf.${first.child.pid}.k1ll3d.tmp`,
    );
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, 'half a PDF');

    const rerun = await cleanRerun(s);
    expect(profileProcesses(profile)).toEqual([]);
    expect(profilesIn(s.tmp)).toEqual([]);
    expect(readdirSync(s.tmp)).toEqual([]);
    expect(tempFilesUnder(s.out)).toEqual([]);
    expect(rerun.child.pid).not.toBe(first.child.pid);
  });

  it('a Chromium left running by a dead run (no pipe to notice) is killed and its profile removed', async () => {
    const s = scene();
    const profile = path.join(s.tmp, `twelve-chromium-${deadPid()}-0rphan`);
    mkdirSync(profile, { recursive: true });
    // The way runs before the pipe left them: a browser on a debugging port, detached
    // (its launcher script forks a moment first: wait for the browser proper).
    const orphan = spawn(
      findBrowser(),
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--remote-debugging-port=0',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { detached: true, stdio: 'ignore', env: { ...process.env, TMPDIR: s.tmp } },
    );
    orphan.unref();
    try {
      const deadline = Date.now() + 30_000;
      while (profileProcesses(profile).length < 5 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(profileProcesses(profile).length).toBeGreaterThanOrEqual(5);

      await cleanRerun(s);
      expect(await processesGone(profile, 2_000)).not.toBeNull();
      expect(existsSync(profile)).toBe(false);
      // Its single-instance socket folder (org.chromium.Chromium.xxxxxx) went with it.
      expect(readdirSync(s.tmp)).toEqual([]);
    } finally {
      // Whatever the outcome, this test's own browser does not outlive it.
      try {
        process.kill(-orphan.pid!, 'SIGKILL');
      } catch {
        // Gone, as it should be.
      }
    }
  });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    it(`${signal} mid-run: the run dies of the signal with its browser and profile gone, at once`, async () => {
      const s = scene();
      const run = startCli(NOTICES, s);
      const { profile } = await browserStarted(run.child.pid!, s.tmp);
      run.child.kill(signal);
      const ended = await run.exited;
      // Died of the signal (the shell's 130/143/129), not a normal or an error exit.
      expect(ended).toEqual({ code: null, signal });
      expect(await processesGone(profile, 1_000)).not.toBeNull();
      expect(existsSync(profile)).toBe(false);
      expect(readdirSync(s.tmp)).toEqual([]);
      if (existsSync(s.out)) expect(tempFilesUnder(s.out)).toEqual([]);
    });
});

describe.skipIf(process.platform !== 'linux')("a mail run killed after the server's 250", () => {
  it('delivers once across a rerun: the rerun refuses without --resend, in Chinese', async () => {
    const s = scene();
    const book = basicSheets([['2026-07-10', 'A01', '张三', 'P1', '无故缺席', '', '', '']]);
    book[2].rows.push(['上级党组织邮箱', 'shangji@example.cn']);
    const workbook = await writeXlsx(book, path.join(s.cwd, '台账.xlsx'));
    const received: Received[] = [];
    let victim: CliRun | undefined;
    const smtp = await startSmtp({
      authOptional: true,
      closeTimeout: 100,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
            user: undefined,
          });
          if (received.length > 1 || !victim) return callback();
          // Frozen, then answered 250, then killed: the 250 reaches a process that never
          // gets to read it, as when the power goes at that moment.
          const child = victim.child;
          child.kill('SIGSTOP');
          callback();
          setTimeout(() => child.kill('SIGKILL'), 200);
        });
      },
    });
    try {
      const env = {
        TWELVE_SMTP_HOST: '127.0.0.1',
        TWELVE_SMTP_PORT: String(smtp.port),
        TWELVE_SMTP_TLS: 'none',
        TWELVE_SMTP_FROM: 'dangwei@example.cn',
      };
      const args = ['mail', workbook, '--quarter', '2026Q3', '--out', 'outbox', '--send'];
      const outbox = path.join(s.cwd, 'outbox');
      const log = (): SendRecord[] =>
        JSON.parse(readFileSync(path.join(outbox, SEND_LOG_FILE), 'utf8')).records;

      victim = startCli(args, { ...s, env });
      expect((await victim.exited).signal).toBe('SIGKILL');
      expect(received).toHaveLength(1);
      const delivered = await simpleParser(received[0].raw);
      // Recorded before the send, never marked sent.
      expect(log().map((r) => [r.status, r.messageId])).toEqual([['sending', delivered.messageId]]);

      const rerun = startCli(args, { ...s, env });
      expect((await rerun.exited).code).toBe(3);
      expect(received).toHaveLength(1);
      expect(rerun.stderr()).toContain(
        `2026年第三季度记分汇总公示卡邮件（邮件编号 ${delivered.messageId}）上次于`,
      );
      expect(rerun.stderr()).toContain('没有得到邮件服务器的确认（发送中断），本次未重发');
      expect(rerun.stderr()).toContain('请先向 shangji@example.cn 确认是否收到');
      expect(rerun.stderr()).toContain('确认没有收到后，加 --resend 重新运行');
      expect(log()).toHaveLength(1);
      expect(tempFilesUnder(outbox)).toEqual([]);
      expect(readdirSync(s.tmp)).toEqual([]);

      // Sent again only when asked, as the same message by its header.
      const resend = startCli([...args, '--resend'], { ...s, env });
      expect((await resend.exited).code).toBe(0);
      expect(received).toHaveLength(2);
      expect((await simpleParser(received[1].raw)).messageId).toBe(delivered.messageId);
      expect(log().map((r) => r.status)).toEqual(['unknown', 'sent']);
    } finally {
      await smtp.close();
    }
  });
});
