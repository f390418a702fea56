// The product's files as the zip and the .debs both carry them, laid out as the app finds them:
// package.json at the top (reports/paths.ts walks up to it), app/, templates/, samples/, the
// built web page and add-in, manifest.xml.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** office.js files for the other Office apps and the debug builds: Excel is the only host. */
const NOT_FOR_EXCEL =
  /^(access|outlook|powerpoint|project|word|onenote|custom-functions)|\.debug\.js$|-vsdoc\.js$|\.d\.ts$|^outlook_strings/;

export function stageProduct(root: string, bundleDir: string, dest: string): void {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    description: string;
    license: string;
  };
  mkdirSync(dest, { recursive: true });
  writeFileSync(
    path.join(dest, 'package.json'),
    JSON.stringify(
      {
        name: pkg.name,
        version: pkg.version,
        description: pkg.description,
        license: pkg.license,
        private: true,
        type: 'module',
      },
      null,
      2,
    ) + '\n',
  );
  cpSync(bundleDir, path.join(dest, 'app'), { recursive: true });
  cpSync(path.join(root, 'templates'), path.join(dest, 'templates'), { recursive: true });
  mkdirSync(path.join(dest, 'samples'));
  cpSync(path.join(root, 'samples', '示例台账.xlsx'), path.join(dest, 'samples', '示例台账.xlsx'));
  cpSync(path.join(root, 'web', 'dist'), path.join(dest, 'web', 'dist'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map'),
  });
  cpSync(path.join(root, 'addin', 'dist'), path.join(dest, 'addin', 'dist'), {
    recursive: true,
    filter: (src) =>
      !src.endsWith('.map') &&
      !(src.includes(`${path.sep}office-js${path.sep}`) && NOT_FOR_EXCEL.test(path.basename(src))),
  });
  cpSync(path.join(root, 'manifest.xml'), path.join(dest, 'manifest.xml'));
}
