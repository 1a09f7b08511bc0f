import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type ActiveOrgSource, resolveActiveOrgId } from '../lib/resolve-active-org.js';
import type { OrganizationTreeNode } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { myOrgTreeQueryOptions } from '../queries/org-tree-query-options.js';
import { useOrganizations } from './use-organizations.js';
import { useSession } from './use-session.js';

/** Result of {@link useActiveOrgId}. */
export interface ActiveOrgId {
  /** The active organization, or null when none is (yet) chosen. */
  readonly orgId: string | null;
  /** Why this one: the host's prop, the user's choice, the session, the device, the only org. */
  readonly source: ActiveOrgSource;
}

/**
 * The active organization's id, resolved as {@link resolveActiveOrgId} describes. Hooks that
 * take an optional `orgId` default to it. A partner who opened a client org they manage without
 * being a member of it (`OrgTree`) keeps it active: the partner forest is fetched to check.
 */
export function useActiveOrgId(): ActiveOrgId {
  const ctx = useOrgkitContext('useActiveOrgId');
  const controlled = ctx.orgId !== undefined;
  const session = useSession();
  const signedIn = session.user !== null;
  const orgs = useOrganizations({ enabled: !controlled && signedIn });
  const orgIds = useMemo(
    () =>
      orgs.data?.items.filter((m) => m.status === 'active').map((m) => m.organization.id) ??
      (session.isSuccess && !signedIn ? [] : undefined),
    [orgs.data, session.isSuccess, signedIn],
  );
  const sessionOrgId = orgs.data?.activeOrgId ?? session.data?.activeOrgId;
  // A choice outside the user's memberships may be an org they manage from above (a partner's
  // client org opened in OrgTree): only then is the partner forest needed to tell.
  const needsManaged =
    !controlled &&
    orgIds !== undefined &&
    [ctx.selectedOrgId, sessionOrgId, ctx.rememberedOrg?.orgId].some(
      (id) => !!id && !orgIds.includes(id),
    );
  const forest = useQuery({
    ...myOrgTreeQueryOptions(ctx.client),
    enabled: needsManaged && signedIn,
  });
  const managedIds = useMemo(() => {
    if (!forest.data) return undefined;
    const ids: string[] = [];
    walk(forest.data.roots, (n) => ids.push(n.id));
    return ids;
  }, [forest.data]);
  if (needsManaged && signedIn && forest.isPending) {
    return { orgId: ctx.selectedOrgId ?? null, source: 'pending' };
  }
  return resolveActiveOrgId({
    controlled: ctx.orgId,
    selected: ctx.selectedOrgId,
    sessionOrgId,
    remembered: ctx.rememberedOrg,
    userId: session.user?.id,
    orgIds,
    managedIds,
  });
}

/** Every organization of a forest, depth first. */
function walk(nodes: readonly OrganizationTreeNode[], visit: (node: OrganizationTreeNode) => void) {
  for (const node of nodes) {
    visit(node);
    walk(node.children, visit);
  }
}
