// `twelve serve`: the add-in's host and the report service, with the web page 工作台.
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { parseCommandArgs, UsageError, type Io } from '../command.js';
import { serve as declared } from '../usage/serve.js';
import { PROJECT_ROOT } from '../paths.js';
import { runEndActions } from '../run-end.js';
import { startServer } from '../server/start.js';
import { loadCertificate } from '../server/tls.js';
import { checkTrust, trustHere } from '../server/trust.js';
import { secretFileWarnings } from '../server/secret-files.js';
import { loadUnits } from '../server/units.js';

const MB = 1024 * 1024;

export async function runServe(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, declared.options);
  if (positionals.length > 0)
    throw new UsageError(
      `twelve serve 不读台账文件（收到"${positionals[0]}"）：台账在网页上选择或上传`,
    );
  if (values.trust) {
    // Trusts the certificate for this user, says so, and stops: an installer runs it before any
    // server has, and the clerk starts the server as usual after.
    if (values.http) throw new UsageError('--trust 与 --http 不能同时使用：HTTP 没有证书');
    const certificate = await loadCertificate({ cert: values.cert, key: values.key });
    for (const note of certificate.notes) io.out.write(note + '\n');
    const report = await trustHere(certificate);
    io.out.write(`证书：${certificate.source}\n` + report.lines.join('\n') + '\n');
    return report.trusted === false ? 2 : 0;
  }
  const port = integer(values.port, 3000, '--port', 0, 65535);
  const host = values.host ?? '127.0.0.1';
  const token = values.token ?? process.env.TWELVE_TOKEN ?? null;
  if (values['public-url'] && !/^https?:\/\/[^/]+/.test(values['public-url']))
    throw new UsageError(
      `--public-url 应如 https://twelve.example.gov.cn，收到"${values['public-url']}"`,
    );
  const server = await startServer({
    port,
    host,
    http: Boolean(values.http),
    cert: values.cert,
    key: values.key,
    token,
    units: values.units ? loadUnits(values.units) : null,
    ttlMs: duration(values.ttl, 3600, '--ttl') * 1000,
    bodyLimit: integer(values['body-limit'], 50, '--body-limit', 1, 2048) * MB,
    deadlineMs: duration(values.deadline, 600, '--deadline') * 1000,
    maxQueued: integer(values.queue, 50, '--queue', 1, 10000),
    stateDir: values.state,
    smtpConfigFile: values['smtp-config'],
    publicUrl: values['public-url'],
    log: (line) => io.err.write(line + '\n'),
  });
  const cert = server.certificate;
  // Every start, not only the first: whether this user's browsers trust the certificate.
  const trust = cert ? await checkTrust(cert) : null;
  io.out.write(
    `十二分制服务已启动：${server.url}/\n` +
      `  工作台（网页）：${server.url}/\n` +
      `  加载项清单：${server.url}/manifest.xml（管理员据此部署或旁加载）\n` +
      (cert
        ? [...cert.notes, `证书：${cert.source}`, ...trust!.lines].map((l) => `  ${l}\n`).join('')
        : '  HTTP（未加密，仅限本机）\n') +
      (token || values.units
        ? '  调用须带令牌（Authorization: Bearer …）\n'
        : '  仅本机可访问，无需令牌\n') +
      '按 Ctrl+C 停止。\n',
  );
  for (const [dir, what, build] of [
    ['web', '网页工作台', 'build:web'],
    ['addin', '加载项', 'build:addin'],
  ])
    if (!existsSync(path.join(PROJECT_ROOT, dir, 'dist')))
      io.out.write(`注意：${what}尚未构建，请在项目文件夹运行 npm run ${build} 后重启\n`);
  for (const line of secretFileWarnings([
    ...(values.units
      ? [{ file: values.units, what: '单位文件', holds: '各单位的令牌和邮箱密码' }]
      : []),
    ...(values.key ? [{ file: values.key, what: '私钥文件', holds: 'HTTPS 证书的私钥' }] : []),
  ]))
    io.err.write(line + '\n');
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      // Still listening while the server closes: run-end.ts's handler sees this one and
      // leaves the exit to it, so every job folder is gone before the process ends.
      if (stopping) {
        // A second Ctrl+C: no more waiting, but nothing left behind either.
        runEndActions();
        process.exit(128 + (constants.signals[signal] ?? 0));
      }
      stopping = true;
      io.out.write('正在停止…\n');
      void server.close().then(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function integer(
  value: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} 的值"${value}"无效，应为 ${min} 到 ${max} 的整数`);
  return n;
}

/** Seconds, or with a unit: 90s, 30m, 2h. */
function duration(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const m = /^(\d+)\s*(s|m|h)?$/i.exec(value.trim());
  if (!m || Number(m[1]) === 0)
    throw new UsageError(`${name} 的值"${value}"无效，应如 3600、30m 或 1h`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[(m[2] ?? 's').toLowerCase() as 's' | 'm' | 'h'];
}
