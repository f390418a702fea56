// Help is made from each command's declaration, the same one its option parser reads: every
// option a command takes is in its help, with an explanation, and `twelve <命令> --help` is
// that command's help, not the list of commands.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../reports/cli.js';
import { PROJECT_ROOT } from '../reports/paths.js';
import { COMMANDS } from '../reports/usage/index.js';
import { captureIo } from './helpers/io.js';

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io.out, io.err);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The options a command's parser takes, as its own error for an unknown option lists them. */
async function acceptedOptions(name: string): Promise<string[]> {
  const { code, err } = await run(name, '--qqqqqqqqqqqq');
  expect(code).toBe(2);
  const list = /这个命令可用的选项：(\S+)/.exec(err);
  expect(list, err).not.toBeNull();
  return list![1].split('、');
}

/** The option lines of a help text: option → its explanation. */
function helpOptions(help: string): Map<string, string> {
  const lines = help.slice(help.indexOf('选项:')).split('\n').slice(1);
  const options = new Map<string, string>();
  for (const line of lines) {
    if (!line.startsWith('  ')) break;
    const m = /^ {2}(--[a-z-]+)(?: <[^>]+>)?\s{2,}(.*)$/.exec(line);
    if (m) options.set(m[1], m[2].trim());
  }
  return options;
}

describe('twelve <命令> --help', () => {
  it("prints score's own help, not the list of commands", async () => {
    const global = await run('help');
    const own = await run('score', '--help');
    expect(own.code).toBe(0);
    expect(own.out).toMatch(/^用法: twelve score /);
    expect(own.out).toContain('--as-of <日期>');
    expect(own.out).not.toBe(global.out);
    expect(own.out).not.toContain('quarterly');
    expect((await run('help', 'score')).out).toBe(own.out);
  });

  it.each(COMMANDS.map((c) => c.name))(
    '%s: every option it accepts is in its help, explained',
    async (name) => {
      const accepted = await acceptedOptions(name);
      const { code, out } = await run(name, '--help');
      expect(code).toBe(0);
      const shown = helpOptions(out);
      expect([...shown.keys()].sort()).toEqual([...accepted].sort());
      for (const [option, explanation] of shown)
        expect(explanation, `${name} ${option}`).toMatch(/[\u4e00-\u9fff]{2}/);
    },
  );

  it('lists the options help used to leave out', async () => {
    expect(helpOptions((await run('mail', '--help')).out).has('--templates')).toBe(true);
    expect(helpOptions((await run('county', '--help')).out).has('--templates')).toBe(true);
    expect(helpOptions((await run('serve', '--help')).out).has('--smtp-config')).toBe(true);
  });

  it('the list of commands names every command, each with its line', async () => {
    const { out } = await run('help');
    for (const c of COMMANDS) expect(out).toContain(`  ${c.name}`);
    expect(out).toContain('twelve <命令> --help');
  });
});

describe('the docs and the declarations', () => {
  it('every option the docs give a twelve command is one that command declares', () => {
    const docs = [
      'README.md',
      ...readdirSync(path.join(PROJECT_ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const unknown: string[] = [];
    let seen = 0;
    for (const doc of docs) {
      const text = readFileSync(path.join(PROJECT_ROOT, doc), 'utf8');
      for (const m of text.matchAll(/twelve ([a-z]+)((?: +[^\s`|]+)*)/g)) {
        const command = COMMANDS.find((c) => c.name === m[1]);
        if (!command) continue;
        for (const o of m[2].matchAll(/ --([a-z][a-z-]*)/g)) {
          seen++;
          if (o[1] !== 'help' && !(o[1] in command.options))
            unknown.push(`${doc}: twelve ${m[1]} --${o[1]}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(unknown).toEqual([]);
  });
});
