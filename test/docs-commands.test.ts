// Every shell command the docs show (README.md and docs/*.md, code blocks marked sh, bash or
// console) run as written in a copy of the project, with `twelve` the installed command would
// give: none may fail. Commands that cannot run here are listed below, each with its reason.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeXlsx } from './helpers/workbook.js';
import { cardSheets } from './helpers/card-fixture.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Commands not run, as the docs write them (comments dropped), each with why. */
const SKIPPED: Record<string, string> = {
  'bash scripts/setup.sh': 'installs Debian packages and runs npm ci (CI runs it before the tests)',
  'npm test': 'is the test suite this test belongs to',
  'npm ci': 'would replace the shared node_modules',
  'npm install -g ./twelve-points-0.1.0.tgz':
    'downloads ~450 packages from the registry into the global prefix (done by hand: docs/install.md)',
  'npm install -g .': "changes this machine's global npm install",
  'npm uninstall -g twelve-points': "changes this machine's global npm install",
  'npm config set prefix ~/.npm-global': "changes the user's npm settings",
  'echo \'export PATH="$HOME/.npm-global/bin:$PATH"\' >> ~/.zshrc && source ~/.zshrc':
    "edits the user's shell profile",
  'npx office-addin-dev-certs install': "installs a certificate into the system's trust store",
  'npx office-addin-dev-certs verify': 'needs the certificate that install would add',
  'npx office-addin-dev-certs uninstall': "removes a certificate from the system's trust store",
  'npm start': 'sideloads the add-in into desktop Excel, which this machine has not',
  'npm run stop': 'stops what npm start sideloaded',
  'twelve serve --host 0.0.0.0 --port 8443 --cert /etc/twelve/cert.pem --key /etc/twelve/key.pem --units /etc/twelve/units.json --public-url https://twelve.example.gov.cn:8443':
    "IT's deployment: needs the unit's own certificate, key and units file (test/server covers each)",
  'twelve serve':
    'starts a server that runs until it is stopped (test/server starts the same command on 127.0.0.1)',
  'twelve county 报送邮件/ --quarter 2026Q3 --units 单位名单.xlsx --out 汇总/':
    "needs a county's received mails and its list of units (test/county runs it on generated mails)",
  'twelve notices 台账.xlsx --mail --send':
    "sends mail through the unit's SMTP server (tested against a local one in test/mail)",
};

interface DocCommand {
  doc: string;
  command: string;
}

/** Each line of each sh/bash/console block, comments and prompts dropped. */
function docCommands(): DocCommand[] {
  const docs = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
  const commands: DocCommand[] = [];
  for (const doc of docs) {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    for (const block of text.matchAll(/```(sh|bash|console|shell)\n([\s\S]*?)```/g)) {
      // A command continued over lines with a trailing backslash is one command.
      for (const raw of block[2].replace(/\s*\\\n\s*/g, ' ').split('\n')) {
        const command = raw
          .replace(/^\s*\$\s+/, '')
          .replace(/\s+#\s.*$/, '')
          .trim();
        if (command && !command.startsWith('#')) commands.push({ doc, command });
      }
    }
  }
  return commands;
}

/** A command runs in parts joined by &&; a skipped part is left out with its reason. */
function runnableParts(command: string): string[] {
  if (SKIPPED[command]) return [];
  return command
    .split(/\s+&&\s+/)
    .map((p) => p.trim())
    .filter((p) => !SKIPPED[p]);
}

let project: string;
let bin: string;
let workbook: string;

beforeAll(async () => {
  // The project as git has it, without node_modules (linked) or build output.
  project = path.join(tempDir('twelve-docs-'), 'twelve-points');
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.split('\0');
  for (const file of files.filter(Boolean)) {
    if (file === 'node_modules' || !existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(project, file));
  }
  symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(project, 'node_modules'));
  const build = spawnSync('npm', ['run', 'build'], { cwd: project, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // `twelve` as `npm install -g` makes it: the package's bin on the PATH.
  bin = path.join(tempDir('twelve-bin-'));
  writeFileSync(
    path.join(bin, 'twelve'),
    `#!/bin/sh\nexec node ${JSON.stringify(path.join(project, 'bin', 'twelve.js'))} "$@"\n`,
    { mode: 0o755 },
  );
  // A clerk's own small workbook, where a doc names 台账.xlsx or the like.
  const sheets = cardSheets().slice(0, 2);
  sheets.push({
    name: '设置',
    rows: [
      ['项目', '值'],
      ['单位名称', '文档示例党工委'],
      ['上级党组织邮箱', 'zuzhibu@example.gov.cn'],
    ],
  });
  workbook = await writeXlsx(sheets);
}, 180_000);

/** The workbook a twelve command names; null where it takes the bundled sample. */
function namedWorkbook(part: string): string | null {
  const m = /^twelve\s+(?!init\b)\S+\s+([^\s-][^\s]*\.xlsx)/.exec(part);
  return m ? m[1] : null;
}

function run(part: string, cwd: string) {
  const file = namedWorkbook(part);
  if (file && !existsSync(path.join(cwd, file))) cpSync(workbook, path.join(cwd, file));
  const template = path.join(cwd, '我单位模板', 'partials');
  if (part.includes('--templates 我单位模板') && !existsSync(template)) {
    mkdirSync(template, { recursive: true });
    writeFileSync(
      path.join(template, 'red-head.hbs'),
      "<div class='red-head'>{{unit}}（本单位）</div>",
    );
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  for (const key of Object.keys(env)) if (key.startsWith('TWELVE_SMTP')) delete env[key];
  return spawnSync('bash', ['-c', part], { cwd, env, encoding: 'utf8', timeout: 240_000 });
}

describe('every command the docs show runs', () => {
  const commands = docCommands();

  it('skips only commands the docs still show', () => {
    const shown = new Set(commands.flatMap((c) => [c.command, ...c.command.split(/\s+&&\s+/)]));
    for (const skipped of Object.keys(SKIPPED)) expect(shown, skipped).toContain(skipped);
  });

  it('never shows npx twelve or tsx scripts/… to a clerk', () => {
    for (const { doc, command } of commands) {
      expect(command, doc).not.toMatch(/^npx twelve|tsx scripts\//);
    }
  });

  // One folder per doc, as a clerk follows one page from its top; the project's own npm
  // commands run in the project copy.
  const byDoc = new Map<string, DocCommand[]>();
  for (const c of commands) byDoc.set(c.doc, [...(byDoc.get(c.doc) ?? []), c]);
  it.each([...byDoc.keys()])(
    '%s',
    (doc) => {
      const folder = tempDir('twelve-doc-run-');
      for (const { command } of byDoc.get(doc)!) {
        for (const part of runnableParts(command)) {
          const cwd = /^(npm|npx|bash|node)\b/.test(part) ? project : folder;
          const r = run(part, cwd);
          // The bundled sample has five rows typed wrong on purpose: its expected status is 1.
          const ok = part.startsWith('twelve') && !namedWorkbook(part) ? [0, 1] : [0];
          expect(ok, `${doc}: ${part}\n${r.stdout}\n${r.stderr}`).toContain(r.status);
        }
      }
    },
    300_000,
  );
});
