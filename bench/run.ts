// `npm run bench`: runs every bench/*.bench.ts module (built to dist/bench), or those named.
// Each module prints its own figures as ratios against a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of modules) {
  console.log(`\n=== ${file.replace('.bench.js', '')} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
