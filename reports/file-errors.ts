// What a file-system error means to a clerk, in one Chinese line naming the file. Node's own
// messages (English, with the system call) are never shown.
import { ClerkError, type ClerkErrorKind } from '../core/clerk-error.js';

/** True for errors from the file system (they carry an errno code such as EACCES). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && error instanceof Error;
}

export function fileProblem(error: unknown, file: string, doing: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const verb = doing === 'read' ? '读取' : '写入';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `没有权限${verb}"${file}"：请检查文件或文件夹的权限${doing === 'write' ? '，或换一个输出文件夹' : ''}`;
    case 'EBUSY':
      return `"${file}"正被其他程序占用（如在 Excel 或 PDF 阅读器中打开），请关闭后重试`;
    case 'ENOENT':
      return `找不到"${file}"`;
    case 'ENOTDIR':
      return `"${file}"的路径中有一段是文件而不是文件夹`;
    case 'EISDIR':
      return `"${file}"是一个文件夹，不是文件`;
    case 'EEXIST':
      return `"${file}"已存在`;
    case 'ENOSPC':
      return `磁盘空间不足，无法写入"${file}"`;
    case 'EROFS':
      return `"${file}"所在的磁盘是只读的，无法写入`;
    case 'ENAMETOOLONG':
      return `"${file}"的路径太长`;
    case 'EMFILE':
    case 'ENFILE':
      return `同时打开的文件太多，无法${verb}"${file}"，请稍后重试`;
    default:
      return `无法${verb}"${file}"（系统错误代码 ${code ?? '未知'}）`;
  }
}

/** The file a file-system error is about, as Node reports it. */
export function errorPath(error: NodeJS.ErrnoException & { dest?: string }): string {
  return error.dest ?? error.path ?? '';
}

/** A file the tool could not read or write, told as one Chinese line (exit 2). */
export class FileAccessError extends ClerkError {
  constructor(error: unknown, file: string, doing: 'read' | 'write') {
    super(fileProblem(error, file, doing), fileErrorKind(error));
    this.name = 'FileAccessError';
  }
}

/** Whose fix a file-system error is: permissions, a full or read-only disk, or the file. */
function fileErrorKind(error: unknown): ClerkErrorKind {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EROFS':
      return 'disk';
    default:
      return 'file';
  }
}

/**
 * Any error as the clerk's mistake it is, or null for a bug of ours: a ClerkError as it is, a
 * file-system error (EACCES, ENOSPC…) as a FileAccessError naming its file. The CLI and the
 * server both ask this, once.
 */
export function asClerkError(error: unknown): ClerkError | null {
  if (error instanceof ClerkError) return error;
  if (isFileSystemError(error))
    return new FileAccessError(error, errorPath(error) || '文件', 'write');
  return null;
}
