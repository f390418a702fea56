// Bundled to ES5 by test/core-es5.test.ts and run in duktape: the pane's polyfills, then the
// core, exposed as one global function for the script duktape runs.
import '../../addin/polyfills.js';
import { scoreSheetsJson } from './score-json.js';

(Function('return this')() as { scoreSheetsJson: typeof scoreSheetsJson }).scoreSheetsJson =
  scoreSheetsJson;
