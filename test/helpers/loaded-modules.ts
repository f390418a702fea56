// Run as a child process (node --import tsx): runs `twelve <args>` through main() with its
// output discarded, then prints the exit code and the packages node_modules gave it, as JSON.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { main } from '../../reports/cli.js';

const sink = new Writable({ write: (_c, _e, done) => done() });
const code = await main(process.argv.slice(2), sink, sink);
const packages = new Set<string>();
for (const file of Object.keys(createRequire(import.meta.url).cache)) {
  const m = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(file);
  if (m) packages.add(m[1].replace(/\\/g, '/'));
}
process.stdout.write(JSON.stringify({ code, packages: [...packages].sort() }) + '\n');
