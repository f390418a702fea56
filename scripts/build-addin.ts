// `npm run build:addin`: bundles the task pane and the commands page with esbuild into
// addin/dist. office.js comes from Microsoft's CDN unless --local-office-js is given, which
// serves the copy from @microsoft/office-js for networks that block the CDN.
// --origin https://host/path writes addin/dist/manifest.xml for that server.
// The card templates (templates/, overlaid with a unit's folder given by --templates) go into the
// task pane as text, for its notice-card preview.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, UsageError } from '../reports/args.js';
import { build, type Plugin } from 'esbuild';
import { compileTemplates, TemplateError, type TemplateSources } from '../render/card-html.js';
import { readTemplateSources } from '../reports/cards/template-folder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADDIN = path.join(ROOT, 'addin');
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_ORIGIN = 'https://localhost:3000';

export interface BuildOptions {
  outDir?: string;
  localOfficeJs?: boolean;
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
  await build({
    entryPoints: {
      taskpane: path.join(ADDIN, 'taskpane-entry.ts'),
      commands: path.join(ADDIN, 'commands.ts'),
    },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    // Office 2019 on Windows runs add-ins in EdgeHTML 18; addin/polyfills.ts adds the methods.
    target: ['es2017', 'edge18'],
    minify: options.minify ?? true,
    sourcemap: true,
    logLevel: 'warning',
    plugins: [cardTemplates(sources)],
  });
  let officeJs = OFFICE_CDN;
  if (options.localOfficeJs) {
    cpSync(
      path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'),
      path.join(outDir, 'office-js'),
      { recursive: true },
    );
    officeJs = 'office-js/office.js';
  }
  for (const page of ['taskpane.html', 'commands.html', 'help.html']) {
    const html = readFileSync(path.join(ADDIN, page), 'utf8').replaceAll('%OFFICE_JS%', officeJs);
    writeFileSync(path.join(outDir, page), html);
  }
  cpSync(path.join(ADDIN, 'taskpane.css'), path.join(outDir, 'taskpane.css'));
  cpSync(path.join(ADDIN, 'assets'), path.join(outDir, 'assets'), { recursive: true });
  const origin = (options.origin ?? DEV_ORIGIN).replace(/\/$/, '');
  // URLs move under the new origin (and path); <AppDomain> takes the bare origin.
  const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')
    .replaceAll(
      `<AppDomain>${DEV_ORIGIN}</AppDomain>`,
      `<AppDomain>${new URL(origin).origin}</AppDomain>`,
    )
    .replaceAll(DEV_ORIGIN, origin);
  writeFileSync(path.join(outDir, 'manifest.xml'), manifest);
  return outDir;
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

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseOptions(process.argv.slice(2), {
      'local-office-js': { type: 'boolean' },
      origin: { type: 'string' },
      'out-dir': { type: 'string' },
      templates: { type: 'string' },
    }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`错误：${error.message}`);
    process.exitCode = 2;
    return;
  }
  if (values.origin && !/^https:\/\/[^/]+/.test(values.origin)) {
    console.error(`--origin 必须是 https:// 开头的地址，收到"${values.origin}"`);
    process.exitCode = 2;
    return;
  }
  let out: string;
  try {
    out = await buildAddin({
      localOfficeJs: values['local-office-js'],
      origin: values.origin,
      outDir: values['out-dir'],
      templatesDir: values.templates,
    });
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.log(
    `加载项已生成：${path.relative(process.cwd(), out) || '.'}（office.js：${values['local-office-js'] ? '本地副本' : '微软 CDN'}）`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
