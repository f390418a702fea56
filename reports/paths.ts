// Where the project's own files are, whether running from dist/ (built) or from source (tests).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('twelve-points: cannot find the project root');
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();
export const SAMPLE_WORKBOOK = path.join(PROJECT_ROOT, 'samples', '示例台账.xlsx');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
