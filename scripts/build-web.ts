// `npm run build:web`: bundles the web page 工作台 (web/) with esbuild into web/dist, which
// `twelve serve` serves at /. The card templates go in as text, as for the pane's preview.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { precompiledModule } from '../render/card-html.js';
import { readTemplateSources } from '../reports/cards/template-folder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');

export async function buildWeb(outDir = path.join(WEB, 'dist')): Promise<string> {
  // Read and checked now, so a broken template stops the build rather than the preview.
  const sources = readTemplateSources(null);
  const code = precompiledModule(sources);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { page: path.join(WEB, 'page.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    // Browsers clerks have beside WPS or an old Office: Chrome-based ones (360, QQ) and Edge.
    target: ['es2017', 'chrome64', 'edge79', 'firefox78'],
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    plugins: [precompiledCardTemplates(code)],
  });
  cpSync(path.join(WEB, 'index.html'), path.join(outDir, 'index.html'));
  // The page's own styles, then those of the pieces it shares with the pane.
  writeFileSync(
    path.join(outDir, 'page.css'),
    readFileSync(path.join(WEB, 'page.css'), 'utf8') +
      readFileSync(path.join(ROOT, 'ui', 'shared.css'), 'utf8'),
  );
  return outDir;
}

/** `import code from 'virtual:card-templates-precompiled'`: the set as template code. */
function precompiledCardTemplates(code: string): Plugin {
  return {
    name: 'card-templates-precompiled',
    setup(b) {
      b.onResolve({ filter: /^virtual:card-templates-precompiled$/ }, (args) => ({
        path: args.path,
        namespace: 'card-templates-precompiled',
      }));
      b.onLoad({ filter: /.*/, namespace: 'card-templates-precompiled' }, () => ({
        contents: code,
        loader: 'js',
      }));
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb();
  console.log(`工作台页面已生成：${path.relative(process.cwd(), out)}`);
}
