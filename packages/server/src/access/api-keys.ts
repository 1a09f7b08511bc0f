import { checkEscalation, PermissionSet } from '@orgkit/core';
import { ApiError, forbidden } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { Store } from '../store/store.js';
import type { User } from '../store/users.js';
import type { Access, Permission } from './access.js';
import { assertOk } from './decisions.js';

/** 422 naming each scope that is not a permission of the catalog. */
export function checkScopeNames(access: Access, scopes: readonly string[]): Permission[] {
  const errors = scopes.flatMap((s, i) =>
    access.catalog.has(s)
      ? []
      : [
          {
            in: 'json',
            path: `scopes.${i}`,
            message: `unknown permission "${s}"`,
            code: 'unknown_permission',
          },
        ],
  );
  if (errors.length > 0) {
    throw new ApiError(422, ErrorCode.UNKNOWN_PERMISSION, 'Unknown permissions in scopes.', {
      errors,
    });
  }
  return scopes as Permission[];
}

/**
 * What a new API key may carry (architecture §3 escalation guard): the caller's permissions where the
 * key will work, which must include `api_keys:create`. An org-bound key: the caller's permissions
 * in that org (404 when it is invisible, 403 without `api_keys:create`). An unbound key: the union
 * over the caller's orgs where they hold `api_keys:create` (every permission for platform admins).
 * `scopes`, when given, must be a subset; at each request a key's power is recomputed as its
 * scopes ∩ the user's permissions in the org at hand.
 */
export async function checkApiKeyGrant(
  access: Access,
  store: Store,
  user: User,
  orgId: string | undefined,
  scopes: readonly string[] | undefined,
): Promise<void> {
  const requested = scopes ? checkScopeNames(access, scopes) : undefined;
  let held: PermissionSet<Permission>;
  if (orgId) {
    const inOrg = await access.resolve(store, { user }, orgId);
    if (!inOrg) throw new ApiError(404, ErrorCode.NOT_FOUND, 'Organization not found.');
    if (!inOrg.permissions.has('api_keys:create')) {
      throw forbidden('You need api_keys:create in this organization.');
    }
    held = inOrg.permissions;
  } else if (user.platformAdmin) {
    held = PermissionSet.full(access.catalog);
  } else {
    held = PermissionSet.empty(access.catalog);
    for (const row of await store.organizations.listForUser(user.id)) {
      const inOrg = await access.resolve(store, { user }, row.org.id);
      if (inOrg?.permissions.has('api_keys:create')) {
        held = PermissionSet.of(access.catalog, [...held.list(), ...inOrg.permissions.list()]);
      }
    }
    if (!held.has('api_keys:create')) {
      throw forbidden('You need api_keys:create in an organization to create API keys.');
    }
  }
  if (requested) assertOk(checkEscalation(held, PermissionSet.of(access.catalog, requested)));
}
