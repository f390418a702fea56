// The layers of the report tool: the CLI commands and the server's jobs both stand on
// reports/print/ (print and deliver); neither the server nor the print layer reaches up into
// reports/commands/, so a job cannot drift from the command of the same name by calling a
// copy, and a command's terminal wording never reaches the server.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../reports/paths.js';

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) =>
    path.normalize(path.join(path.dirname(file), m[1])),
  );
}

describe('reports/ layers', () => {
  it.each(['reports/server', 'reports/jobs', 'reports/print', 'reports/mail', 'reports/cards'])(
    '%s imports nothing from reports/commands/',
    (dir) => {
      const upward = tsFiles(dir).flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith(path.normalize('reports/commands/')))
          .map((i) => `${f} → ${i}`),
      );
      expect(upward).toEqual([]);
    },
  );

  it('the server runs its jobs through reports/print/', () => {
    const imports = importsOf('reports/server/job-kinds.ts');
    for (const module of ['notices', 'quarterly', 'ranking', 'upward-mail', 'browsers'])
      expect(imports).toContain(path.normalize(`reports/print/${module}.js`));
  });
});
