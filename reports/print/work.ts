// What a command's work takes besides its options, so that the CLI and the server's jobs call the
// same functions: where the workbook comes from, where files go, progress, and the browser.
import type { SheetData } from '../../core/index.js';
import type { CardTemplates } from '../../render/card-html.js';
import { openCardSession, type CardSession } from '../cards/session.js';
import { readWorkbook } from '../read-workbook.js';

/** A workbook file on disk, or sheets already read (an upload, or what the pane read). */
export type WorkbookSource = string | readonly SheetData[];

export async function sheetsOf(source: WorkbookSource): Promise<readonly SheetData[]> {
  return typeof source === 'string' ? readWorkbook(source) : source;
}

/** Opens a card session on the given templates: a browser of its own (CLI) or a shared one. */
export type SessionOpener = (templates: CardTemplates) => Promise<CardSession>;

export interface WorkContext {
  /** The folder the files are written to. */
  outDir: string;
  /** Called as cards are made: done of total. */
  onProgress?: (done: number, total: number) => void;
  /** Default: a browser started for this run and closed after it. */
  openSession?: SessionOpener;
}

export function sessionOpener(context: WorkContext): SessionOpener {
  return context.openSession ?? ((templates) => openCardSession({ templates }));
}

/** How an option is named in a message: `--since` on the command line, `since` in a request. */
export type OptionLabel = (option: string) => string;
export const cliOption: OptionLabel = (option) => `--${option}`;
