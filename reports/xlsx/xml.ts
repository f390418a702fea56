// Streaming XML through saxes, one part at a time. Element names are given without their
// namespace prefix ("x:c" → "c"): writers differ in prefixes, not in meaning. A DOCTYPE is
// refused outright: no .xlsx writer emits one, and it is how entity expansion attacks begin.
import { SaxesParser } from 'saxes';
import { damaged } from './errors.js';
import { LIMITS } from './limits.js';
import type { ZipParts } from './zip.js';

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  /** Text between tags; called only while `wantText()` says so (saves building strings). */
  text?(text: string): void;
}

export async function parsePart(
  parts: ZipParts,
  name: string,
  handlers: XmlHandlers,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const bad = (what: string) => damaged(parts.fileName, `部件 ${name} ${what}`);
  parser.on('doctype', () => {
    throw bad('含有 DTD 声明，出于安全原因不予读取');
  });
  parser.on('error', () => {
    throw bad('不是有效的 XML');
  });
  // Counted here, before saxes's own stack of open tags can grow: 10 million nested elements
  // in a 90 KB zip would otherwise hold gigabytes.
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > LIMITS.xmlDepth)
      throw bad(`的 XML 嵌套超过 ${LIMITS.xmlDepth} 层，不是 Excel 写出的结构`);
    handlers.open(localName(tag.name), tag.attributes as unknown as Attributes);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    const text = (t: string) => handlers.text!(t);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  await parts.read(name, (chunk) => {
    parser.write(chunk);
  });
  parser.close();
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever prefix the writer gave it (r:id, ns1:id). */
export function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  for (const key in attributes) {
    const colon = key.indexOf(':');
    if (colon >= 0 && key.slice(colon + 1) === local) return attributes[key];
  }
  return undefined;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes _x000D_ for CR). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
