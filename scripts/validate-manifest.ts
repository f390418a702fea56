// `npm run validate:manifest`: checks manifest.xml offline. First against the OfficeApp 1.1
// schema with xmllint (the patched XSDs in ../shared/schemas, or the folder named by
// OFFICE_MANIFEST_SCHEMAS; skipped, and said so, where neither exists), then what the schema
// cannot check: every resid names a resource, every URL is https on one origin, the icon
// and page files exist, and the ribbon's FunctionName is one the commands page associates.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { parseStringPromise } from 'xml2js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_FILE = 'OfficeAppManifestV1_1.xsd';

export interface ManifestReport {
  schema: { status: 'valid' | 'invalid' | 'skipped'; detail: string };
  errors: string[];
}

export function schemaDir(): string | null {
  const candidates = [
    process.env.OFFICE_MANIFEST_SCHEMAS,
    path.resolve(ROOT, '..', 'shared', 'schemas', 'officeapp-patched'),
  ].filter((d): d is string => Boolean(d));
  return candidates.find((d) => existsSync(path.join(d, SCHEMA_FILE))) ?? null;
}

export async function validateManifest(
  file = path.join(ROOT, 'manifest.xml'),
  options: { schemas?: string | null; addinDir?: string } = {},
): Promise<ManifestReport> {
  const schemas = options.schemas === undefined ? schemaDir() : options.schemas;
  return {
    schema: await schemaCheck(file, schemas),
    errors: await semanticErrors(file, options.addinDir ?? path.join(ROOT, 'addin')),
  };
}

async function schemaCheck(
  file: string,
  schemas: string | null,
): Promise<ManifestReport['schema']> {
  if (!schemas)
    return {
      status: 'skipped',
      detail: `skipped: no OfficeApp schema (../shared/schemas/officeapp-patched or $OFFICE_MANIFEST_SCHEMAS)`,
    };
  try {
    await promisify(execFile)('xmllint', [
      '--noout',
      '--schema',
      path.join(schemas, SCHEMA_FILE),
      file,
    ]);
    return { status: 'valid', detail: `${path.basename(file)} validates against ${SCHEMA_FILE}` };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      return { status: 'skipped', detail: 'skipped: xmllint is not installed (libxml2-utils)' };
    return { status: 'invalid', detail: (e.stderr ?? e.message).trim() };
  }
}

interface Node {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

/** Every element of the document, flattened, with its attributes and text. */
function walk(tree: unknown, name = '', out: Node[] = []): Node[] {
  if (Array.isArray(tree)) {
    for (const item of tree) walk(item, name, out);
    return out;
  }
  if (typeof tree === 'string') {
    out.push({ name, attrs: {}, text: tree });
    return out;
  }
  if (tree && typeof tree === 'object') {
    const o = tree as Record<string, unknown>;
    out.push({
      name,
      attrs: (o.$ as Record<string, string>) ?? {},
      text: typeof o._ === 'string' ? o._ : '',
    });
    for (const [key, value] of Object.entries(o))
      if (key !== '$' && key !== '_') walk(value, key, out);
  }
  return out;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

async function semanticErrors(file: string, addinDir: string): Promise<string[]> {
  const errors: string[] = [];
  // office-addin-manifest's own offline reading: it fails on a manifest it cannot parse.
  const info = await OfficeAddinManifest.readManifestFile(file).catch((e: Error) => {
    errors.push(`office-addin-manifest cannot read it: ${e.message}`);
    return null;
  });
  if (!info) return errors;
  if (!info.id || !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(info.id))
    errors.push(`<Id> "${info.id}" is not a GUID`);
  if (!info.hosts?.includes('Workbook')) errors.push('<Hosts> does not name Workbook (Excel)');

  const nodes = walk(await parseStringPromise(readFileSync(file, 'utf8')));
  const resourceIds = new Set<string>();
  for (const n of nodes) {
    if (['Image', 'Url', 'String'].includes(local(n.name)) && n.attrs.id) {
      if (resourceIds.has(n.attrs.id)) errors.push(`resource id "${n.attrs.id}" is defined twice`);
      resourceIds.add(n.attrs.id);
    }
  }
  for (const n of nodes)
    if (n.attrs.resid && !resourceIds.has(n.attrs.resid))
      errors.push(`<${local(n.name)} resid="${n.attrs.resid}"> names no resource`);

  const urls = nodes.flatMap((n) =>
    [n.attrs.DefaultValue, n.attrs.Value, local(n.name) === 'AppDomain' ? n.text : undefined]
      .filter((v): v is string => Boolean(v) && /^[a-z]+:\/\//i.test(v!))
      .map((v) => ({ element: local(n.name), url: v })),
  );
  const origins = new Set<string>();
  for (const { element, url } of urls) {
    const u = new URL(url);
    if (u.protocol !== 'https:') errors.push(`<${element}> ${url} is not https`);
    origins.add(u.origin);
    if (element !== 'AppDomain' && u.pathname !== '/') {
      const local = path.join(addinDir, decodeURIComponent(u.pathname));
      if (!existsSync(local))
        errors.push(`<${element}> ${url}: ${path.relative(ROOT, local)} does not exist`);
    }
  }
  if (origins.size > 1) errors.push(`URLs use ${origins.size} origins: ${[...origins].join(', ')}`);

  const commands = readFileSync(path.join(addinDir, 'commands.ts'), 'utf8');
  for (const n of nodes.filter((x) => local(x.name) === 'FunctionName')) {
    const fn = n.text.trim();
    if (!commands.includes(`associate('${fn}'`))
      errors.push(`<FunctionName>${fn}</FunctionName> is not associated in addin/commands.ts`);
  }
  return errors;
}

async function main(): Promise<number> {
  const file = path.resolve(process.argv[2] ?? path.join(ROOT, 'manifest.xml'));
  const report = await validateManifest(file);
  console.log(`schema: ${report.schema.detail}`);
  for (const e of report.errors) console.log(`error: ${e}`);
  if (report.errors.length === 0) console.log('semantic checks: ok');
  return report.schema.status === 'invalid' || report.errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main();
