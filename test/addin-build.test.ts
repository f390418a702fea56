// The esbuild build of the add-in: office.js from the CDN by default, a local copy on request,
// and a manifest rewritten for the server an administrator deploys to.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../render/card-html.js';
import { buildAddin, OFFICE_CDN } from '../scripts/build-addin.js';
import { tempDir } from './helpers/workbook.js';

describe('build:addin', () => {
  it('loads office.js from the CDN by default', async () => {
    const out = await buildAddin({ outDir: path.join(tempDir('addin-build-'), 'dist') });
    for (const page of ['taskpane.html', 'commands.html'])
      expect(readFileSync(path.join(out, page), 'utf8')).toContain(`<script src="${OFFICE_CDN}">`);
    // Lowered for EdgeHTML 18 (Office 2019 on Windows): no ?. or ?? survive in the bundle.
    const js = readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    expect(js).toContain('Office.onReady');
    expect(js).not.toMatch(/[\w)\]]\?\.[A-Za-z_$[(]/); // a?.b
    expect(js).not.toMatch(/[\w)\]]\?\?[\w(!"'[]/); // a??b
    expect(existsSync(path.join(out, 'office-js'))).toBe(false);
  });

  it('serves a local office.js and writes the manifest for another origin', async () => {
    const out = await buildAddin({
      outDir: path.join(tempDir('addin-build-'), 'dist'),
      localOfficeJs: true,
      origin: 'https://oa.example.gov.cn/twelve/',
    });
    expect(readFileSync(path.join(out, 'taskpane.html'), 'utf8')).toContain(
      '<script src="office-js/office.js">',
    );
    expect(existsSync(path.join(out, 'office-js', 'office.js'))).toBe(true);
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
