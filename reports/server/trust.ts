// Whether this user's browsers trust the server's certificate, and the one step that makes them:
// Windows' user Root store (Edge, Chrome and Excel's web views read it), the NSS database that
// Chromium and Chrome read on Linux (not the system CA folder, which only curl and the like read),
// and the login keychain on macOS. Each OS's commands live here and nowhere else.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../command.js';
import { OWN_CERTIFICATE_NAME, type Certificate } from './tls.js';

export interface TrustContext {
  platform: NodeJS.Platform;
  home: string;
  /** Runs a tool: its exit code, or 'missing'. Tests of another OS's wording record the calls. */
  run?: (file: string, args: string[], interactive: boolean) => Promise<number | 'missing'>;
}

export interface TrustReport {
  /** null when it could not be checked. */
  trusted: boolean | null;
  /** What the clerk reads, in Chinese: the status and, when untrusted, what to run. */
  lines: string[];
}

interface Command {
  file: string;
  args: string[];
  /** As the clerk types it into this OS's shell. */
  shown: string;
}

/** The certificate as one OS's trust store sees it. */
interface Store {
  /** Who trusts what is added there, for the status line. */
  who: string;
  /** What the clerk meets while it is not trusted. */
  meanwhile: string;
  check: Command;
  add: Command[];
  /** The tool a clerk installs when `check` is missing, as a Chinese sentence. */
  missing: string;
}

export function currentContext(): TrustContext {
  return { platform: process.platform, home: homedir() };
}

/** Says whether the certificate is trusted here, and when not, how to make it so. */
export async function checkTrust(
  certificate: Certificate,
  context: TrustContext = currentContext(),
): Promise<TrustReport> {
  const replaced = certificate.replacedCa ? [removeOldCaLine(certificate.replacedCa, context)] : [];
  if (!certificate.trustFile)
    return {
      trusted: null,
      lines: ['证书信任：此证书由签发机构担保，是否受信任取决于本机是否信任该机构（未检查）'],
    };
  const store = storeFor(certificate.trustFile, certificate.certFile, context);
  const result = await (context.run ?? run)(store.check.file, store.check.args, false);
  const said = verdict(result, store);
  return { trusted: said.trusted, lines: [...said.lines, ...replaced] };
}

function verdict(result: number | 'missing', store: Store): TrustReport {
  if (result === 'missing')
    return {
      trusted: null,
      lines: [`证书信任：无法检查${store.who}是否信任此证书：${store.missing}`],
    };
  if (result === 0) return { trusted: true, lines: [`证书信任：${store.who}已信任此证书`] };
  return {
    trusted: false,
    lines: [
      `证书信任：${store.who}尚未信任此证书，${store.meanwhile}。`,
      `  请运行一次 twelve serve --trust（只为当前用户信任本机证书），或执行：`,
      ...store.add.map((c) => `  ${c.shown}`),
    ],
  };
}

/** `twelve serve --trust`: adds the certificate to this user's store, then checks again. */
export async function trustHere(
  certificate: Certificate,
  context: TrustContext = currentContext(),
): Promise<TrustReport> {
  if (!certificate.trustFile)
    throw new UsageError(
      '--trust 只用于自签名证书（本机生成的、Office 开发证书或自签名的 --cert）；此证书由签发机构担保，请让本机信任该机构',
    );
  const store = storeFor(certificate.trustFile, certificate.certFile, context);
  if (context.platform !== 'win32' && context.platform !== 'darwin')
    mkdirSync(nssFolder(context.home), { recursive: true });
  for (const step of store.add) {
    const result = await (context.run ?? run)(step.file, step.args, true);
    if (result === 'missing') throw new UsageError(store.missing);
    if (result !== 0) throw new UsageError(`信任证书没有成功（${step.shown} 退出码 ${result}）`);
  }
  return checkTrust(certificate, context);
}

/** `trustFile` goes into the store; `servedFile` (the certificate the server shows) is checked. */
function storeFor(trustFile: string, servedFile: string | null, context: TrustContext): Store {
  const checked = servedFile ?? trustFile;
  const x509 = new X509Certificate(readFileSync(trustFile));
  const file = quote(trustFile, context.platform);
  if (context.platform === 'win32') {
    const thumbprint = x509.fingerprint.replaceAll(':', '');
    return {
      who: 'Windows（本用户的 Edge、Chrome 和 Excel 加载项）',
      meanwhile: '浏览器会提示“连接不是私密连接”，Excel 加载项也打不开',
      check: shell('certutil', ['-user', '-verifystore', 'Root', thumbprint]),
      add: [
        {
          file: 'certutil',
          args: ['-user', '-addstore', 'Root', trustFile],
          shown: `certutil -user -addstore Root ${file}`,
        },
      ],
      missing: '找不到 Windows 自带的 certutil.exe',
    };
  }
  if (context.platform === 'darwin') {
    const keychain = path.join(context.home, 'Library', 'Keychains', 'login.keychain-db');
    return {
      who: 'macOS 登录钥匙串（Safari、Chrome 和 Excel）',
      meanwhile: '浏览器会提示“此连接非私人连接”，Excel 加载项也打不开',
      // The served certificate, not the CA that vouches for it: verify-cert walks to the anchor.
      check: shell('security', ['verify-cert', '-c', checked, '-p', 'ssl']),
      add: [
        {
          file: 'security',
          args: ['add-trusted-cert', '-r', 'trustRoot', '-p', 'ssl', '-k', keychain, trustFile],
          shown: `security add-trusted-cert -r trustRoot -p ssl -k ~/Library/Keychains/login.keychain-db ${file}`,
        },
      ],
      missing: '找不到 macOS 自带的 security 命令',
    };
  }
  const db = `sql:${nssFolder(context.home)}`;
  // A trusted peer ("P") is trusted as this server's certificate and never as an issuer; Chromium
  // refuses a leaf marked as a CA ("C"). The Office development CA is a CA, so "C" for it.
  const flags = x509.ca ? 'C,,' : 'P,,';
  const nickname = x509.subject.split('\n').includes(`CN=${OWN_CERTIFICATE_NAME}`)
    ? OWN_CERTIFICATE_NAME
    : `twelve-points ${path.basename(trustFile)}`;
  return {
    who: '本用户的 Chromium/Chrome（NSS 证书库 ~/.pki/nssdb）',
    meanwhile: '浏览器会提示“您的连接不是私密连接”',
    // NSS's own verdict on the served certificate as an SSL server (-u 1), whatever its nickname:
    // the same one Chromium reaches.
    check: shell('vfychain', ['-d', db, '-u', '1', '-a', checked]),
    add: [
      {
        file: 'certutil',
        args: ['-d', db, '-A', '-t', flags, '-n', nickname, '-i', trustFile],
        shown: `mkdir -p "$HOME/.pki/nssdb" && certutil -d "sql:$HOME/.pki/nssdb" -A -t "${flags}" -n "${nickname}" -i ${file}`,
      },
    ],
    missing:
      '没有 certutil（NSS 工具）。请先安装：sudo apt install libnss3-tools（统信 UOS、麒麟同样适用），再运行 twelve serve --trust',
  };
}

/** The line for a CA made by an older version: it was replaced here, and should leave the store. */
function removeOldCaLine(thumbprint: string, context: TrustContext): string {
  const how =
    context.platform === 'win32'
      ? `certutil -user -delstore Root ${thumbprint}`
      : context.platform === 'darwin'
        ? `security delete-certificate -Z ${thumbprint} ~/Library/Keychains/login.keychain-db`
        : 'sudo rm -f /usr/local/share/ca-certificates/twelve-points-localhost.crt && sudo update-ca-certificates --fresh';
  return `  若曾按旧版本的提示信任过旧证书（根证书），请删除它：${how}`;
}

function nssFolder(home: string): string {
  return path.join(home, '.pki', 'nssdb');
}

/** A check: run, never shown. */
function shell(file: string, args: string[]): Command {
  return { file, args, shown: `${file} ${args.join(' ')}` };
}

function quote(value: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return `"${value}"`;
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Runs a tool: its exit code, or 'missing' when it is not installed. */
function run(file: string, args: string[], interactive: boolean): Promise<number | 'missing'> {
  return new Promise((resolve) => {
    // The add steps may ask the clerk (Windows' confirmation dialog, the macOS password).
    const child = spawn(file, args, {
      stdio: interactive ? 'inherit' : 'ignore',
      windowsHide: !interactive,
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? 'missing' : -1),
    );
    child.once('exit', (code) => resolve(code ?? -1));
  });
}
