// The server's certificate: one given (--cert/--key), else the Office add-in development
// certificate where installed, else one made here and kept in the user's config folder; and the
// TLS settings every one of them is served with.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import { generate } from 'selfsigned';
import { UsageError } from '../command.js';
import { configDir } from './config-dir.js';

export interface Certificate {
  key: string;
  cert: string;
  /** Where it came from, for the start-up line. */
  source: string;
  /** The file it was read from (null when handed in by a test). */
  certFile: string | null;
  /**
   * The file this user adds to a trust store so browsers accept the certificate: the certificate
   * itself when it is self-signed, the Office development CA for the Office certificate; null for
   * one a CA issued (its issuer decides) or one handed in by a test.
   */
  trustFile: string | null;
  /** What loading did that the clerk should know (made, replaced, renewed): Chinese lines. */
  notes: string[];
  /** The SHA-1 thumbprint of a CA made by an older version that was replaced just now. */
  replacedCa?: string;
}

/** The subject (and NSS nickname) of the certificate made here: what a clerk sees in a store. */
export const OWN_CERTIFICATE_NAME = 'twelve-points localhost';

/** A certificate made here is replaced this long before it expires. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/**
 * Where the certificate made here lives: the user's config folder, named the same on every OS,
 * so an installer (安装Excel加载项.cmd) can find it: %APPDATA%\twelve-points\localhost-cert.pem.
 */
export function ownCertificateFiles(folder: string = configDir()) {
  return {
    cert: path.join(folder, 'localhost-cert.pem'),
    key: path.join(folder, 'localhost-key.pem'),
  };
}

/**
 * TLS 1.2 and 1.3 only; in TLS 1.2 only forward-secret AEAD suites (no CBC, no SHA-1 MACs, no RSA
 * key exchange). ECDSA suites serve the certificate made here, RSA ones a given RSA certificate.
 * The TLS 1.3 suites are named so they stay on whatever Node's default list becomes.
 */
export const TLS_SETTINGS: Pick<TlsOptions, 'minVersion' | 'ciphers' | 'honorCipherOrder'> = {
  minVersion: 'TLSv1.2',
  honorCipherOrder: true,
  ciphers: [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-CHACHA20-POLY1305',
  ].join(':'),
};

/** What the HTTPS server is created with. */
export function tlsServerOptions(certificate: {
  key: string;
  cert: string;
}): SecureContextOptions & TlsOptions & { key: string; cert: string } {
  return { key: certificate.key, cert: certificate.cert, ...TLS_SETTINGS };
}

export async function loadCertificate(options: {
  cert?: string;
  key?: string;
  home?: string;
  configFolder?: string;
  now?: Date;
}): Promise<Certificate> {
  if (options.cert || options.key) {
    if (!options.cert || !options.key)
      throw new UsageError('--cert 与 --key 须一起给出（证书文件和私钥文件）');
    const cert = readPem(options.cert, '--cert');
    return {
      cert,
      key: readPem(options.key, '--key'),
      source: options.cert,
      certFile: options.cert,
      trustFile: isSelfSigned(cert) ? options.cert : null,
      notes: [],
    };
  }
  const dev = path.join(options.home ?? homedir(), '.office-addin-dev-certs');
  const devCert = path.join(dev, 'localhost.crt');
  const devKey = path.join(dev, 'localhost.key');
  const devCa = path.join(dev, 'ca.crt');
  if (existsSync(devCert) && existsSync(devKey))
    return {
      cert: readPem(devCert, devCert),
      key: readPem(devKey, devKey),
      source: `${devCert}（Office 加载项开发证书）`,
      certFile: devCert,
      trustFile: existsSync(devCa) ? devCa : null,
      notes: [],
    };
  return loadOwnCertificate(options.configFolder ?? configDir(), options.now ?? new Date());
}

/** The certificate made here: made on first run, and made anew when the one kept is unfit. */
async function loadOwnCertificate(folder: string, now: Date): Promise<Certificate> {
  const files = ownCertificateFiles(folder);
  const kept = readOwn(files.cert, files.key);
  const unfit = kept && whyReplace(kept, now);
  if (kept && !unfit)
    return { ...kept, source: files.cert, certFile: files.cert, trustFile: files.cert, notes: [] };
  const replacedCa = unfit && unfit.ca ? unfit.ca : undefined;
  const made = await makeLocalhostCertificate({ now });
  mkdirSync(folder, { recursive: true });
  writeFileSync(files.key, made.key, { mode: 0o600 });
  // An older key file keeps its old mode through a rewrite: the key is the owner's only.
  chmodSync(files.key, 0o600);
  writeFileSync(files.cert, made.cert);
  const note = unfit
    ? `${unfit.reason}，已换成新的本机证书 ${files.cert}`
    : `已生成本机证书 ${files.cert}`;
  const loaded = { source: files.cert, certFile: files.cert, trustFile: files.cert };
  return { ...made, ...loaded, notes: [note], replacedCa };
}

function readOwn(certFile: string, keyFile: string): { key: string; cert: string } | null {
  if (!existsSync(certFile) || !existsSync(keyFile)) return null;
  try {
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } catch {
    return null;
  }
}

/**
 * Why a kept certificate made here must be replaced (a Chinese clause), or null when it is fit;
 * with the thumbprint of an old CA, which the clerk should also remove from the trust store.
 */
function whyReplace(
  pems: { key: string; cert: string },
  now: Date,
): { reason: string; ca?: string } | null {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pems.cert);
    if (!x509.checkPrivateKey(createPrivateKey(pems.key)))
      return { reason: '本机证书与私钥不配对（上次写入可能中断）' };
  } catch {
    return { reason: '本机证书或私钥文件已损坏' };
  }
  // Older versions made a CA without name constraints here: once trusted, its key could vouch for
  // any site. A leaf vouches only for this computer.
  if (x509.ca)
    return {
      reason: '旧版本生成的本机证书是可以签发其他证书的根证书（CA），不够安全',
      ca: x509.fingerprint.replaceAll(':', ''),
    };
  const validTo = new Date(x509.validTo);
  if (validTo.getTime() - now.getTime() < RENEW_BEFORE_MS)
    return { reason: `本机证书 ${validTo.toISOString().slice(0, 10)} 到期` };
  return null;
}

/**
 * A certificate for this computer only (localhost, 127.0.0.1, ::1), signed by itself and unable to
 * sign others (a leaf, CA:false): trusting it trusts this server and nothing else. Two years, under
 * the 825 days Apple accepts for a server certificate; valid from a day back for a slow clock.
 */
export async function makeLocalhostCertificate(
  options: { now?: Date; names?: string[]; ips?: string[] } = {},
): Promise<{ key: string; cert: string }> {
  const now = options.now ?? new Date();
  const notBeforeDate = new Date(now.getTime() - 24 * 3600 * 1000);
  const notAfterDate = new Date(now);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 2);
  const pems = await generate([{ name: 'commonName', value: OWN_CERTIFICATE_NAME }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...(options.names ?? ['localhost']).map((value) => ({ type: 2 as const, value })),
          ...(options.ips ?? ['127.0.0.1', '::1']).map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function isSelfSigned(pem: string): boolean {
  try {
    const x509 = new X509Certificate(pem);
    return x509.checkIssued(x509) && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
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
