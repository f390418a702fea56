// What a print or a delivery takes besides its options, so that the CLI and the server's jobs
// call the same functions: where files go, progress, and the browser (browsers.ts chooses it).
import type { CardTemplates } from '../../render/card-html.js';
import type { CardSession } from '../cards/session.js';

/** Opens a card session on the given templates: a browser of its own (CLI) or a shared one. */
export type SessionOpener = (templates: CardTemplates) => Promise<CardSession>;

export interface WorkContext {
  /** The folder the files are written to. */
  outDir: string;
  /** Called as cards are made: done of total. */
  onProgress?: (done: number, total: number) => void;
  /** Where cards are rendered: browsers.ts gives the CLI's and the server's. */
  openSession: SessionOpener;
}

/** How an option is named in a message: `--since` on the command line, `since` in a request. */
export type OptionLabel = (option: string) => string;
export const cliOption: OptionLabel = (option) => `--${option}`;
