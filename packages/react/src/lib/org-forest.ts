import type { OrganizationTreeNode } from './types.js';

/** Every node of an org forest with its parent, depth first, in order. */
export function walkForest(
  roots: readonly OrganizationTreeNode[],
  visit: (node: OrganizationTreeNode, parent: OrganizationTreeNode | null) => void,
): void {
  const stack: [OrganizationTreeNode, OrganizationTreeNode | null][] = roots
    .map((r): [OrganizationTreeNode, null] => [r, null])
    .reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, parent] = item;
    visit(node, parent);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, node]);
  }
}

/** Text folded for searching organization names: no case, no accents. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
