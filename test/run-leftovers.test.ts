// What one run leaves for the next to sweep, and what it must leave alone: another live run's
// temp files and browser profiles. And a browser that crashes inside a long-lived process
// (the server) takes its processes and profile with it, so a relaunch leaves nothing either.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, writeFileAtomic } from '../reports/atomic-write.js';
import { launchBrowser } from '../reports/cards/browser.js';
import { profileProcesses, sweepLeftovers } from '../reports/cards/browser-sweep.js';
import { tempDir } from './helpers/workbook.js';

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('stale temp files', () => {
  it("removes a dead writer's temp file, keeps a live one's and every other file", () => {
    const dir = tempDir();
    const dead = `.card.pdf.${deadPid()}.abc123.tmp`;
    // The parent of this test process is alive: a concurrent run writing here.
    const live = `.card.pdf.${process.ppid}.def456.tmp`;
    const others = ['card.pdf', 'notes.tmp', '.hidden', `.x.${deadPid()}.tmp`];
    for (const name of [dead, live, ...others]) writeFileSync(path.join(dir, name), 'x');
    expect(sweepStaleTemps(dir)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([live, ...others].sort());
  });

  it('the first atomic write into a folder sweeps it, and leaves no temp file of its own', () => {
    const dir = tempDir();
    const dead = `.old.pdf.${deadPid()}.zz9.tmp`;
    writeFileSync(path.join(dir, dead), 'half');
    writeFileAtomic(path.join(dir, 'new.pdf'), Buffer.from('%PDF'));
    writeFileAtomic(path.join(dir, '发送记录.json'), '{}', { durable: true });
    expect(readdirSync(dir).sort()).toEqual(['new.pdf', '发送记录.json']);
  });
});

describe('what a dead run left in the temp folder', () => {
  it("removes a dead owner's profile and keeps a live owner's and an unrelated folder", () => {
    const root = tempDir();
    const orphan = path.join(root, `twelve-chromium-${deadPid()}-AbC123`);
    const busy = path.join(root, `twelve-chromium-${process.ppid}-XyZ789`);
    const unrelated = path.join(root, 'twelve-chromium-data');
    for (const dir of [orphan, busy, unrelated])
      mkdirSync(path.join(dir, 'Default'), { recursive: true });
    expect(sweepLeftovers(root)).toEqual([orphan]);
    expect(readdirSync(root).sort()).toEqual([path.basename(busy), 'twelve-chromium-data'].sort());
  });

  it("removes a dead run's workbook-reading temp files (tmp-<pid>-…), keeps a live one's", () => {
    const root = tempDir();
    const dead = `tmp-${deadPid()}-Ab3dEf6hIj9L`;
    const live = `tmp-${process.ppid}-Zy8xWv5uTs2R`;
    for (const name of [dead, live]) writeFileSync(path.join(root, name), '<worksheet/>');
    expect(sweepLeftovers(root)).toEqual([path.join(root, dead)]);
    expect(readdirSync(root)).toEqual([live]);
  });

  it('a profile from before profiles carried a pid goes once a day old and unused', () => {
    const root = tempDir();
    const legacy = path.join(root, 'twelve-chromium-q1W2e3');
    mkdirSync(legacy);
    expect(sweepLeftovers(root)).toEqual([]);
    expect(sweepLeftovers(root, Date.now() + 25 * 3600 * 1000)).toEqual([legacy]);
  });
});

describe('a browser in a long-lived process', () => {
  it('crashes: its processes and profile go at once; the next launch works and cleans up too', async () => {
    const first = await launchBrowser();
    expect(first.profile.startsWith(path.join(tmpdir(), `twelve-chromium-${process.pid}-`))).toBe(
      true,
    );
    const pids = profileProcesses(first.profile);
    expect(pids.length).toBeGreaterThanOrEqual(3);
    const gone = new Promise((resolve) => first.browser.once('disconnected', resolve));
    process.kill(first.browser.process()!.pid!, 'SIGKILL');
    await gone;
    expect(profileProcesses(first.profile)).toEqual([]);
    expect(existsSync(first.profile)).toBe(false);

    const second = await launchBrowser();
    const page = await second.browser.newPage();
    await page.setContent('<p>再次启动</p>');
    expect(await page.$eval('p', (p) => p.textContent)).toBe('再次启动');
    await second.close();
    expect(profileProcesses(second.profile)).toEqual([]);
    expect(existsSync(second.profile)).toBe(false);
  });
});

/** Runs `body` after a launch in a child process (from source, by tsx) with its own TMPDIR. */
function afterLaunch(body: string, signalAfterMs?: number) {
  const tmp = tempDir();
  const script = path.join(tempDir(), 'run.mts');
  const browserModule = fileURLToPath(new URL('../reports/cards/browser.ts', import.meta.url));
  writeFileSync(
    script,
    `import { launchBrowser } from ${JSON.stringify(browserModule)};\n` +
      `const launched = await launchBrowser();\n` +
      `console.log(launched.profile);\n` +
      (signalAfterMs === undefined
        ? ''
        : `setTimeout(() => process.kill(process.pid, 'SIGTERM'), ${signalAfterMs});\n`) +
      body,
  );
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TMPDIR: tmp },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { tmp, child, profile: child.stdout.split('\n')[0] };
}

describe('a run that dies of an uncaught error', () => {
  it('still kills its browser and removes its profile on the way out', () => {
    const { tmp, child } = afterLaunch(
      `setTimeout(() => { throw new Error('a bug after the launch'); }, 10);\n`,
    );
    expect(child.stderr).toContain('a bug after the launch');
    expect(child.status).toBe(1);
    const profile = child.stdout.trim();
    expect(profile.startsWith(path.join(tmp, 'twelve-chromium-'))).toBe(true);
    expect(profileProcesses(profile)).toEqual([]);
    // tsx-0 is the cache of tsx, which runs this script from source.
    expect(readdirSync(tmp).filter((n) => n !== 'tsx-0')).toEqual([]);
  });
});

describe('a server that handles SIGTERM itself (a graceful shutdown)', () => {
  it('keeps its browser through the shutdown, and the exit still removes it', () => {
    const { tmp, child, profile } = afterLaunch(
      `process.on('SIGTERM', () => {\n` +
        `  console.log('draining, browser connected: ' + launched.browser.connected);\n` +
        `  setTimeout(() => process.exit(0), 300);\n` +
        `});\n` +
        `setInterval(() => undefined, 1000);\n`,
      100,
    );
    expect(child.stdout).toContain('draining, browser connected: true');
    expect([child.status, child.signal]).toEqual([0, null]);
    expect(profileProcesses(profile)).toEqual([]);
    expect(readdirSync(tmp).filter((n) => n !== 'tsx-0')).toEqual([]);
  });
});
