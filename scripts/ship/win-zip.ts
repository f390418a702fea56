// twelve-points-<version>-win-x64.zip: unzip anywhere and double-click. The official signed
// node.exe as published, the bundled app, and the double-click scripts. The .cmd files are
// ASCII (every Chinese message comes from node, which writes to the console in UTF-16), so no
// code page matters; their Chinese names travel in the zip's UTF-8 names (flag bit 11), which
// Windows Explorer reads. 使用说明.txt is UTF-8 with a BOM and CRLF: the one encoding every
// Notepad since Windows XP recognises, and which, unlike GBK, shows the same on a PC set to any
// other language.
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import archiver from 'archiver';

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
  // archiver deflates with Node's own zlib: seconds for node.exe where a JavaScript deflate
  // takes minutes.
  const zip = archiver('zip', { zlib: { level: 9 } });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(options.out);
    out.on('close', resolve);
    out.on('error', reject);
    zip.on('error', reject);
    zip.pipe(out);
  });
  const top = options.top;
  zip.directory(options.staged, top);
  zip.file(options.nodeExe, { name: `${top}/node.exe` });
  zip.append(crlf(readFileSync(options.nodeLicense, 'utf8')), { name: `${top}/LICENSE-node.txt` });
  const windows = path.join(options.root, 'packaging', 'windows');
  for (const [source, name] of Object.entries(SCRIPTS))
    zip.append(crlf(readFileSync(path.join(windows, source), 'utf8')), { name: `${top}/${name}` });
  zip.append('\ufeff' + crlf(readFileSync(path.join(windows, '使用说明.txt'), 'utf8')), {
    name: `${top}/使用说明.txt`,
  });
  await zip.finalize();
  await done;
}
