// The fonts the cards are set in. On Linux they come from Debian packages (scripts/setup.sh)
// and are checked with fontconfig; on Windows and macOS the stylesheet falls back to the
// system's own 宋体/仿宋/黑体, so there is nothing to check there.
import { ClerkError } from '../../core/clerk-error.js';
import { execFileSync } from 'node:child_process';

/** A family the cards need, and the Debian package that has it. */
export const REQUIRED_FONTS = [
  { family: 'LXGW WenKai', package: 'fonts-lxgw-wenkai', use: '正文、标题（仿宋/楷体的替代）' },
  { family: 'Noto Serif CJK SC', package: 'fonts-noto-cjk', use: '生僻字的后备字体' },
];

export class MissingFontError extends ClerkError {
  constructor(missing: typeof REQUIRED_FONTS) {
    super(
      `缺少打印告知卡所需的字体：${missing.map((f) => `${f.family}（${f.use}）`).join('、')}。\n` +
        `解决办法：运行 bash scripts/setup.sh，或 sudo apt-get install ${missing.map((f) => f.package).join(' ')}`,
      'setup',
    );
    this.name = 'MissingFontError';
  }
}

/** Throws MissingFontError naming every missing family; silent where fontconfig is absent. */
export function checkFonts(
  platform: NodeJS.Platform = process.platform,
  listFamilies: () => string | null = fcList,
): void {
  if (platform === 'win32' || platform === 'darwin') return;
  const families = listFamilies();
  if (families === null) return;
  const missing = REQUIRED_FONTS.filter((f) => !families.includes(f.family));
  if (missing.length > 0) throw new MissingFontError(missing);
}

function fcList(): string | null {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}
