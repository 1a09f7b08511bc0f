import { foldForSearch } from '../lib/org-forest.js';
import type {
  MyOrganization,
  Organization,
  OrganizationForest,
  OrganizationTreeNode,
} from '../lib/types.js';

/** One organization the switcher offers: a membership, or an org managed from above. */
export interface OrgSwitcherEntry {
  readonly organization: Organization;
  /** The caller's membership there; absent for organizations managed from a parent. */
  readonly membership?: MyOrganization;
  /** 0 for the caller's own organizations, 1 for their clients, 2 below… */
  readonly depth: number;
  /** Names from the top of the tree down to the parent (empty at the top). */
  readonly path: readonly string[];
}

/**
 * The switcher's list: each of the caller's organizations followed by the organizations it
 * manages, depth first (the partner view). Without the forest (still loading,
 * or not available) only the memberships are listed.
 */
export function buildOrgSwitcherEntries(
  memberships: readonly MyOrganization[],
  forest: OrganizationForest | undefined,
): OrgSwitcherEntry[] {
  const byId = new Map(memberships.map((m) => [m.organization.id, m]));
  const entries: OrgSwitcherEntry[] = [];
  const seen = new Set<string>();
  const walk = (node: OrganizationTreeNode, depth: number, path: readonly string[]) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    const { children, depth: _depth, ...organization } = node;
    const membership = byId.get(node.id);
    entries.push({
      organization: membership?.organization ?? organization,
      ...(membership ? { membership } : {}),
      depth,
      path,
    });
    for (const child of children) walk(child, depth + 1, [...path, node.name]);
  };
  for (const root of forest?.roots ?? []) walk(root, 0, []);
  for (const m of memberships) {
    if (!seen.has(m.organization.id)) {
      seen.add(m.organization.id);
      entries.push({ organization: m.organization, membership: m, depth: 0, path: [] });
    }
  }
  return entries;
}

/** Entries whose name (or slug) contains `query`, ignoring case and accents. */
export function filterOrgSwitcherEntries(
  entries: readonly OrgSwitcherEntry[],
  query: string,
): OrgSwitcherEntry[] {
  const q = foldForSearch(query.trim());
  if (!q) return [...entries];
  return entries.filter(
    (e) =>
      foldForSearch(e.organization.name).includes(q) ||
      foldForSearch(e.organization.slug).includes(q),
  );
}
