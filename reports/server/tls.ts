// The server's certificate: one given (--cert/--key), else the Office add-in development
// certificate where installed, else one made on first run and kept in the user's config folder.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { UsageError } from '../command.js';
import { configDir } from './config-dir.js';

export interface Certificate {
  key: string;
  cert: string;
  /** Where it came from, for the start-up line. */
  source: string;
  /** Set when the certificate was made just now: how to make this machine trust it. */
  trustHint: string | null;
}

export async function loadCertificate(options: {
  cert?: string;
  key?: string;
  home?: string;
  configFolder?: string;
}): Promise<Certificate> {
  if (options.cert || options.key) {
    if (!options.cert || !options.key)
      throw new UsageError('--cert 与 --key 须一起给出（证书文件和私钥文件）');
    return {
      cert: readPem(options.cert, '--cert'),
      key: readPem(options.key, '--key'),
      source: options.cert,
      trustHint: null,
    };
  }
  const dev = path.join(options.home ?? homedir(), '.office-addin-dev-certs');
  const devCert = path.join(dev, 'localhost.crt');
  const devKey = path.join(dev, 'localhost.key');
  if (existsSync(devCert) && existsSync(devKey))
    return {
      cert: readPem(devCert, devCert),
      key: readPem(devKey, devKey),
      source: `${devCert}（Office 加载项开发证书）`,
      trustHint: null,
    };
  const dir = options.configFolder ?? configDir();
  const certFile = path.join(dir, 'localhost-cert.pem');
  const keyFile = path.join(dir, 'localhost-key.pem');
  if (existsSync(certFile) && existsSync(keyFile))
    return {
      cert: readPem(certFile, certFile),
      key: readPem(keyFile, keyFile),
      source: certFile,
      trustHint: null,
    };
  const made = await makeLocalhostCertificate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, made.key, { mode: 0o600 });
  writeFileSync(certFile, made.cert);
  return { ...made, source: `${certFile}（首次运行时生成）`, trustHint: trustCommand(certFile) };
}

/** A certificate for localhost and 127.0.0.1 that is its own CA, valid for two years. */
export async function makeLocalhostCertificate(
  names: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1', '::1'],
): Promise<{ key: string; cert: string }> {
  const notAfterDate = new Date();
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 2);
  const pems = await generate([{ name: 'commonName', value: 'twelve-points localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export function trustCommand(certFile: string, platform = process.platform): string {
  if (platform === 'win32') return `certutil -user -addstore Root "${certFile}"`;
  if (platform === 'darwin')
    return `security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${certFile}"`;
  return `sudo cp "${certFile}" /usr/local/share/ca-certificates/twelve-points-localhost.crt && sudo update-ca-certificates`;
}

function readPem(file: string, option: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`读不到 ${option} 指定的文件"${file}"：请检查路径`);
  }
  if (!text.includes('-----BEGIN '))
    throw new UsageError(`${option} 指定的文件"${file}"不是 PEM 格式的证书或私钥`);
  return text;
}
