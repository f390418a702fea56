// The app as self-contained ES modules (no node_modules, no native modules): the CLI
// `twelve`, the upload's read worker, and the launcher behind the double-click scripts and the desktop entry.
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

// Bundled CommonJS packages call require(); an ES module has none of its own.
const REQUIRE_SHIM =
  "import { createRequire as __twelveRequire } from 'node:module'; const require = __twelveRequire(import.meta.url);";

/**
 * `node:process` as an ES module namespace reads every property of process when it loads,
 * stdin too: that opens fd 0, which throws EBADF where there is none (a server started in the
 * background on Windows, node.exe under Wine). Its only importer in the bundle is the command
 * line of @puppeteer/browsers (stdin/stdout for a prompt twelve never shows), so it gets the
 * process object without that read.
 */
const processWithoutStdin: Plugin = {
  name: 'process-without-stdin',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, () => ({
      path: 'process',
      namespace: 'process-without-stdin',
    }));
    b.onLoad({ filter: /.*/, namespace: 'process-without-stdin' }, () => ({
      contents:
        'const p = globalThis.process; export default p; export const stdout = p.stdout; ' +
        'export const stderr = p.stderr; export const stdin = undefined; ' +
        'export const env = p.env; export const argv = p.argv; export const cwd = () => p.cwd();',
      loader: 'js',
    }));
  },
};

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
    plugins: [processWithoutStdin],
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
  // The server reads each upload in a worker thread (reports/server/bounded-read.ts), which
  // loads read-worker.js from beside the module that starts it: here, beside twelve.mjs.
  await build({
    ...common,
    entryPoints: [path.join(root, 'reports', 'server', 'read-worker.ts')],
    outfile: path.join(outDir, 'read-worker.js'),
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'packaging', 'launcher.ts')],
    outfile: path.join(outDir, 'launch.mjs'),
  });
}
