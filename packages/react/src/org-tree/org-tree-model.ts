import { foldForSearch, walkForest } from '../lib/org-forest.js';
import type { OrganizationTreeNode } from '../lib/types.js';

/** One row of the tree as shown: the node, where it sits, and whether it is open. */
export interface OrgTreeRow {
  readonly node: OrganizationTreeNode;
  /** 1 for a root, as `aria-level`. */
  readonly level: number;
  /** The parent row's id, or null for a root. */
  readonly parentId: string | null;
  /** Children left after filtering (what expanding would show). */
  readonly children: readonly OrganizationTreeNode[];
  readonly expanded: boolean;
  /** True when the node's name matches the search (always true without a search). */
  readonly match: boolean;
  /** 1-based position among its (shown) siblings, and their count. */
  readonly posinset: number;
  readonly setsize: number;
}

/**
 * The forest kept by a search: nodes whose name contains `query` (case- and accent-insensitive)
 * and every ancestor of such a node, so matches are always shown in place. Without a query the
 * forest itself.
 */
export function filterForest(
  roots: readonly OrganizationTreeNode[],
  query: string,
): { readonly roots: readonly OrganizationTreeNode[]; readonly matches: ReadonlySet<string> } {
  const q = foldForSearch(query.trim());
  if (!q) return { roots, matches: new Set() };
  const matches = new Set<string>();
  const keep = (node: OrganizationTreeNode): OrganizationTreeNode | null => {
    const children = node.children.map(keep).filter((c): c is OrganizationTreeNode => c !== null);
    const match = foldForSearch(node.name).includes(q);
    if (match) matches.add(node.id);
    if (!match && children.length === 0) return null;
    return { ...node, children };
  };
  return {
    roots: roots.map(keep).filter((r): r is OrganizationTreeNode => r !== null),
    matches,
  };
}

/**
 * The rows a tree shows, in order: a node's children follow it only while it is expanded. While
 * searching, every kept node is expanded so each match is visible.
 */
export function visibleRows(
  roots: readonly OrganizationTreeNode[],
  expanded: ReadonlySet<string>,
  search: { readonly active: boolean; readonly matches: ReadonlySet<string> },
): OrgTreeRow[] {
  const rows: OrgTreeRow[] = [];
  const add = (
    node: OrganizationTreeNode,
    level: number,
    parentId: string | null,
    posinset: number,
    setsize: number,
  ) => {
    const open = node.children.length > 0 && (search.active || expanded.has(node.id));
    rows.push({
      node,
      level,
      parentId,
      children: node.children,
      expanded: open,
      match: !search.active || search.matches.has(node.id),
      posinset,
      setsize,
    });
    if (!open) return;
    const size = node.children.length;
    for (const [i, child] of node.children.entries()) add(child, level + 1, node.id, i + 1, size);
  };
  for (const [i, root] of roots.entries()) add(root, 1, null, i + 1, roots.length);
  return rows;
}

/** The ids of `node` and every node below it. */
export function subtreeIds(node: OrganizationTreeNode): Set<string> {
  const ids = new Set<string>();
  walkForest([node], (n) => ids.add(n.id));
  return ids;
}

/** Where `node` may move: any loaded org but itself, its descendants and its current parent. */
export function moveTargets(
  nodes: ReadonlyMap<string, OrganizationTreeNode>,
  node: OrganizationTreeNode,
): OrganizationTreeNode[] {
  const below = subtreeIds(node);
  return [...nodes.values()].filter((n) => !below.has(n.id) && n.id !== node.parentId);
}
