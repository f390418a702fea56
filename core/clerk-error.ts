// The one error type for what a clerk (or whoever runs the tool) can fix: a workbook that
// cannot be used, a wrong option, a file that cannot be read or written, a machine without a
// browser or fonts. The message is one Chinese line that says what to fix. The CLI maps every
// ClerkError once (exit 2, the line), the server once (a 4xx with the line, or the job's
// error); anything that is not a ClerkError is a bug of ours.

/** What kind of mistake: the server answers by it, the CLI says the line whatever the kind. */
export type ClerkErrorKind =
  /** What the workbook or an upload holds. */
  | 'input'
  /** A command-line option or a request's field. */
  | 'option'
  /** A file that cannot be read or written, or is not what it should be. */
  | 'file'
  /** No permission to read or write a file or folder. */
  | 'permission'
  /** The disk is full or read-only. */
  | 'disk'
  /** This machine's setup: browser, fonts, templates, mail server settings. */
  | 'setup';

export class ClerkError extends Error {
  constructor(
    message: string,
    readonly kind: ClerkErrorKind = 'input',
  ) {
    super(message);
    this.name = 'ClerkError';
  }
}

/** Thrown only for a workbook that cannot be used at all (no roster, no ledger). */
export class UnusableWorkbookError extends ClerkError {
  constructor(message: string) {
    super(message, 'input');
    this.name = 'UnusableWorkbookError';
  }
}
