import type { Catalog, PermissionSet, ResourceRef } from '@orgkit/core';
import type { OrgkitError } from '@orgkit/sdk';
import { useQuery } from '@tanstack/react-query';
import type { Permission } from '../lib/register.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { resourceAccessQueryOptions } from '../queries/resource-access-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';
import { usePermissions } from './use-permissions.js';
import { useSession } from './use-session.js';

/** Options of {@link useCan}. */
export interface UseCanOptions {
  /** The organization to check in; default the active one. */
  readonly orgId?: string | null;
  /** A resource instance, for ACL-controlled resource types. */
  readonly resource?: ResourceRef;
}

/** Result of {@link useCan}. */
export interface CanResult {
  /** True only when the permission is known to be held: false while loading or on error. */
  readonly allowed: boolean;
  readonly status: 'pending' | 'success' | 'error';
  readonly error: OrgkitError | null;
}

const PENDING: CanResult = { allowed: false, status: 'pending', error: null };
const DENIED: CanResult = { allowed: false, status: 'success', error: null };
const ALLOWED: CanResult = { allowed: true, status: 'success', error: null };
const NO_RESOURCE: ResourceRef = { type: '', id: '' };

/**
 * The answer the compiled set gives for a resource check, or `'server'` when only the
 * resource's grants can tell (an ACL-controlled type without `<type>:all`).
 */
function decideOnResource(
  catalog: Catalog<string>,
  set: PermissionSet<Permission>,
  permission: Permission,
  resource: ResourceRef,
): CanResult | 'server' {
  const type = permission.slice(0, permission.indexOf(':'));
  if (resource.type !== type) return DENIED;
  if (!catalog.resources.get(type)?.acl) return ALLOWED;
  if (set.has(`${type}:all` as Permission)) return ALLOWED;
  return 'server';
}

/**
 * May the signed-in user do `permission`? Answered from the compiled permission set of the
 * organization (one request per organization, none per check): `false` while loading, with a
 * `status` for callers who need to tell "no" from "not yet".
 *
 * With a `resource` of an ACL-controlled type, the set decides when it can (the permission is
 * missing, or `<type>:all` is held); otherwise the server decides from the resource's grants,
 * every such check of a render going out in one batch request.
 *
 * @example
 * const { allowed } = useCan('invitations:create');
 * const canEdit = useCan('directories:update', { resource: { type: 'directories', id } });
 */
export function useCan(permission: Permission, options: UseCanOptions = {}): CanResult {
  const { catalog, client } = useOrgkitContext('useCan');
  const session = useSession();
  const active = useActiveOrgId();
  const orgId = options.orgId === undefined ? active.orgId : options.orgId;
  const perms = usePermissions(orgId);
  const set = perms.permissions;
  const resource = options.resource;
  const local =
    set && resource && set.has(permission)
      ? decideOnResource(catalog, set, permission, resource)
      : undefined;
  const remote = useQuery({
    ...resourceAccessQueryOptions(client, orgId ?? '', permission, resource ?? NO_RESOURCE),
    enabled: local === 'server' && !!orgId,
  });

  if (session.error) return { allowed: false, status: 'error', error: session.error };
  if (session.isSuccess && !session.isSignedIn) return DENIED;
  if (!orgId) return active.source === 'pending' || session.isPending ? PENDING : DENIED;
  if (perms.error) return { allowed: false, status: 'error', error: perms.error };
  if (!set) return PENDING;
  if (!set.has(permission)) return DENIED;
  if (!resource) return ALLOWED;
  if (local !== 'server') return local ?? DENIED;
  if (remote.error) return { allowed: false, status: 'error', error: remote.error };
  if (remote.data === undefined) return PENDING;
  return remote.data ? ALLOWED : DENIED;
}
