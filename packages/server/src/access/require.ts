import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { forbidden, notFound } from '../errors/api-error.js';
import { requirePrincipal } from '../middleware/authenticate.js';
import type { Store } from '../store/store.js';
import { actorOf, type OrgAccess, type Permission } from './access.js';

/**
 * Loads the caller's access to `orgId` and checks `permission`: 401 when anonymous, 404 when the
 * org is unknown or invisible to the caller (so its existence does not leak), 403 when visible
 * but the permission is missing. Pass the transaction's `store` to decide inside it.
 */
export async function requireOrgPermission(
  c: Context<AppEnv>,
  orgId: string,
  permission: Permission | readonly Permission[],
  store: Store = c.var.deps.store,
): Promise<OrgAccess> {
  const principal = requirePrincipal(c);
  const access = await c.var.deps.access.resolve(store, actorOf(principal), orgId);
  if (!access) throw notFound('Organization');
  const needed = typeof permission === 'string' ? [permission] : permission;
  if (!access.permissions.hasAll(needed)) {
    throw forbidden(`You need ${needed.join(' and ')} in this organization.`);
  }
  return access;
}
