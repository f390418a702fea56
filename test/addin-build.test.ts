// The esbuild build of the add-in: office.js from the CDN by default, a local copy on request,
// and a manifest rewritten for the server an administrator deploys to.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
