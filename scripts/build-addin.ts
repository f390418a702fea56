// `npm run build:addin`: bundles the task pane and the commands page into addin/dist as ES5
// for the oldest webview Office uses (IE11, see docs/addin.md). office.js is the copy from
// @microsoft/office-js served beside the pages unless --office-js cdn or 21vianet asks for a CDN
// (the local copy then stands in where the CDN fails). --local-office-js (the old default
// switch) is still accepted and means the default.
// --origin https://host/path writes addin/dist/manifest.xml for that server.
// The card templates (templates/, overlaid with a unit's folder given by --templates) go into the
// task pane as text, for its notice-card preview.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transformAsync } from '@babel/core';
import { build, type Plugin } from 'esbuild';
import { compileTemplates, TemplateError, type TemplateSources } from '../render/card-html.js';
import { readTemplateSources } from '../reports/cards/template-folder.js';
import { DEV_ORIGIN, manifestFor } from '../reports/server/manifest.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADDIN = path.join(ROOT, 'addin');
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Microsoft 365 operated by 21Vianet (China) has its own office.js CDN. */
export const OFFICE_CDN_21VIANET =
  'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
const CORE_JS_VERSION = JSON.parse(
  readFileSync(path.join(ROOT, 'node_modules', 'core-js', 'package.json'), 'utf8'),
).version as string;

/** Where the pages load office.js from. */
export type OfficeJsSource = 'local' | 'cdn' | '21vianet';

export interface BuildOptions {
  outDir?: string;
  /** Where the pages load office.js from; the local copy by default. */
  officeJs?: OfficeJsSource;
  origin?: string;
  minify?: boolean;
  /** A unit's own template folder, as `twelve notices --templates` takes it. */
  templatesDir?: string;
}

export async function buildAddin(options: BuildOptions = {}): Promise<string> {
  const outDir = options.outDir ?? path.join(ADDIN, 'dist');
  // Read and compiled now, so a broken template stops the build rather than the clerk's preview.
  const sources = readTemplateSources(options.templatesDir ?? null);
  compileTemplates(sources);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bundleEs5(
    {
      taskpane: path.join(ADDIN, 'taskpane-entry.ts'),
      commands: path.join(ADDIN, 'commands.ts'),
      notice: path.join(ADDIN, 'notice.ts'),
    },
    outDir,
    { minify: options.minify ?? true, plugins: [cardTemplates(sources)] },
  );
  const officeJs = options.officeJs ?? 'local';
  // The local copy always ships: it is the default, and the fallback where a CDN fails.
  cpSync(
    path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'),
    path.join(outDir, 'office-js'),
    { recursive: true },
  );
  const tags = officeJsTags(officeJs);
  for (const page of ['taskpane.html', 'commands.html', 'help.html', 'notice.html']) {
    const html = readFileSync(path.join(ADDIN, page), 'utf8').replaceAll('%OFFICE_JS%', tags);
    writeFileSync(path.join(outDir, page), html);
  }
  // The pane's own styles, then those of the pieces it shares with the web page.
  writeFileSync(
    path.join(outDir, 'taskpane.css'),
    readFileSync(path.join(ADDIN, 'taskpane.css'), 'utf8') +
      readFileSync(path.join(ROOT, 'ui', 'shared.css'), 'utf8'),
  );
  cpSync(path.join(ADDIN, 'assets'), path.join(outDir, 'assets'), { recursive: true });
  // URLs move under the new origin (and path); <AppDomain> takes the bare origin.
  const manifest = manifestFor(options.origin ?? DEV_ORIGIN);
  writeFileSync(path.join(outDir, 'manifest.xml'), manifest);
  return outDir;
}

/** The local copy's address, relative to the pages. */
export const LOCAL_OFFICE_JS = 'office-js/office.js';

/**
 * The <script> tags that load office.js. From a CDN, a second tag loads the local copy where
 * the CDN answered with an error or was refused (no `Office` after the first tag); a CDN that
 * hangs is caught by the pane itself, which says so after a few seconds (addin/office-ready.ts).
 */
export function officeJsTags(source: OfficeJsSource): string {
  if (source === 'local') return `<script src="${LOCAL_OFFICE_JS}"></script>`;
  const url = source === 'cdn' ? OFFICE_CDN : OFFICE_CDN_21VIANET;
  return (
    `<script src="${url}"></script>\n    ` +
    `<script>window.Office || document.write('<script src="${LOCAL_OFFICE_JS}"><\\/script>');</script>`
  );
}

export interface Es5BundleOptions {
  minify?: boolean;
  plugins?: Plugin[];
  /** Where the bundles are written; with `write: false` they are returned instead. */
  write?: boolean;
}

/**
 * Bundles each entry for the oldest engine in the browserslist targets (IE11): esbuild bundles
 * the TypeScript, Babel (preset-env, the targets from package.json) lowers it to ES5 and adds
 * the core-js polyfills the code really uses, and esbuild bundles those polyfills in and
 * minifies. Returns each bundle's code by entry name.
 */
export async function bundleEs5(
  entryPoints: Record<string, string>,
  outDir: string,
  options: Es5BundleOptions = {},
): Promise<Record<string, string>> {
  const first = await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
    plugins: options.plugins ?? [],
  });
  const out: Record<string, string> = {};
  for (const file of first.outputFiles) {
    const name = path.basename(file.path, '.js');
    const lowered = await transformAsync(file.text, {
      babelrc: false,
      configFile: false,
      // The browserslist config in package.json names the engines.
      browserslistConfigFile: path.join(ROOT, 'package.json'),
      sourceType: 'module',
      compact: false,
      presets: [
        [
          '@babel/preset-env',
          { useBuiltIns: 'usage', corejs: CORE_JS_VERSION, modules: false, bugfixes: true },
        ],
      ],
    });
    const second = await build({
      stdin: { contents: lowered!.code!, resolveDir: ROOT, sourcefile: `${name}.js` },
      bundle: true,
      format: 'iife',
      target: 'es5',
      minify: options.minify ?? true,
      write: false,
      logLevel: 'warning',
    });
    out[name] = second.outputFiles[0].text;
    if (options.write ?? true) writeFileSync(path.join(outDir, `${name}.js`), out[name]);
  }
  return out;
}

/** `import sources from 'virtual:card-templates'`: the template set as a JS object. */
function cardTemplates(sources: TemplateSources): Plugin {
  return {
    name: 'card-templates',
    setup(b) {
      b.onResolve({ filter: /^virtual:card-templates$/ }, (args) => ({
        path: args.path,
        namespace: 'card-templates',
      }));
      b.onLoad({ filter: /.*/, namespace: 'card-templates' }, () => ({
        contents: `export default ${JSON.stringify(sources)};`,
        loader: 'js',
      }));
    },
  };
}

const USAGE =
  '用法：npm run build:addin -- [--office-js local|cdn|21vianet] [--origin https://地址] [--templates 文件夹] [--out-dir 文件夹]';

/** The command line's options, or a Chinese message naming the option that is wrong. */
export function parseBuildArgs(args: string[]): BuildOptions | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        'office-js': { type: 'string' },
        'local-office-js': { type: 'boolean' },
        origin: { type: 'string' },
        'out-dir': { type: 'string' },
        templates: { type: 'string' },
      },
    }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return { error: `不认识的选项"${option}"。${USAGE}` };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      return { error: `选项"${option.split(' ')[0]}"缺少取值或取值不对。${USAGE}` };
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return { error: `多余的参数"${option}"：所有设置都用选项给出。${USAGE}` };
    return { error: `命令行参数有误。${USAGE}` };
  }
  if (values.origin !== undefined && !/^https:\/\/[^/]+/.test(values.origin))
    return { error: `--origin 必须是 https:// 开头的地址，收到"${values.origin}"` };
  const officeJs = values['office-js'] ?? 'local';
  if (!['local', 'cdn', '21vianet'].includes(officeJs))
    return {
      error: `--office-js 只能是 local（本地副本，默认）、cdn（微软 CDN）或 21vianet（世纪互联运营的 Microsoft 365），收到"${officeJs}"`,
    };
  return {
    officeJs: officeJs as OfficeJsSource,
    origin: values.origin,
    outDir: values['out-dir'],
    templatesDir: values.templates,
  };
}

const OFFICE_JS_LABELS: Record<OfficeJsSource, string> = {
  local: '本地副本',
  cdn: '微软 CDN，不可用时改用本地副本',
  '21vianet': '世纪互联 CDN，不可用时改用本地副本',
};

async function main(): Promise<void> {
  const options = parseBuildArgs(process.argv.slice(2));
  if ('error' in options) {
    console.error(options.error);
    process.exitCode = 2;
    return;
  }
  let out: string;
  try {
    out = await buildAddin(options);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.log(
    `加载项已生成：${path.relative(process.cwd(), out) || '.'}（office.js：${OFFICE_JS_LABELS[options.officeJs ?? 'local']}）`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
