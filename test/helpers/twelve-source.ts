// `twelve` run from the sources (through tsx, no build): for tests that start it as a process
// with their own HOME, as a clerk's shell would.
import { main } from '../../reports/cli.js';

process.exitCode = await main(process.argv.slice(2));
