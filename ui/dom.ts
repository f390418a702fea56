// Building lists for the pane and the web page with DOM calls every engine the add-in runs in
// has (IE11, EdgeHTML 18): text only through textContent, children added one by one.

export type Say = (text: string, error?: boolean) => void;

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text = '',
  cls = '',
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

/** Replaces a node's children (replaceChildren where the engine lacks it). */
export function fill(parent: Node, children: readonly Node[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children) parent.appendChild(child);
}
