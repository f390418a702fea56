// twelve-points_<version>_<arch>.deb for UOS and Kylin: the product under /usr/lib/twelve-points
// with the Node.js binary of the architecture, so the system's Node does not matter;
// /usr/bin/twelve; a desktop entry that starts the server and opens the page. No maintainer
// scripts: everything installed is a file dpkg owns, so `dpkg --purge` leaves nothing.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type DebArch = 'amd64' | 'arm64';

/** A Chromium-family browser makes the PDF cards; CJK fonts set them. Alternatives for each
 * distribution's names: Debian/UOS/Kylin chromium, Chrome, Edge, UOS's and Kylin's browsers. */
const DEPENDS = [
  'libc6 (>= 2.28)',
  'libstdc++6 (>= 5)',
  'libgcc-s1 | libgcc1',
  'chromium | chromium-browser | google-chrome-stable | microsoft-edge-stable | uos-browser-stable | qaxbrowser-safe-stable',
  'fonts-noto-cjk | fonts-wqy-zenhei | fonts-wqy-microhei | fonts-arphic-ukai',
  'xdg-utils',
];

export function writeDeb(options: {
  root: string;
  staged: string;
  node: string;
  nodeLicense: string;
  arch: DebArch;
  version: string;
  work: string;
  out: string;
}): void {
  const { root, work } = options;
  const packaging = path.join(root, 'packaging', 'deb');
  rmSync(work, { recursive: true, force: true });
  const lib = path.join(work, 'usr', 'lib', 'twelve-points');
  cpSync(options.staged, lib, { recursive: true });
  cpSync(options.node, path.join(lib, 'node'));
  mkdirSync(path.join(work, 'usr', 'bin'), { recursive: true });
  cpSync(path.join(packaging, 'twelve'), path.join(work, 'usr', 'bin', 'twelve'));
  const apps = path.join(work, 'usr', 'share', 'applications');
  mkdirSync(apps, { recursive: true });
  cpSync(path.join(packaging, 'twelve-points.desktop'), path.join(apps, 'twelve-points.desktop'));
  const icons = path.join(work, 'usr', 'share', 'icons', 'hicolor', '64x64', 'apps');
  mkdirSync(icons, { recursive: true });
  cpSync(path.join(root, 'addin', 'assets', 'icon-64.png'), path.join(icons, 'twelve-points.png'));
  const doc = path.join(work, 'usr', 'share', 'doc', 'twelve-points');
  mkdirSync(doc, { recursive: true });
  cpSync(path.join(packaging, 'copyright'), path.join(doc, 'copyright'));
  // Node's own licence file (with the full texts of what it bundles) beside the binary, since
  // Debian's copyright file must not carry full common licences.
  cpSync(options.nodeLicense, path.join(lib, 'LICENSE-node'));
  // The official binary ships unstripped, with zlib inside; stripping it would modify it.
  const overrides = path.join(work, 'usr', 'share', 'lintian', 'overrides');
  mkdirSync(overrides, { recursive: true });
  writeFileSync(
    path.join(overrides, 'twelve-points'),
    [
      'twelve-points: unstripped-binary-or-object [usr/lib/twelve-points/node]',
      'twelve-points: embedded-library zlib [usr/lib/twelve-points/node]',
      'twelve-points: hardening-no-pie [usr/lib/twelve-points/node]',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(doc, 'changelog.gz'),
    gzipSync(
      `twelve-points (${options.version}) unstable; urgency=medium\n\n` +
        `  * Release ${options.version}.\n\n` +
        ` -- twelve-points <twelve-points@example.org>  ${debDate()}\n`,
      { level: 9 },
    ),
  );
  // dpkg keeps the modes it finds: files 0644, folders and programs 0755.
  execFileSync('chmod', ['-R', 'u=rwX,go=rX', work]);
  chmodSync(path.join(lib, 'node'), 0o755);
  chmodSync(path.join(work, 'usr', 'bin', 'twelve'), 0o755);
  const installedKb = Number(
    execFileSync('du', ['-sk', '--apparent-size', work], { encoding: 'utf8' }).split('\t')[0],
  );
  mkdirSync(path.join(work, 'DEBIAN'));
  writeFileSync(
    path.join(work, 'DEBIAN', 'control'),
    [
      'Package: twelve-points',
      `Version: ${options.version}`,
      `Architecture: ${options.arch}`,
      'Maintainer: twelve-points <twelve-points@example.org>',
      `Installed-Size: ${installedKb}`,
      `Depends: ${DEPENDS.join(', ')}`,
      'Section: misc',
      'Priority: optional',
      'Description: 十二分制党员记分管理（Twelve Points demerit scheme）',
      ' Scores the party branch ledger (.xlsx) under the twelve-point demerit scheme,',
      ' prints notice and summary cards as PDF and serves the 工作台 web page and the',
      ' Excel add-in on this computer. Carries its own Node.js.',
      '',
    ].join('\n'),
  );
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '-z6', '--build', work, options.out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function debDate(): string {
  // The build's date in RFC 2822, as debian/changelog has it.
  return execFileSync('date', ['-R'], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  }).trim();
}
