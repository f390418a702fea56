// Files the server reads secrets from (the units file with its tokens and mail passwords, the
// TLS private key): one that anyone on the machine can read is worth a word at every start.
import { statSync } from 'node:fs';

export interface SecretFile {
  file: string;
  /** What it is, and what it holds: 单位文件 / 令牌和邮箱密码. */
  what: string;
  holds: string;
}

/** A Chinese line for each file others may read; none on Windows, where mode bits say nothing. */
export function secretFileWarnings(files: SecretFile[], platform = process.platform): string[] {
  if (platform === 'win32') return [];
  const lines: string[] = [];
  for (const { file, what, holds } of files) {
    let mode: number;
    try {
      mode = statSync(file).mode;
    } catch {
      continue;
    }
    if (mode & 0o004)
      lines.push(
        `注意：${what}"${file}"本机任何用户都能读取（权限 ${(mode & 0o777).toString(8)}），其中有${holds}；请执行 chmod 600 "${file}"`,
      );
  }
  return lines;
}
