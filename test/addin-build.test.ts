// The add-in build: ES5 bundles for IE11 (es-check), office.js from the local copy by default
// or from a CDN with the local copy behind it, and a manifest rewritten for the server an
// administrator deploys to.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { TemplateError } from '../render/card-html.js';
import {
  buildAddin,
  OFFICE_CDN,
  OFFICE_CDN_21VIANET,
  officeJsTags,
  parseBuildArgs,
} from '../scripts/build-addin.js';
import { tempDir } from './helpers/workbook.js';

const run = promisify(execFile);
const ES_CHECK = path.resolve('node_modules', '.bin', 'es-check');

describe('build:addin', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildAddin({ outDir: path.join(tempDir('addin-build-'), 'dist') });
  });

  it('builds ES5 bundles that es-check passes for IE11, with office.js served beside them', async () => {
    const files = ['taskpane.js', 'commands.js'].map((f) => path.join(out, f));
    // es-check parses each file as ES5 (acorn, ecmaVersion 5): a single arrow, class,
    // let or template literal fails it.
    const { stdout, stderr } = await run(ES_CHECK, ['es5', ...files]);
    expect(`${stdout}${stderr}`).toMatch(/ES5 compatible/);
    // It really does fail on what IE11 cannot parse.
    const modern = path.join(out, 'modern.js');
    writeFileSync(modern, 'const f = (a) => a?.b;\n');
    await expect(run(ES_CHECK, ['es5', modern])).rejects.toThrow();

    const js = readFileSync(files[0], 'utf8');
    // Checked as booleans: a failure message quoting a 400 KB bundle helps nobody.
    expect(js.includes('onReady')).toBe(true);
    // The polyfills came along: core-js for Promise/Map/Array.from, unorm for normalize.
    expect(js.includes('core-js')).toBe(true);
    expect(js.includes('NFKC')).toBe(true);
    for (const page of ['taskpane.html', 'commands.html'])
      expect(readFileSync(path.join(out, page), 'utf8')).toContain(
        '<script src="office-js/office.js">',
      );
    expect(existsSync(path.join(out, 'office-js', 'office.js'))).toBe(true);
  });

  it('loads office.js from a CDN on request, with the local copy behind it', () => {
    for (const [source, url] of [
      ['cdn', OFFICE_CDN],
      ['21vianet', OFFICE_CDN_21VIANET],
    ] as const) {
      const tags = officeJsTags(source);
      expect(tags).toContain(`<script src="${url}"></script>`);
      expect(tags).toContain('window.Office || document.write');
      expect(tags).toContain('office-js/office.js');
    }
    expect(OFFICE_CDN_21VIANET).toMatch(/^https:\/\/appsforoffice\.cdn\.partner\.office365\.cn\//);
  });

  it('says in Chinese which option is wrong and exits 2', async () => {
    expect(parseBuildArgs(['--orgin', 'https://x'])).toEqual({
      error: expect.stringContaining('不认识的选项"--orgin"'),
    });
    expect(parseBuildArgs(['--office-js', 'ftp'])).toEqual({
      error: expect.stringContaining('--office-js 只能是'),
    });
    expect(parseBuildArgs(['--origin'])).toEqual({
      error: expect.stringContaining('"--origin'),
    });
    expect(parseBuildArgs(['--office-js', '21vianet', '--origin', 'https://oa.example'])).toEqual({
      officeJs: '21vianet',
      origin: 'https://oa.example',
      outDir: undefined,
      templatesDir: undefined,
    });
    const failed = await run('npx', [
      'tsx',
      'scripts/build-addin.ts',
      '--orgin',
      'https://x',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('不认识的选项"--orgin"');
    expect((failed as { stderr: string }).stderr).not.toMatch(/TypeError|at .*\.js:/);
  });

  it('writes the manifest for another origin', async () => {
    const out = await buildAddin({
      outDir: path.join(tempDir('addin-build-'), 'dist'),
      origin: 'https://oa.example.gov.cn/twelve/',
    });
    const manifest = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('https://oa.example.gov.cn/twelve/taskpane.html');
    expect(manifest).toContain('<AppDomain>https://oa.example.gov.cn</AppDomain>');
  });

  it('bundles the card templates, a unit’s own partial in place of the project’s', async () => {
    const unit = tempDir('addin-unit-templates-');
    mkdirSync(path.join(unit, 'partials'));
    writeFileSync(
      path.join(unit, 'partials', 'red-head.hbs'),
      '<div class="red-head">UNIT-HEAD-7x</div>',
    );
    const out = await buildAddin({
      outDir: path.join(tempDir('addin-build-'), 'dist'),
      templatesDir: unit,
    });
    // Checked as booleans: a failure message quoting a 200 KB bundle helps nobody.
    const js = readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    expect(js.includes('UNIT-HEAD-7x')).toBe(true);
    // The project's notice template and stylesheet came along too.
    expect(js.includes('<section class="sheet notice">')).toBe(true);
    expect(js.includes('.doc-number {')).toBe(true);

    // A template that would print data unescaped stops the build.
    writeFileSync(path.join(unit, 'partials', 'red-head.hbs'), '<div>{{{unit}}}</div>');
    await expect(
      buildAddin({ outDir: path.join(tempDir('addin-build-'), 'dist'), templatesDir: unit }),
    ).rejects.toThrow(TemplateError);
  });
});
