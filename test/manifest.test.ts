// manifest.xml checked offline: the OfficeApp schema through xmllint (skipped, with the reason
// in the test's name, where ../shared/schemas is absent) and the checks the schema cannot make.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaDir, validateManifest } from '../scripts/validate-manifest.js';
import { tempDir } from './helpers/workbook.js';

const schemas = schemaDir();

describe('manifest.xml', () => {
  it.skipIf(!schemas)(
    `validates against the OfficeApp 1.1 schema${schemas ? '' : ' (skipped: ../shared/schemas is absent)'}`,
    async () => {
      const report = await validateManifest();
      expect(report.schema).toEqual({
        status: 'valid',
        detail: 'manifest.xml validates against OfficeAppManifestV1_1.xsd',
      });
    },
  );

  it('passes the semantic checks: resids, one https origin, files, FunctionName', async () => {
    const report = await validateManifest(undefined, { schemas: null });
    expect(report.schema.status).toBe('skipped');
    expect(report.schema.detail).toMatch(/^skipped/);
    expect(report.errors).toEqual([]);
  });

  it('reports a broken manifest in every way the schema cannot see', async () => {
    const file = path.join(tempDir('manifest-'), 'manifest.xml');
    copyFileSync('manifest.xml', file);
    const broken = readFileSync(file, 'utf8')
      .replace('<Label resid="Score.Label" />', '<Label resid="Score.Labl" />')
      .replace(
        'https://localhost:3000/assets/icon-80.png',
        'http://other.example/assets/icon-80.png',
      )
      .replace('assets/icon-16.png"', 'assets/icon-17.png"')
      .replace('<FunctionName>scoreWorkbook<', '<FunctionName>scoreBook<');
    writeFileSync(file, broken);
    const report = await validateManifest(file, { schemas });
    const text = report.errors.join('\n');
    expect(text).toContain('resid="Score.Labl"> names no resource');
    expect(text).toContain('http://other.example/assets/icon-80.png is not https');
    expect(text).toContain('URLs use 2 origins');
    expect(text).toContain('icon-17.png does not exist');
    expect(text).toContain('<FunctionName>scoreBook</FunctionName> is not associated');
    if (schemas) expect(report.schema.status).toBe('valid'); // all of these pass the schema
  });

  it.skipIf(!schemas)(
    `fails the schema on a misspelled element${schemas ? '' : ' (skipped: ../shared/schemas is absent)'}`,
    async () => {
      const file = path.join(tempDir('manifest-'), 'manifest.xml');
      writeFileSync(
        file,
        readFileSync('manifest.xml', 'utf8').replaceAll('ProviderName>', 'ProviderNmae>'),
      );
      const report = await validateManifest(file, { schemas });
      expect(report.schema.status).toBe('invalid');
      expect(report.schema.detail).toContain('ProviderNmae');
    },
  );
});
