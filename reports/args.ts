// The command line's options checked before node's parseArgs sees them, so that every mistake
// a clerk can make is told in Chinese, with the option named and, for a misspelling, the
// option meant. parseArgs's own (English) messages are never shown.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import levenshtein from 'fast-levenshtein';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** A mistake in the command line: printed as one line, exit 2. */
export class UsageError extends Error {}

/** What a value looks like, for "缺少值" messages. */
const VALUE_EXAMPLES: Record<string, string> = {
  'as-of': '2026-11-24',
  since: '2026-11-01',
  until: '2026-11-30',
  quarter: '2026Q3',
  month: '2026-11',
  out: '目录',
  outbox: '目录',
  templates: '目录',
  to: 'dangwei@example.gov.cn',
  'smtp-config': '配置文件.json',
  origin: 'https://oa.example.gov.cn/twelve',
  against: '报送邮件.eml',
};

export function parseOptions<T extends OptionSpecs>(args: string[], options: T) {
  checkOptions(args, options);
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch {
    // checkOptions catches every mistake parseArgs knows of; this is the net under it.
    throw new UsageError(`命令行有误：${args.join(' ')}；运行 twelve help 查看用法`);
  }
}

function checkOptions(args: string[], options: OptionSpecs): void {
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const eq = arg.indexOf('=');
    const written = eq === -1 ? arg : arg.slice(0, eq);
    const name = written.replace(/^--?/, '');
    const spec = written.startsWith('--') ? options[name] : undefined;
    if (!spec) throw new UsageError(unknownOption(written, options));
    if (seen.has(name)) throw new UsageError(`选项 --${name} 写了两次，只能写一次`);
    seen.add(name);
    if (spec.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`选项 --${name} 不带值，写 --${name} 即可`);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : args[i + 1];
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw new UsageError(
        `选项 --${name} 缺少值，应写作 --${name} ${VALUE_EXAMPLES[name] ?? '值'}`,
      );
    if (eq === -1) i++;
  }
}

function unknownOption(written: string, options: OptionSpecs): string {
  const names = Object.keys(options);
  const list = names.map((n) => `--${n}`).join('、');
  const meant = closest(written.replace(/^-+/, ''), names);
  if (meant) return `不认识的选项 ${written}，是不是要写 --${meant}？`;
  return names.length > 0
    ? `不认识的选项 ${written}；这个命令可用的选项：${list}`
    : `不认识的选项 ${written}；这个命令没有选项`;
}

/**
 * The option a misspelling most likely meant: a prefix of it, or within one edit for a short
 * word and two for a longer one (a swapped pair of letters is two edits).
 */
export function closest(typed: string, names: readonly string[]): string | null {
  const t = typed.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.startsWith(t) && t.length >= 2 ? 0.5 : levenshtein.get(t, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  const limit = t.length <= 3 ? 1 : t.length <= 8 ? 2 : 3;
  return best !== null && bestDistance <= limit ? best : null;
}
