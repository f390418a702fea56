// The app as two self-contained ES modules (no node_modules, no native modules): the CLI
// `twelve` and the launcher behind the double-click scripts and the desktop entry.
import path from 'node:path';
import { build } from 'esbuild';

// Bundled CommonJS packages call require(); an ES module has none of its own.
const REQUIRE_SHIM =
  "import { createRequire as __twelveRequire } from 'node:module'; const require = __twelveRequire(import.meta.url);";

export async function bundleApp(root: string, outDir: string): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: 'node20',
    banner: { js: REQUIRE_SHIM },
    // Whitespace and syntax only: names stay, so stack traces in a clerk's report stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    stdin: {
      contents:
        "import { main } from './reports/cli.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
      resolveDir: root,
      sourcefile: 'twelve.ts',
      loader: 'ts',
    },
    outfile: path.join(outDir, 'twelve.mjs'),
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'packaging', 'launcher.ts')],
    outfile: path.join(outDir, 'launch.mjs'),
  });
}
