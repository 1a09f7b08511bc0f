import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { walkForest } from '../lib/org-forest.js';
import { type ActiveOrgSource, resolveActiveOrgId } from '../lib/resolve-active-org.js';
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
 * take an optional `orgId` default to it. An organization the user manages without belonging to
 * it (a partner's client) may be active too: when the chosen one is not a membership, the
 * caller's org tree is loaded to confirm it.
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
  const remembered =
    ctx.rememberedOrg?.userId === session.user?.id ? ctx.rememberedOrg?.orgId : undefined;
  const wanted = [ctx.selectedOrgId, sessionOrgId, remembered].filter(
    (id): id is string => typeof id === 'string',
  );
  const needTree = !controlled && orgIds !== undefined && wanted.some((id) => !orgIds.includes(id));
  const tree = useQuery({ ...myOrgTreeQueryOptions(ctx.client), enabled: needTree && signedIn });
  const managedIds = useMemo(() => {
    if (!needTree || !tree.data) return undefined;
    const ids: string[] = [];
    walkForest(tree.data.roots, (node) => ids.push(node.id));
    return ids;
  }, [needTree, tree.data]);
  if (needTree && signedIn && tree.isPending) {
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
