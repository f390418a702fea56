// The launcher behind the download's double-click scripts (启动/停止十二分制.cmd,
// 安装/卸载Excel加载项.cmd) and the Linux desktop entry: starts `twelve serve` for this PC in
// the background (or finds it running), opens the 工作台, stops it, and registers the add-in
// for this user. Bundled to app/launch.mjs beside app/twelve.mjs; every message is printed here,
// in Chinese, so the .cmd files stay plain ASCII and need no code page.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { configDir } from '../reports/server/config-dir.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const APP = path.join(ROOT, 'app', 'twelve.mjs');
const DEFAULT_PORT = 3000;
const START_TIMEOUT_MS = 30_000;
/** The EdgeHTML webview of Office on Windows 10; it may not reach localhost without this. */
const WEBVIEW_PACKAGE = 'microsoft.win32webviewhost_cw5n1h2txyewy';
const WEF_DEVELOPER = 'HKCU\\SOFTWARE\\Microsoft\\Office\\16.0\\WEF\\Developer';

interface Running {
  pid: number;
  port: number;
}
interface AddinRecord {
  manifestId: string;
  certSerial: string | null;
  loopbackAdded: boolean;
}

const state = (name: string) => path.join(configDir(), name);
const say = (line: string) => process.stdout.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const open = !rest.includes('--no-open');
  const portArg = rest.find((a) => /^--port=\d+$/.test(a));
  const port = portArg ? Number(portArg.slice(7)) : DEFAULT_PORT;
  switch (command) {
    case 'start':
      return start(port, open);
    case 'stop':
      return stop();
    case 'install-addin':
      return installAddin(port);
    case 'uninstall-addin':
      return uninstallAddin();
    default:
      say('用法：launch.mjs start|stop|install-addin|uninstall-addin [--port=3000] [--no-open]');
      return 2;
  }
}

async function start(port: number, open: boolean): Promise<number> {
  const url = `https://localhost:${port}/`;
  if (await answers(port)) {
    say(`十二分制服务已在运行：${url}`);
  } else {
    const began = Date.now();
    mkdirSync(configDir(), { recursive: true });
    const log = openSync(state('serve.log'), 'a');
    const child = spawn(process.execPath, [APP, 'serve', '--port', String(port)], {
      cwd: ROOT,
      detached: true,
      windowsHide: true,
      stdio: ['ignore', log, log],
    });
    child.unref();
    closeSync(log);
    writeFileSync(
      state('serve.pid'),
      JSON.stringify({ pid: child.pid ?? 0, port } satisfies Running),
    );
    say('正在启动十二分制服务…');
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() - began > START_TIMEOUT_MS) {
        say(`服务没有启动起来。详情见日志：${state('serve.log')}`);
        return 1;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    say(`十二分制服务已启动（${((Date.now() - began) / 1000).toFixed(1)} 秒）：${url}`);
  }
  if (open) openInBrowser(url);
  return 0;
}

function stop(): number {
  const running = readRunning();
  if (!running) {
    say('十二分制服务没有在运行（本机没有由启动脚本开启的服务）。');
    return 0;
  }
  try {
    process.kill(running.pid);
    say('十二分制服务已停止。');
  } catch {
    say('十二分制服务已不在运行。');
  }
  rmSync(state('serve.pid'), { force: true });
  return 0;
}

async function installAddin(port: number): Promise<number> {
  if ((await start(port, false)) !== 0) return 1;
  const manifestPath = state('manifest.xml');
  const manifest = await fetchText(port, '/manifest.xml');
  writeFileSync(manifestPath, manifest);
  const manifestId = /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1];
  if (!manifestId) {
    say('服务返回的加载项清单没有 <Id>，无法注册。');
    return 1;
  }
  const reg = run('reg', [
    'add',
    WEF_DEVELOPER,
    '/v',
    manifestId,
    '/t',
    'REG_SZ',
    '/d',
    manifestPath,
    '/f',
  ]);
  say(reg.ok ? `✓ 已为本用户注册加载项清单：${manifestPath}` : `✗ 注册加载项失败：${reg.text}`);

  const cert = await serverRootCertificate(port);
  const certFile = state('localhost-root.cer');
  writeFileSync(certFile, cert.raw);
  const trust = run('certutil', ['-user', '-addstore', 'Root', certFile]);
  say(
    trust.ok
      ? '✓ 本用户已信任本机服务的证书（浏览器和 Excel 不再提示不安全）'
      : `✗ 信任证书失败：${trust.text}\n  可手动执行：certutil -user -addstore Root "${certFile}"`,
  );

  const listed = run('CheckNetIsolation', ['LoopbackExempt', '-s']);
  const already = listed.ok && listed.text.toLowerCase().includes(WEBVIEW_PACKAGE);
  let loopbackAdded = false;
  if (!already) {
    const loop = run('CheckNetIsolation', ['LoopbackExempt', '-a', `-n=${WEBVIEW_PACKAGE}`]);
    loopbackAdded = loop.ok;
    say(
      loop.ok
        ? '✓ 已允许 Office 的网页视图访问本机服务'
        : `提示：未能设置本机访问例外（${loop.text}）。Office 2016/2019 一般不需要；` +
            `若加载项显示"无法访问"，请用管理员身份再运行本脚本。`,
    );
  }
  writeFileSync(
    state('addin-install.json'),
    JSON.stringify({
      manifestId,
      certSerial: trust.ok ? cert.serialNumber : null,
      loopbackAdded,
    } satisfies AddinRecord),
  );
  if (reg.ok)
    say(
      '完成。请重新打开 Excel，在"插入 → 我的加载项 → 共享文件夹/开发人员加载项"中选择"十二分制"。',
    );
  return reg.ok ? 0 : 1;
}

function uninstallAddin(): number {
  const file = state('addin-install.json');
  if (!existsSync(file)) {
    say('本用户没有用安装脚本注册过加载项，无需卸载。');
    return 0;
  }
  const record = JSON.parse(readFileSync(file, 'utf8')) as AddinRecord;
  const reg = run('reg', ['delete', WEF_DEVELOPER, '/v', record.manifestId, '/f']);
  say(reg.ok ? '✓ 已取消加载项注册' : `✗ 取消注册失败：${reg.text}`);
  if (record.certSerial) {
    const cert = run('certutil', ['-user', '-delstore', 'Root', record.certSerial]);
    say(cert.ok ? '✓ 已移除对本机服务证书的信任' : `✗ 移除证书失败：${cert.text}`);
  }
  if (record.loopbackAdded) {
    const loop = run('CheckNetIsolation', ['LoopbackExempt', '-d', `-n=${WEBVIEW_PACKAGE}`]);
    say(loop.ok ? '✓ 已撤销本机访问例外' : `✗ 撤销本机访问例外失败：${loop.text}`);
  }
  for (const name of ['addin-install.json', 'manifest.xml', 'localhost-root.cer'])
    rmSync(state(name), { force: true });
  return reg.ok ? 0 : 1;
}

function readRunning(): Running | null {
  try {
    return JSON.parse(readFileSync(state('serve.pid'), 'utf8')) as Running;
  } catch {
    return null;
  }
}

/** Whether our server answers on the port: its manifest, not just anything listening. */
async function answers(port: number): Promise<boolean> {
  try {
    return (await fetchText(port, '/manifest.xml')).includes('<OfficeApp');
  } catch {
    return false;
  }
}

function fetchText(port: number, pathname: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Our own server on this PC, possibly before its certificate is trusted.
    const request = https.get(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        headers: { host: `localhost:${port}` },
        port,
        path: pathname,
        rejectUnauthorized: false,
        timeout: 2000,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(body)
            : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

/** The self-signed top of the chain the server presents: what a store must trust. */
function serverRootCertificate(port: number): Promise<tls.DetailedPeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: '127.0.0.1', servername: 'localhost', port, rejectUnauthorized: false },
      () => {
        let cert = socket.getPeerCertificate(true);
        while (cert.issuerCertificate && cert.issuerCertificate !== cert)
          cert = cert.issuerCertificate;
        socket.end();
        resolve(cert);
      },
    );
    socket.on('error', reject);
  });
}

function run(command: string, args: string[]): { ok: boolean; text: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', windowsHide: true });
  if (r.error) return { ok: false, text: `找不到或无法运行 ${command}` };
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return { ok: r.status === 0, text: text || `${command} 退出码 ${r.status}` };
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
      : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => say(`请在浏览器中打开：${url}`));
  child.unref();
  say(`已在浏览器中打开工作台：${url}`);
}

process.exitCode = await main(process.argv.slice(2));
