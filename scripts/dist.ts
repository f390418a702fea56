// `npm run dist`: the downloads, into release/ (git-ignored):
//   twelve-points-<version>-win-x64.zip, twelve-points_<version>_amd64.deb, …_arm64.deb,
//   and the npm package twelve-points-<version>.tgz.
// The Node.js binaries are fetched once into .cache/node (see scripts/ship/node-binaries.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp } from './ship/bundle.js';
import { writeDeb } from './ship/deb.js';
import { nodeBinary, nodeLicense } from './ship/node-binaries.js';
import { stageProduct } from './ship/stage.js';
import { writeWindowsZip } from './ship/win-zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Release {
  zip: string;
  debs: { amd64: string; arm64: string };
  npm: string;
}

export async function dist(out = path.join(ROOT, 'release')): Promise<Release> {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const cache = path.join(ROOT, '.cache', 'node');
  const work = path.join(out, '.work');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const step = (what: string) => console.log(`[dist] ${what}`);

  step('npm 包（构建 dist/、网页、加载项）');
  // `npm pack` runs `prepare`: tsc, the web page and the add-in, which the zip and .debs reuse.
  const packed = execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop()!;

  step('应用打包（esbuild）');
  const bundle = path.join(work, 'app');
  await bundleApp(ROOT, bundle);
  const staged = path.join(work, 'product');
  stageProduct(ROOT, bundle, staged);

  step('Windows 免安装包');
  const zip = path.join(out, `twelve-points-${version}-win-x64.zip`);
  await writeWindowsZip({
    root: ROOT,
    staged,
    nodeExe: nodeBinary('win-x64', cache),
    nodeLicense: nodeLicense(cache),
    out: zip,
    top: `twelve-points-${version}-win-x64`,
  });

  const debs = {} as Release['debs'];
  for (const [arch, target] of [
    ['amd64', 'linux-x64'],
    ['arm64', 'linux-arm64'],
  ] as const) {
    step(`deb 包 ${arch}`);
    debs[arch] = path.join(out, `twelve-points_${version}_${arch}.deb`);
    writeDeb({
      root: ROOT,
      staged,
      node: nodeBinary(target, cache),
      nodeLicense: nodeLicense(cache),
      arch,
      version,
      work: path.join(work, `deb-${arch}`),
      out: debs[arch],
    });
  }
  rmSync(work, { recursive: true, force: true });
  return { zip, debs, npm: path.join(out, packed) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const began = Date.now();
  const release = await dist();
  for (const file of [release.zip, release.debs.amd64, release.debs.arm64, release.npm])
    console.log(
      `${path.relative(ROOT, file)}  ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`,
    );
  console.log(`用时 ${((Date.now() - began) / 1000).toFixed(0)} 秒`);
}
