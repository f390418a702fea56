// Reads a template set from disk: the project's templates/ folder, overlaid file by file with a
// unit's own folder (so a unit can replace just a partial or the stylesheet).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../paths.js';
import {
  CARD_KINDS,
  compileTemplates,
  TemplateError,
  type CardTemplates,
  type TemplateSources,
} from '../../render/card-html.js';

export function readTemplateSources(
  unitDir: string | null = null,
  baseDir = TEMPLATES_DIR,
): TemplateSources {
  if (unitDir !== null && !(existsSync(unitDir) && statSync(unitDir).isDirectory()))
    throw new TemplateError(`模板文件夹"${unitDir}"不存在`);
  const dirs = unitDir === null ? [baseDir] : [baseDir, unitDir];
  const templates = {} as TemplateSources['templates'];
  const partials: Record<string, string> = {};
  const css = new Map<string, string>();
  for (const dir of dirs) {
    for (const kind of CARD_KINDS) {
      const file = path.join(dir, `${kind}.hbs`);
      if (existsSync(file)) templates[kind] = readFileSync(file, 'utf8');
    }
    for (const name of listFiles(dir, '.css'))
      css.set(name, readFileSync(path.join(dir, name), 'utf8'));
    const partialDir = path.join(dir, 'partials');
    for (const name of listFiles(partialDir, '.hbs'))
      partials[name.slice(0, -4)] = readFileSync(path.join(partialDir, name), 'utf8');
  }
  const cssInOrder = [...css.keys()].sort().map((name) => css.get(name)!);
  return { templates, partials, css: cssInOrder };
}

export function loadTemplates(unitDir: string | null = null): CardTemplates {
  return compileTemplates(readTemplateSources(unitDir));
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();
}
