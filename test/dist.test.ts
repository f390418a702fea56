// `npm run dist`, built once, then each download used as its user would: the Windows zip
// unzipped and run under Wine (Debian's wine64, fresh prefix, Windows 10), node.exe's signature checked offline,
// the amd64 .deb installed with apt, run and purged, the arm64 .deb's node checked, and the npm
// package installed into a temporary prefix and served.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { SAMPLE_WORKBOOK } from '../reports/paths.js';
import { dist, type Release } from '../scripts/dist.js';
import { captureIo } from './helpers/io.js';

const AS_OF = '2026-11-24';
const MB = 1024 * 1024;
const WORK = path.join(tmpdir(), `twelve-dist-test-${process.pid}`);
let release: Release;
/** lintian takes minutes on a 40 MB package: started as soon as the .deb exists, read at the end. */
let lintian: Promise<string>;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  release = await dist(path.join(WORK, 'release'));
  lintian = new Promise((resolve, reject) => {
    const child = spawn('lintian', ['--tag-display-limit', '0', release.debs.amd64]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === null ? reject(new Error('lintian killed')) : resolve(out),
    );
  });
}, 900_000);
afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

async function linuxScoreJson(): Promise<unknown> {
  const io = captureIo();
  await main(['score', SAMPLE_WORKBOOK, '--as-of', AS_OF, '--json'], io.out, io.err);
  return JSON.parse(io.stdout());
}

/** GET or POST over HTTPS to our own server, whose certificate this client need not trust. */
function request(
  port: number,
  pathname: string,
  body?: { form: FormData },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    void (async () => {
      const payload = body ? new Response(body.form) : null;
      const bytes = payload ? Buffer.from(await payload.arrayBuffer()) : null;
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: pathname,
          method: body ? 'POST' : 'GET',
          rejectUnauthorized: false,
          headers: payload ? { 'content-type': payload.headers.get('content-type')! } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('error', reject);
      req.end(bytes ?? undefined);
    })();
  });
}

function sampleUpload(): FormData {
  const form = new FormData();
  form.append('asOf', AS_OF);
  form.append('workbook', new Blob([readFileSync(SAMPLE_WORKBOOK)]), '示例台账.xlsx');
  return form;
}

async function waitForServer(port: number, timeoutMs: number): Promise<void> {
  const began = Date.now();
  for (;;) {
    try {
      if ((await request(port, '/manifest.xml')).status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - began > timeoutMs) throw new Error(`no server on port ${port}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const freePort = () => 20000 + (process.pid % 20000);

describe('the Windows zip', () => {
  const unzipped = () => path.join(WORK, 'win');
  const top = () => path.join(unzipped(), path.basename(release.zip, '.zip'));

  beforeAll(() => {
    execFileSync('unzip', ['-q', release.zip, '-d', unzipped()]);
  });

  it('fits the budget and carries the double-click scripts, the sample and the Excel-only office.js', () => {
    expect(statSync(release.zip).size).toBeLessThanOrEqual(45 * MB);
    for (const name of [
      'node.exe',
      'twelve.cmd',
      '启动十二分制.cmd',
      '停止十二分制.cmd',
      '安装Excel加载项.cmd',
      '卸载Excel加载项.cmd',
      '使用说明.txt',
      'manifest.xml',
      'samples/示例台账.xlsx',
      'web/dist/index.html',
      'addin/dist/taskpane.html',
      'addin/dist/office-js/office.js',
      'addin/dist/office-js/excel-win32-16.01.js',
      'app/twelve.mjs',
      'app/launch.mjs',
    ])
      expect(existsSync(path.join(top(), name)), name).toBe(true);
    expect(existsSync(path.join(top(), 'addin/dist/office-js/word-win32-16.01.js'))).toBe(false);
    expect(existsSync(path.join(top(), 'node_modules'))).toBe(false);
  });

  it('has .cmd files in plain ASCII with CRLF and 使用说明.txt as UTF-8 with a BOM', () => {
    for (const name of ['twelve.cmd', '启动十二分制.cmd', '安装Excel加载项.cmd']) {
      const bytes = readFileSync(path.join(top(), name));
      expect(
        bytes.every((b) => b < 0x80),
        name,
      ).toBe(true);
      expect(bytes.toString('latin1')).toMatch(/^@echo off\r\n/);
    }
    const notes = readFileSync(path.join(top(), '使用说明.txt'));
    expect([...notes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(notes.toString('utf8')).toContain('双击"启动十二分制.cmd"');
  });

  it("keeps node.exe's Authenticode signature: digests equal, signed by the OpenJS Foundation", () => {
    const r = spawnSync(
      'osslsigncode',
      ['verify', '-ignore-crl', '-ignore-cdp', '-in', path.join(top(), 'node.exe')],
      { encoding: 'utf8' },
    );
    const out = r.stdout + r.stderr;
    const current = /Current message digest\s*:\s*(\S+)/.exec(out)?.[1];
    const calculated = /Calculated message digest\s*:\s*(\S+)/.exec(out)?.[1];
    expect(current).toBeTruthy();
    expect(calculated).toBe(current);
    expect(out).toMatch(/Subject:.*O=OpenJS Foundation/);
  });

  describe('under Wine', () => {
    const prefix = () => path.join(WORK, 'wineprefix');
    // Output goes to files inside the cmd line; no pipes: the wineserver a call may start, and
    // the server the launcher starts, would hold them open, and spawnSync would wait out its
    // timeout (measured: 120 s for a launcher that had ended after a few seconds).
    const wine = (line: string, timeout = 120_000) =>
      spawnSync('wine', ['cmd', '/c', line], {
        cwd: top(),
        env: wineEnv(),
        stdio: 'ignore',
        timeout,
      });
    // A fresh prefix, no display: what CI has.
    const wineEnv = () => ({
      ...process.env,
      WINEPREFIX: prefix(),
      WINEDEBUG: '-all',
      DISPLAY: '',
    });

    beforeAll(() => {
      execFileSync('winecfg', ['-v', 'win10'], {
        env: wineEnv(),
        stdio: 'ignore',
        timeout: 180_000,
      });
    }, 200_000);
    afterAll(() => {
      spawnSync('wineserver', ['-k'], { env: wineEnv() });
    });

    it('twelve.cmd score gives the same result as on Linux', async () => {
      // Node's stdout to a pipe fails under Wine: redirect to a file inside the cmd line.
      wine(
        `twelve.cmd score samples\\示例台账.xlsx --as-of ${AS_OF} --json > score.json 2> score.err`,
      );
      const stderr = existsSync(path.join(top(), 'score.err'))
        ? readFileSync(path.join(top(), 'score.err'), 'utf8')
        : '';
      expect(stderr).toBe('');
      const windows = JSON.parse(readFileSync(path.join(top(), 'score.json'), 'utf8')) as unknown;
      expect(windows).toEqual(await linuxScoreJson());
    }, 180_000);

    it('启动十二分制 starts the server, which answers the page, the manifest and an upload; the add-in installs and uninstalls; 停止 stops it', async () => {
      const port = freePort();
      const began = Date.now();
      const launched = wine(
        `node.exe app\\launch.mjs start --no-open --port=${port} > start.txt 2>&1`,
      );
      // The launcher ends once the page answers: the clerk's console window closes.
      expect(launched.error).toBeUndefined();
      expect(launched.status).toBe(0);
      await waitForServer(port, 30_000);
      const seconds = (Date.now() - began) / 1000;
      writeFileSync(path.join(WORK, 'wine-start-seconds.txt'), seconds.toFixed(1));
      console.log(`double-click to page under Wine: ${seconds.toFixed(1)} s`);
      try {
        expect(readFileSync(path.join(top(), 'start.txt'), 'utf8')).toContain('十二分制服务已启动');
        const page = await request(port, '/');
        expect(page.status).toBe(200);
        expect(page.text).toContain('<html');
        const manifest = await request(port, '/manifest.xml');
        expect(manifest.text).toContain(`:${port}/taskpane.html`);
        const scored = await request(port, '/api/score', { form: sampleUpload() });
        expect(scored.status).toBe(200);
        expect(JSON.parse(scored.text)).toEqual(await linuxScoreJson());
        // Double-clicked again: finds it running, starts nothing new.
        wine(`node.exe app\\launch.mjs start --no-open --port=${port} > again.txt 2>&1`);
        expect(readFileSync(path.join(top(), 'again.txt'), 'utf8')).toContain('已在运行');

        // 安装Excel加载项: the manifest registered for this user as office-addin-dev-settings does.
        const developer = 'HKCU\\SOFTWARE\\Microsoft\\Office\\16.0\\WEF\\Developer';
        const id = /<Id>([^<]+)<\/Id>/.exec(manifest.text)![1];
        wine(`node.exe app\\launch.mjs install-addin --port=${port} > install.txt 2>&1`);
        expect(readFileSync(path.join(top(), 'install.txt'), 'utf8')).toContain(
          '已为本用户注册加载项清单',
        );
        wine(`reg query ${developer} > reg.txt 2>&1`);
        expect(readFileSync(path.join(top(), 'reg.txt'), 'utf8')).toMatch(
          new RegExp(`${id}\\s+REG_SZ\\s+.*twelve-points\\\\manifest\\.xml`),
        );
        // 卸载Excel加载项 undoes it.
        wine(`node.exe app\\launch.mjs uninstall-addin > uninstall.txt 2>&1`);
        wine(`reg query ${developer} > reg.txt 2>&1`);
        expect(readFileSync(path.join(top(), 'reg.txt'), 'utf8')).not.toContain(id);
      } finally {
        wine(`node.exe app\\launch.mjs stop > stop.txt 2>&1`);
      }
      expect(readFileSync(path.join(top(), 'stop.txt'), 'utf8')).toContain('已停止');
      await expect(request(port, '/')).rejects.toThrow();
    }, 600_000);
  });
});

describe('the .debs', () => {
  it('amd64: installs with apt, twelve scores the sample, purge leaves nothing', async () => {
    expect(statSync(release.debs.amd64).size).toBeLessThanOrEqual(45 * MB);
    const tags = await lintian;
    expect(tags.split('\n').filter((l) => l.startsWith('E:'))).toEqual([]);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', release.debs.amd64],
      {
        env,
        stdio: 'ignore',
      },
    );
    try {
      const files = execFileSync('dpkg', ['-L', 'twelve-points'], { encoding: 'utf8' });
      expect(files).toContain('/usr/share/applications/twelve-points.desktop');
      const run = spawnSync(
        '/usr/bin/twelve',
        ['score', SAMPLE_WORKBOOK, '--as-of', AS_OF, '--json'],
        {
          encoding: 'utf8',
          env: { ...process.env, PATH: '/usr/bin:/bin' },
        },
      );
      // The sample has rows typed wrong on purpose: exit 1, the full result printed.
      expect([run.status, run.stderr]).toEqual([1, '']);
      expect(JSON.parse(run.stdout)).toEqual(await linuxScoreJson());
    } finally {
      execFileSync('dpkg', ['--purge', 'twelve-points'], { env, stdio: 'ignore' });
    }
    expect(existsSync('/usr/lib/twelve-points')).toBe(false);
    expect(existsSync('/usr/bin/twelve')).toBe(false);
    expect(spawnSync('dpkg', ['-s', 'twelve-points']).status).not.toBe(0);
  }, 600_000);

  it('arm64: carries an aarch64 node and depends on a browser and CJK fonts, as alternatives', () => {
    expect(statSync(release.debs.arm64).size).toBeLessThanOrEqual(45 * MB);
    const dir = path.join(WORK, 'arm64');
    execFileSync('dpkg-deb', ['-x', release.debs.arm64, dir]);
    expect(
      execFileSync('file', [path.join(dir, 'usr/lib/twelve-points/node')], { encoding: 'utf8' }),
    ).toMatch(/ELF 64-bit.*ARM aarch64/);
    const depends = execFileSync('dpkg-deb', ['-f', release.debs.arm64, 'Depends'], {
      encoding: 'utf8',
    });
    expect(depends).toMatch(/chromium \| chromium-browser \|/);
    expect(depends).toMatch(/fonts-noto-cjk \| fonts-wqy-zenhei/);
  });
});

describe('the npm package', () => {
  it('installs into a prefix without EBADENGINE; its twelve serve answers the page and the manifest', async () => {
    const prefix = path.join(WORK, 'npm-prefix');
    const install = spawnSync(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        release.npm,
      ],
      { encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toContain('EBADENGINE');
    const port = freePort() + 1;
    const child = spawn(path.join(prefix, 'bin', 'twelve'), ['serve', '--port', String(port)], {
      cwd: WORK,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(WORK, 'npm-config'), HOME: WORK },
      stdio: 'ignore',
    });
    try {
      await waitForServer(port, 30_000);
      const page = await request(port, '/');
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('尚未构建');
      expect(page.text).toContain('<html');
      const manifest = await request(port, '/manifest.xml');
      expect(manifest.status).toBe(200);
      expect(manifest.text).toContain('<OfficeApp');
    } finally {
      child.kill();
    }
  }, 600_000);
});
