// twelve-points-<version>-win-x64.zip: unzip anywhere and double-click. The official signed
// node.exe as published, the bundled app, and the double-click scripts. The .cmd files are
// ASCII (every Chinese message comes from node, which writes to the console in UTF-16), so no
// code page matters; their Chinese names travel in the zip's UTF-8 names (flag bit 11), which
// Windows Explorer reads. 使用说明.txt is UTF-8 with a BOM and CRLF: the one encoding every
// Notepad since Windows XP recognises, and which, unlike GBK, shows the same on a PC set to any
// other language.
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';

const SCRIPTS: Record<string, string> = {
  'twelve.cmd': 'twelve.cmd',
  'start.cmd': '启动十二分制.cmd',
  'stop.cmd': '停止十二分制.cmd',
  'install-addin.cmd': '安装Excel加载项.cmd',
  'uninstall-addin.cmd': '卸载Excel加载项.cmd',
};

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export async function writeWindowsZip(options: {
  root: string;
  staged: string;
  nodeExe: string;
  nodeLicense: string;
  out: string;
  top: string;
}): Promise<void> {
  const zip = new JSZip();
  const top = zip.folder(options.top)!;
  const add = (dir: string, into: JSZip) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) add(full, into.folder(name)!);
      else into.file(name, readFileSync(full));
    }
  };
  add(options.staged, top);
  top.file('node.exe', readFileSync(options.nodeExe));
  top.file('LICENSE-node.txt', crlf(readFileSync(options.nodeLicense, 'utf8')));
  const windows = path.join(options.root, 'packaging', 'windows');
  for (const [source, name] of Object.entries(SCRIPTS))
    top.file(name, crlf(readFileSync(path.join(windows, source), 'utf8')));
  top.file(
    '使用说明.txt',
    '\ufeff' + crlf(readFileSync(path.join(windows, '使用说明.txt'), 'utf8')),
  );
  await pipeline(
    zip.generateNodeStream({
      type: 'nodebuffer',
      streamFiles: true,
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
      platform: 'DOS',
    }),
    createWriteStream(options.out),
  );
}
