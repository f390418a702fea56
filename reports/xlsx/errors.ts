// A workbook that cannot be read at all. The message is one plain Chinese line: a library's
// English words or a stack trace never reach a clerk.
import { ClerkError } from '../../core/clerk-error.js';

export class WorkbookFileError extends ClerkError {
  constructor(message: string) {
    super(message, 'file');
    this.name = 'WorkbookFileError';
  }
}

/** Why a file is damaged, in Chinese; `reason` is ours, never a library's text. */
export function damaged(name: string, reason: string): WorkbookFileError {
  return new WorkbookFileError(
    `"${name}"已损坏，无法读取（${reason}）：请用 Excel 打开并修复后另存，或使用备份`,
  );
}

/** A workbook beyond a reading limit (limits.ts): readable in Excel, too big for a ledger. */
export function tooBig(name: string, what: string): WorkbookFileError {
  return new WorkbookFileError(
    `"${name}"${what}，超出台账的合理大小，未读取：请删除多余的行、列或合并单元格后另存`,
  );
}
