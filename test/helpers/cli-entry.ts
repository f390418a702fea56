// The CLI from source as a process, for tests that must run it as another user (a file that
// root can always read is unreadable only to someone else).
import { main } from '../../reports/cli.js';

process.exitCode = await main(process.argv.slice(2));
