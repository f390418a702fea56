// DOM helpers for every engine the pane runs in. IE11 and EdgeHTML 18 lack
// Element.replaceChildren, append and prepend, and IE11 ignores classList.toggle's second
// argument; these do the same with what every engine has.

/** Replaces the element's children with the given nodes. */
export function setChildren(parent: Node, nodes: readonly Node[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const node of nodes) parent.appendChild(node);
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
