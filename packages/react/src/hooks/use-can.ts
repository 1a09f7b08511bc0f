import type { ResourceRef } from '@orgkit/core';
import { OrgkitError } from '@orgkit/sdk';
import type { Permission } from '../lib/register.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
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

function resourceCheckUnavailable(resource: ResourceRef): CanResult {
  return {
    allowed: false,
    status: 'error',
    error: new OrgkitError({
      type: 'about:blank',
      title: 'Resource check unavailable',
      status: 0,
      code: 'RESOURCE_CHECK_UNAVAILABLE',
      detail: `Access to ${resource.type} ${resource.id} depends on its grants, which need the server's access check.`,
    }),
  };
}

/**
 * May the signed-in user do `permission`? Answered from the compiled permission set of the
 * organization (one request per organization, none per check): `false` while loading, with a
 * `status` for callers who need to tell "no" from "not yet".
 *
 * For an ACL-controlled resource type the set decides when it can (the permission is missing,
 * or `<type>:all` is held); otherwise the answer needs the resource's grants.
 *
 * @example
 * const { allowed } = useCan('members:invite');
 * return allowed ? <InviteButton /> : null;
 */
export function useCan(permission: Permission, options: UseCanOptions = {}): CanResult {
  const { catalog } = useOrgkitContext('useCan');
  const session = useSession();
  const active = useActiveOrgId();
  const orgId = options.orgId === undefined ? active.orgId : options.orgId;
  const perms = usePermissions(orgId);

  if (session.error) return { allowed: false, status: 'error', error: session.error };
  if (session.isSuccess && !session.isSignedIn) return DENIED;
  if (!orgId) return active.source === 'pending' || session.isPending ? PENDING : DENIED;
  if (perms.error) return { allowed: false, status: 'error', error: perms.error };
  const set = perms.permissions;
  if (!set) return PENDING;
  if (!set.has(permission)) return DENIED;
  const resource = options.resource;
  if (!resource) return ALLOWED;
  const type = permission.slice(0, permission.indexOf(':'));
  if (resource.type !== type) return DENIED;
  if (!catalog.resources.get(type)?.acl) return ALLOWED;
  if (set.has(`${type}:all` as Permission)) return ALLOWED;
  return resourceCheckUnavailable(resource);
}
