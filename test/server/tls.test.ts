// HTTPS where the clerk is: the certificate made here is a leaf for this computer only, TLS 1.2
// offers no CBC/SHA-1 suites, http:// at the HTTPS port gets a Chinese answer, and every start of
// `twelve serve` says whether this user's browser trusts the certificate. On Linux the trust step
// is proved with the real tools: certutil writes a temp HOME's NSS database and a real headless
// Chromium, reading that database, opens the page with no certificate error.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import puppeteer from 'puppeteer-core';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../reports/cards/browser.js';
import { PROJECT_ROOT } from '../../reports/paths.js';
import { loadCertificate, makeLocalhostCertificate } from '../../reports/server/tls.js';
import { checkTrust, trustHere } from '../../reports/server/trust.js';
import { startTestServer, type TestServer } from '../helpers/serve.js';

const SCRATCH = mkdtempSync(path.join(tmpdir(), 'twelve-tls-'));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));
const TWELVE = path.join(PROJECT_ROOT, 'test', 'helpers', 'twelve-source.ts');

function freshHome(): string {
  const home = mkdtempSync(path.join(SCRATCH, 'home-'));
  mkdirSync(path.join(home, '.config'));
  return home;
}

/** An NSS database as Chromium leaves it on first run: empty, no password. */
function makeNssDb(home: string): void {
  const db = path.join(home, '.pki', 'nssdb');
  mkdirSync(db, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
}

function envFor(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    TWELVE_DEBUG: '',
    ...extra,
  };
}

interface Serve {
  child: ChildProcess;
  out: string;
  url: string;
  port: number;
}

/** `twelve serve --port 0` as a process with its own HOME; resolves once it has started. */
async function serve(home: string, extra: NodeJS.ProcessEnv = {}): Promise<Serve> {
  const child = spawn(process.execPath, ['--import', 'tsx', TWELVE, 'serve', '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: envFor(home, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const started = await new Promise<boolean>((resolve) => {
    const timer = setInterval(() => {
      if (out.includes('按 Ctrl+C 停止')) done(true);
    }, 50);
    const done = (ok: boolean) => {
      clearInterval(timer);
      resolve(ok);
    };
    child.once('exit', () => done(false));
  });
  if (!started) throw new Error(`twelve serve did not start:\n${out}\n${err}`);
  const url = /十二分制服务已启动：(https:\/\/[^/\s]+)\//.exec(out)![1]!;
  return { child, out, url, port: Number(new URL(url).port) };
}

async function stop(server: Serve): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

function trustStep(home: string): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', TWELVE, 'serve', '--trust'], {
      cwd: PROJECT_ROOT,
      env: envFor(home),
      encoding: 'utf8',
    });
    return { code: 0, out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout + e.stderr };
  }
}

/** Opens the page in a real Chromium whose HOME (and so its NSS database) is `home`. */
async function openInChromium(home: string, url: string) {
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    args: ['--no-sandbox', '--no-first-run'],
    userDataDir: mkdtempSync(path.join(SCRATCH, 'profile-')),
    env: envFor(home),
  });
  try {
    const page = await browser.newPage();
    try {
      const response = await page.goto(url, { timeout: 30_000 });
      return {
        error: null,
        status: response?.status() ?? 0,
        issuer: response?.securityDetails()?.issuer() ?? null,
      };
    } catch (error) {
      return { error: (error as Error).message, status: 0, issuer: null };
    }
  } finally {
    await browser.close();
  }
}

describe('trust on every start (Linux: the NSS database Chromium reads)', () => {
  const home = freshHome();
  const running: Serve[] = [];
  afterAll(async () => {
    for (const s of running) await stop(s);
  });

  it('says the certificate is not trusted, with the exact command, on the first start and again on the next', async () => {
    makeNssDb(home);
    const certFile = path.join(home, '.config', 'twelve-points', 'localhost-cert.pem');
    for (const round of [1, 2]) {
      const server = await serve(home);
      running.push(server);
      await stop(server);
      expect(server.out).toContain(
        '证书信任：本用户的 Chromium/Chrome（NSS 证书库 ~/.pki/nssdb）尚未信任此证书',
      );
      expect(server.out).toContain('请运行一次 twelve serve --trust');
      expect(server.out).toContain(
        `certutil -d "sql:$HOME/.pki/nssdb" -A -t "P,," -n "twelve-points localhost" -i ${certFile}`,
      );
      // Made on the first start only; the second start uses the same file.
      expect(server.out.includes(`已生成本机证书 ${certFile}`)).toBe(round === 1);
    }
    // The key is the owner's only.
    expect(statSync(path.join(path.dirname(certFile), 'localhost-key.pem')).mode & 0o077).toBe(0);
  }, 120_000);

  it('the command it prints, pasted into a shell, makes the next start say trusted', async () => {
    const other = freshHome(); // no NSS database yet: the printed line must create it
    const first = await serveOnce(other);
    const shown = /^\s+(mkdir -p .*certutil .*)$/m.exec(first.out)![1]!;
    execFileSync('sh', ['-c', shown], { env: envFor(other) });
    const next = await serveOnce(other);
    expect(next.out).toContain(
      '证书信任：本用户的 Chromium/Chrome（NSS 证书库 ~/.pki/nssdb）已信任此证书',
    );
    expect(execFileSync('certutil', ['-L', '-d', `sql:${other}/.pki/nssdb`]).toString()).toMatch(
      /twelve-points localhost\s+P,,/,
    );
  }, 120_000);

  it('twelve serve --trust trusts it for this user; the next start says so; Chromium opens the page without a certificate error', async () => {
    const step = trustStep(home);
    expect(step.out).toContain(
      '证书信任：本用户的 Chromium/Chrome（NSS 证书库 ~/.pki/nssdb）已信任此证书',
    );
    expect(step.code).toBe(0);
    const server = await serve(home);
    running.push(server);
    expect(server.out).toContain('已信任此证书');
    expect(server.out).not.toContain('尚未信任');

    const localhost = `https://localhost:${server.port}/`;
    const trusted = await openInChromium(home, localhost);
    expect(trusted.error).toBeNull();
    expect(trusted.status).toBe(200);
    expect(trusted.issuer).toBe('twelve-points localhost');
    // The same page in a Chromium whose user never ran the step: refused. The proof above is the
    // NSS entry, not a browser that accepts anything.
    const stranger = freshHome();
    makeNssDb(stranger);
    const refused = await openInChromium(stranger, localhost);
    expect(refused.error).toMatch(/ERR_CERT_AUTHORITY_INVALID/);
    await stop(server);
  }, 180_000);

  it('without certutil it says to install libnss3-tools', async () => {
    const server = await serve(home, { PATH: path.join(SCRATCH, 'no-tools') });
    running.push(server);
    await stop(server);
    expect(server.out).toContain('无法检查本用户的 Chromium/Chrome');
    expect(server.out).toContain('sudo apt install libnss3-tools');
  }, 60_000);

  async function serveOnce(h: string) {
    const server = await serve(h);
    running.push(server);
    await stop(server);
    return server;
  }
});

describe('a certificate made by an older version (a CA) is replaced on start', () => {
  it('says so in Chinese, writes a leaf, and tells how to remove the old one', async () => {
    const home = freshHome();
    const folder = path.join(home, '.config', 'twelve-points');
    mkdirSync(folder, { recursive: true });
    const old = await oldStyleCa();
    writeFileSync(path.join(folder, 'localhost-cert.pem'), old.cert);
    writeFileSync(path.join(folder, 'localhost-key.pem'), old.key);
    const oldThumbprint = new X509Certificate(old.cert).fingerprint;

    const server = await serve(home);
    await stop(server);
    expect(server.out).toContain(
      `旧版本生成的本机证书是可以签发其他证书的根证书（CA），不够安全，已换成新的本机证书 ${path.join(folder, 'localhost-cert.pem')}`,
    );
    expect(server.out).toContain('若曾按旧版本的提示信任过旧证书（根证书），请删除它：');
    const now = new X509Certificate(readFileSync(path.join(folder, 'localhost-cert.pem')));
    expect(now.ca).toBe(false);
    expect(now.fingerprint).not.toBe(oldThumbprint);
    // The next load keeps the new one and says nothing more about it.
    const again = await loadCertificate({ configFolder: folder, home });
    expect(new X509Certificate(again.cert).fingerprint).toBe(now.fingerprint);
    expect(again.notes).toEqual([]);
  }, 120_000);

  it('the Windows and macOS removal lines name the old certificate by its thumbprint', async () => {
    const folder = path.join(freshHome(), 'cfg');
    mkdirSync(folder);
    const old = await oldStyleCa();
    writeFileSync(path.join(folder, 'localhost-cert.pem'), old.cert);
    writeFileSync(path.join(folder, 'localhost-key.pem'), old.key);
    const thumbprint = new X509Certificate(old.cert).fingerprint.replaceAll(':', '');
    const certificate = await loadCertificate({ configFolder: folder, home: folder });
    expect(certificate.replacedCa).toBe(thumbprint);
    // Windows' certutil.exe and macOS' security are not on this machine: the calls are recorded
    // and answered "not in the store", to read what the clerk there is told.
    const calls: string[][] = [];
    const notThere = async (file: string, args: string[]) => (calls.push([file, ...args]), 1);
    const windows = await checkTrust(certificate, {
      platform: 'win32',
      home: folder,
      run: notThere,
    });
    expect(windows.lines.join('\n')).toContain(`certutil -user -delstore Root ${thumbprint}`);
    const mac = await checkTrust(certificate, { platform: 'darwin', home: folder, run: notThere });
    expect(mac.lines.join('\n')).toContain(`security delete-certificate -Z ${thumbprint}`);
    expect(calls).toHaveLength(2);
  });
});

describe('the trust step on Windows and macOS, as told and as run', () => {
  // No Windows or Mac here: this reads the commands the clerk is given and the ones --trust runs,
  // with the tools' answers recorded. That those stores then trust the certificate is not proved
  // here (Linux's is, above, with a real Chromium).
  it('Windows: checked in the user Root store by thumbprint, added with certutil -user -addstore Root', async () => {
    const folder = path.join(freshHome(), 'cfg');
    const certificate = await loadCertificate({ configFolder: folder, home: folder });
    const thumbprint = new X509Certificate(certificate.cert).fingerprint.replaceAll(':', '');
    const calls: string[][] = [];
    const inStore = new Set<string>();
    const windows = async (file: string, args: string[]) => {
      calls.push([file, ...args]);
      if (args[1] === '-addstore') return (inStore.add(thumbprint), 0);
      return inStore.has(args[3]!) ? 0 : 1;
    };
    const before = await checkTrust(certificate, { platform: 'win32', home: folder, run: windows });
    expect(before.trusted).toBe(false);
    expect(before.lines).toContain(
      `  certutil -user -addstore Root "${path.join(folder, 'localhost-cert.pem')}"`,
    );
    const after = await trustHere(certificate, { platform: 'win32', home: folder, run: windows });
    expect(after.lines).toEqual([
      '证书信任：Windows（本用户的 Edge、Chrome 和 Excel 加载项）已信任此证书',
    ]);
    expect(calls).toEqual([
      ['certutil', '-user', '-verifystore', 'Root', thumbprint],
      ['certutil', '-user', '-addstore', 'Root', path.join(folder, 'localhost-cert.pem')],
      ['certutil', '-user', '-verifystore', 'Root', thumbprint],
    ]);
  });

  it('macOS: verify-cert for SSL, add-trusted-cert into the login keychain', async () => {
    const folder = path.join(freshHome(), 'cfg');
    const certificate = await loadCertificate({ configFolder: folder, home: folder });
    const file = path.join(folder, 'localhost-cert.pem');
    const calls: string[][] = [];
    const mac = async (tool: string, args: string[]) => (calls.push([tool, ...args]), 1);
    const report = await checkTrust(certificate, {
      platform: 'darwin',
      home: '/Users/clerk',
      run: mac,
    });
    expect(report.lines).toContain(
      `  security add-trusted-cert -r trustRoot -p ssl -k ~/Library/Keychains/login.keychain-db ${file}`,
    );
    expect(calls).toEqual([['security', 'verify-cert', '-c', file, '-p', 'ssl']]);
    await expect(
      trustHere(certificate, { platform: 'darwin', home: '/Users/clerk', run: mac }),
    ).rejects.toThrow(/信任证书没有成功/);
    expect(calls[1]).toEqual([
      'security',
      'add-trusted-cert',
      '-r',
      'trustRoot',
      '-p',
      'ssl',
      '-k',
      '/Users/clerk/Library/Keychains/login.keychain-db',
      file,
    ]);
  });
});

describe('the certificate made here', () => {
  it('is a leaf (CA:false) for localhost, 127.0.0.1 and ::1 only, valid under 825 days', async () => {
    const x509 = new X509Certificate((await makeLocalhostCertificate()).cert);
    expect(x509.ca).toBe(false);
    expect(x509.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.checkHost('example.com')).toBeUndefined();
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    const days = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000;
    expect(days).toBeLessThan(825);
    // openssl's reading: not a CA, and cannot sign certificates.
    const text = execFileSync('openssl', ['x509', '-noout', '-text'], {
      input: x509.toString(),
    }).toString();
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\n/);
  });

  it('is made anew 30 days before it expires', async () => {
    const folder = path.join(freshHome(), 'cfg');
    const first = await loadCertificate({ configFolder: folder, home: folder });
    const soon = new Date(Date.parse(new X509Certificate(first.cert).validTo) - 10 * 86_400_000);
    const renewed = await loadCertificate({ configFolder: folder, home: folder, now: soon });
    expect(renewed.notes[0]).toMatch(/^本机证书 \d{4}-\d{2}-\d{2} 到期，已换成新的本机证书 /);
    expect(renewed.cert).not.toBe(first.cert);
  });
});

describe('TLS on the HTTPS port', () => {
  let server: TestServer;
  let rsa: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ https: true });
    rsa = await startTestServer({ https: true, certificate: await rsaCertificate() });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rsa?.close();
  });

  const port = (s: TestServer) => Number(new URL(s.url).port);

  function handshake(
    s: TestServer,
    options: tls.ConnectionOptions,
  ): Promise<{ ok: true; cipher: string; protocol: string } | { ok: false; error: string }> {
    return new Promise((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: port(s),
        servername: 'localhost',
        rejectUnauthorized: false,
        ...options,
      });
      socket.once('secureConnect', () => {
        resolve({ ok: true, cipher: socket.getCipher().name, protocol: socket.getProtocol()! });
        socket.end();
      });
      socket.once('error', (error) => resolve({ ok: false, error: error.message }));
    });
  }

  it('refuses CBC-SHA1 suites in TLS 1.2 (ECDSA and RSA certificates)', async () => {
    for (const cipher of [
      'ECDHE-ECDSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-SHA',
      'ECDHE-ECDSA-AES128-SHA256',
    ])
      expect(await handshake(server, { ciphers: cipher, maxVersion: 'TLSv1.2' })).toMatchObject({
        ok: false,
      });
    for (const cipher of ['ECDHE-RSA-AES128-SHA', 'AES128-SHA', 'ECDHE-RSA-AES256-SHA'])
      expect(await handshake(rsa, { ciphers: cipher, maxVersion: 'TLSv1.2' })).toMatchObject({
        ok: false,
      });
  });

  it('accepts TLS 1.3 and TLS 1.2 with ECDHE and AES-GCM', async () => {
    expect(await handshake(server, {})).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
    expect(await handshake(server, { maxVersion: 'TLSv1.2' })).toMatchObject({
      ok: true,
      protocol: 'TLSv1.2',
      cipher: 'ECDHE-ECDSA-AES128-GCM-SHA256',
    });
    expect(await handshake(rsa, { maxVersion: 'TLSv1.2' })).toMatchObject({
      ok: true,
      cipher: 'ECDHE-RSA-AES128-GCM-SHA256',
    });
  });

  /** Writes `request` on a plain TCP socket and reads all that comes back. */
  function raw(s: TestServer, request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port(s), '127.0.0.1', () => socket.write(request));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.once('end', () => resolve(text));
      socket.once('error', reject);
    });
  }

  it('answers http:// with a redirect to https:// and a Chinese page, never an empty reply', async () => {
    const p = port(server);
    const reply = await raw(
      server,
      `GET /manifest.xml?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 307 /);
    expect(reply).toContain(`location: https://127.0.0.1:${p}/manifest.xml?x=1`);
    expect(reply).toContain('content-type: text/plain; charset=utf-8');
    expect(reply).toContain(
      `此端口只接受加密连接（HTTPS）。请改用 https://127.0.0.1:${p}/manifest.xml?x=1 打开。`,
    );
    // A browser that follows the redirect lands on the page over TLS.
    const followed = await server.request('GET', '/manifest.xml');
    expect(followed.status).toBe(200);
  });

  it('answers a request with no usable Host, or that is not HTTP at all, with a Chinese 400', async () => {
    const noHost = await raw(server, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/^HTTP\/1\.1 400 /);
    expect(noHost).toContain('请把地址开头的 http:// 改成 https://');
    const badHost = await raw(server, 'GET / HTTP/1.1\r\nHost: evil.example/"><script>\r\n\r\n');
    expect(badHost).toMatch(/^HTTP\/1\.1 400 /);
    const garbage = await raw(server, 'hello there\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('此端口只接受加密连接（HTTPS）');
    // And TLS still works after all that.
    expect((await server.request('GET', '/manifest.xml')).status).toBe(200);
  });
});

describe('stopping the HTTPS server', () => {
  it('does not wait for a connection that never sent a byte', async () => {
    const server = await startTestServer({ https: true });
    const silent = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));
    const closedBy = new Promise((resolve) => silent.once('close', resolve));
    const started = Date.now();
    await server.close();
    await closedBy;
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

/** What versions before this one made: a CA without name constraints. */
async function oldStyleCa() {
  const pems = await generate([{ name: 'commonName', value: 'twelve-points localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** An RSA certificate, as an admin's --cert might be. */
async function rsaCertificate() {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
