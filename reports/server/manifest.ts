// The add-in's manifest for a server's own origin: manifest.xml names the development server
// https://localhost:3000; every URL moves under the given origin, <AppDomain> takes it bare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const DEV_ORIGIN = 'https://localhost:3000';

export function manifestFor(
  origin: string,
  xml = readFileSync(path.join(PROJECT_ROOT, 'manifest.xml'), 'utf8'),
): string {
  const base = origin.replace(/\/$/, '');
  return xml
    .replaceAll(
      `<AppDomain>${DEV_ORIGIN}</AppDomain>`,
      `<AppDomain>${new URL(base).origin}</AppDomain>`,
    )
    .replaceAll(DEV_ORIGIN, base);
}
