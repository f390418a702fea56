// Every command of `twelve`, in the order help lists them. A new command is one file in this
// folder and one line here.
import type { CommandDeclaration } from './declaration.js';
import { county } from './county.js';
import { init } from './init.js';
import { mail } from './mail.js';
import { notices } from './notices.js';
import { quarterly } from './quarterly.js';
import { ranking } from './ranking.js';
import { score } from './score.js';
import { serve } from './serve.js';
import { verify } from './verify.js';

export const COMMANDS: readonly CommandDeclaration[] = [
  score,
  notices,
  quarterly,
  ranking,
  init,
  mail,
  serve,
  county,
  verify,
];
