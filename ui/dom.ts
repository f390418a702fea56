// Building lists for the pane and the web page with DOM calls every engine the add-in runs in
// has: IE11 and EdgeHTML 18 lack Element.replaceChildren, append and prepend, and IE11 ignores
// classList.toggle's second argument. Text only goes in through textContent.

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

/** Adds nodes at the end of the element. */
export function appendAll(parent: Node, nodes: readonly Node[]): void {
  for (const node of nodes) parent.appendChild(node);
}

/** Sets or clears one class. */
export function setClass(element: Element, name: string, on: boolean): void {
  if (on) element.classList.add(name);
  else element.classList.remove(name);
}
