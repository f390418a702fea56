// How a command is declared: its name, what it does, its options each with its Chinese
// explanation and an example value, and examples. The option parser (args.ts), the help text
// (help.ts) and the tests read this one declaration; nothing else lists a command's options.
// A declaration file imports nothing heavy: `twelve --help` reads them all.
import type { Command } from '../command.js';

export interface OptionDeclaration {
  type: 'string' | 'boolean';
  /** What the value is, as help shows it: --as-of <日期>. Only for string options. */
  value?: string;
  /** A value as typed, for the "缺少值" message: --as-of 2026-11-24. */
  example?: string;
  /** The explanation in help, with the default where there is one. */
  help: string;
}

export type OptionDeclarations = Record<string, OptionDeclaration>;

export interface CommandDeclaration<O extends OptionDeclarations = OptionDeclarations> {
  name: string;
  /** After `twelve <name>`, as help's first line shows it: [台账.xlsx] [选项]. */
  usage: string;
  /** One line, in the list of commands. */
  summary: string;
  /** More lines for the command's own help, where the summary is not enough. */
  details?: string[];
  options: O;
  examples: { command: string; what: string }[];
  /** The command's code, loaded only when it runs. */
  load: () => Promise<Command>;
}

/** Declares a command, keeping its option names in the type (parsed values are typed). */
export function declareCommand<const O extends OptionDeclarations>(
  declaration: CommandDeclaration<O>,
): CommandDeclaration<O> {
  return declaration;
}
