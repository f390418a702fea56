// Card templates (pure rendering, shared by the CLI, the server and the pane): Handlebars in strict mode, every value escaped, wrapped in one HTML document
// that can load nothing from outside. No Node API here, so the add-in's notice-card preview can
// compile the same template sources in the browser.
import Handlebars from 'handlebars';
import { ClerkError } from '../core/clerk-error.js';

export type CardKind = 'notice' | 'quarterly' | 'ranking' | 'county';
export const CARD_KINDS: CardKind[] = ['notice', 'quarterly', 'ranking', 'county'];

/** A template set as text: `<kind>.hbs`, `partials/<name>.hbs`, and CSS in the order given. */
export interface TemplateSources {
  templates: Record<CardKind, string>;
  partials: Record<string, string>;
  css: string[];
}

/** A template that cannot be used, or a field it names that the data does not have. */
export class TemplateError extends ClerkError {
  constructor(message: string) {
    super(message, 'setup');
    this.name = 'TemplateError';
  }
}

export interface CardTemplates {
  /** One card's HTML fragment. Throws TemplateError naming a missing field. */
  card(kind: CardKind, view: object): string;
  /**
   * A whole printable document holding the given card fragments, one after another; `title` is
   * what a PDF viewer shows for it (else Chromium names the PDF "about:blank").
   */
  document(fragments: string[], title?: string): string;
}

// Nothing from outside: no script, no network; styles and images only inline.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function compileTemplates(sources: TemplateSources): CardTemplates {
  return assemble(sources, (hb, text, file) => hb.compile(checked(text, file), { strict: true }));
}

/** A template set compiled to code at build time, for pages whose CSP forbids eval. */
export interface PrecompiledTemplates {
  templates: Record<CardKind, TemplateSpecification>;
  partials: Record<string, TemplateSpecification>;
  css: string[];
}

type TemplateSpecification = ReturnType<typeof Handlebars.precompile>;

export function precompiledTemplates(code: PrecompiledTemplates): CardTemplates {
  return assemble(code, (hb, spec) => hb.template(spec));
}

/**
 * The source of a JS module whose default export is the set as PrecompiledTemplates (for a
 * bundler). Checked as compileTemplates checks it, so a template that would fail there fails here.
 */
export function precompiledModule(sources: TemplateSources): string {
  compileTemplates(sources);
  const spec = (text: string, file: string) =>
    String(Handlebars.precompile(checked(text, file), { strict: true }));
  const object = (entries: [string, string][]) =>
    `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  return (
    `export default {templates:${object(CARD_KINDS.map((k) => [k, spec(sources.templates[k], `${k}.hbs`)]))},` +
    `partials:${object(Object.entries(sources.partials).map(([n, t]) => [n, spec(t, `partials/${n}.hbs`)]))},` +
    `css:${JSON.stringify(sources.css)}};`
  );
}

function assemble<T>(
  sources: { templates: Record<CardKind, T>; partials: Record<string, T>; css: string[] },
  make: (hb: typeof Handlebars, template: T, file: string) => Handlebars.TemplateDelegate,
): CardTemplates {
  const hb = Handlebars.create();
  guardBlockHelpers(hb);
  for (const [name, template] of Object.entries(sources.partials)) {
    const file = `partials/${name}.hbs`;
    const fn = make(hb, template, file);
    hb.registerPartial(name, ((context: unknown, options: Handlebars.RuntimeOptions) =>
      named(file, () => fn(context, options))) as Handlebars.Template);
  }
  const compiled = {} as Record<CardKind, Handlebars.TemplateDelegate>;
  for (const kind of CARD_KINDS) {
    const template = sources.templates[kind];
    if (template === undefined) throw new TemplateError(`模板文件夹缺少 ${kind}.hbs`);
    compiled[kind] = make(hb, template, `${kind}.hbs`);
  }
  const style = sources.css.join('\n').replace(/<\/style/gi, '<\\/style');
  return {
    card: (kind, view) => named(`${kind}.hbs`, () => compiled[kind](view)),
    document: (fragments, title = '') =>
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
      `<title>${hb.escapeExpression(title)}</title>` +
      `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
      `<style>${style}</style></head><body>${fragments.join('\n')}</body></html>`,
  };
}

/** Unescaped output ({{{x}}} or {{&x}}) would let data write HTML: refuse such a template. */
function checked(text: string, file: string): string {
  const at = text.search(/\{\{\{|\{\{~?\s*&/);
  if (at >= 0) {
    const line = text.slice(0, at).split('\n').length;
    throw new TemplateError(
      `模板 ${file} 第${line}行使用了不转义的输出（{{{ }}} 或 {{& }}），为安全起见不允许，请改用 {{ }}`,
    );
  }
  return text;
}

function named<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TemplateError) {
      if (error.message.startsWith('模板第'))
        throw new TemplateError(error.message.replace('模板第', `模板 ${file} 第`));
      throw error;
    }
    const message = (error as Error).message;
    const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
    if (missing)
      throw new TemplateError(
        `模板 ${file} 第${missing[2]}行用到的字段"${missing[1]}"在数据中不存在`,
      );
    const partial = /^The partial (.+) could not be found$/.exec(message);
    if (partial) throw new TemplateError(`模板 ${file} 用到的局部模板"${partial[1]}"不存在`);
    // Handlebars's own words are English: say what they mean instead.
    const parse = /Parse error on line (\d+)/.exec(message);
    if (parse)
      throw new TemplateError(
        `模板 ${file} 第${parse[1]}行语法有误（如 {{ }} 不成对，或 {{#if}}、{{#each}} 缺少对应的 {{/if}}、{{/each}}）`,
      );
    const reading = /reading '([^']+)'/.exec(message);
    if (reading)
      throw new TemplateError(`模板 ${file} 用到的字段"${reading[1]}"所在的上一级在数据中不存在`);
    throw new TemplateError(
      `模板 ${file} 有误，无法生成卡片：请对照项目自带的 templates 文件夹检查改动之处`,
    );
  }
}

/**
 * Strict mode checks {{field}} but not the argument of a block helper ({{#if field}}): a field
 * missing there would silently print nothing. The view-models never hold undefined (they use
 * null), so undefined here always means a name the data does not have.
 */
function guardBlockHelpers(hb: typeof Handlebars): void {
  for (const name of ['if', 'unless', 'each', 'with']) {
    const original = hb.helpers[name];
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions & {
        loc?: { start: { line: number } };
      };
      if (args.length > 1 && args[0] === undefined)
        throw new TemplateError(
          `模板第${options.loc?.start.line ?? '?'}行 {{#${name}}} 用到的字段在数据中不存在`,
        );
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    });
  }
}
