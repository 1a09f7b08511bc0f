/**
 * A deliberately plain evaluator of DESIGN §3 over an {@link AccessWorld}: string sets, recursion
 * and loops, no bitsets, no caches, no shared code with the compiled path. Property tests check
 * that the compiled evaluator agrees with it on random worlds.
 */
import type { ResourceRef } from '../acl/types.js';
import type { Catalog } from '../catalog/define-catalog.js';
import type { AccessWorld } from '../model/types.js';
import type { GrantEntry, RoleSpec } from '../roles/types.js';

interface Perms {
  plain: Set<string>;
  conditional: { permission: string; requires: string[] }[];
}

function expand(catalog: Catalog, pattern: string): string[] {
  if (pattern === '*') return [...catalog.permissions];
  if (pattern.endsWith(':*')) {
    const prefix = pattern.slice(0, -1);
    return catalog.permissions.filter(
      (p) => p.startsWith(prefix) && !p.slice(prefix.length).includes(':'),
    );
  }
  return catalog.permissions.includes(pattern) ? [pattern] : [];
}

function roleSpec(
  world: AccessWorld,
  presets: readonly RoleSpec[],
  key: string,
  orgId: string | null,
): RoleSpec | undefined {
  const custom = world.customRoles.find((r) => r.orgId === orgId && r.key === key);
  return custom ?? presets.find((p) => p.key === key);
}

function rolePerms(
  catalog: Catalog,
  world: AccessWorld,
  presets: readonly RoleSpec[],
  spec: RoleSpec,
  orgId: string | null,
  scope: 'self' | 'descendants',
): Perms {
  const result: Perms = { plain: new Set(), conditional: [] };
  if (spec.extends !== undefined) {
    const base = roleSpec(world, presets, spec.extends, orgId);
    if (base) {
      const baseOrg = world.customRoles.some((r) => r.orgId === orgId && r.key === spec.extends)
        ? orgId
        : null;
      const inherited = rolePerms(catalog, world, presets, base, baseOrg, scope);
      for (const p of inherited.plain) result.plain.add(p);
      result.conditional.push(...inherited.conditional);
    }
  }
  const entries: readonly GrantEntry<string>[] = spec[scope] ?? [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      for (const p of expand(catalog, entry)) result.plain.add(p);
    } else {
      const requires = typeof entry.requires === 'string' ? [entry.requires] : [...entry.requires];
      for (const p of expand(catalog, entry.permission))
        result.conditional.push({ permission: p, requires });
    }
  }
  const removed = new Set<string>();
  for (const pattern of spec.remove?.[scope] ?? [])
    for (const p of expand(catalog, pattern)) removed.add(p);
  for (const p of removed) result.plain.delete(p);
  result.conditional = result.conditional.filter((c) => !removed.has(c.permission));
  return result;
}

function ancestorsOf(world: AccessWorld, orgId: string): string[] {
  const out: string[] = [];
  let current = world.orgs.find((o) => o.id === orgId)?.parentId ?? null;
  while (current !== null && current !== orgId && !out.includes(current)) {
    out.push(current);
    current = world.orgs.find((o) => o.id === current)?.parentId ?? null;
  }
  return out;
}

/** Effective permissions of a user in an org, as a plain set of strings. */
export function referencePermissions(
  catalog: Catalog,
  presets: readonly RoleSpec[],
  world: AccessWorld,
  userId: string,
  orgId: string,
): Set<string> {
  const user = world.users.find((u) => u.id === userId);
  if (user?.status !== 'active') return new Set();
  if (user.platformAdmin) return new Set(catalog.permissions);
  const ancestors = ancestorsOf(world, orgId);
  const member = world.memberships.some((m) => m.orgId === orgId && m.userId === userId);
  const held: { orgId: string; key: string }[] = [];
  for (const m of world.memberships) {
    if (m.userId === userId && (m.orgId === orgId || ancestors.includes(m.orgId))) {
      for (const key of m.roles) held.push({ orgId: m.orgId, key });
    }
  }
  for (const g of world.groups) {
    if (g.memberIds.includes(userId) && (g.orgId === orgId || ancestors.includes(g.orgId))) {
      for (const key of g.roles) held.push({ orgId: g.orgId, key });
    }
  }
  const set = new Set<string>();
  const conditional: { permission: string; requires: string[] }[] = [];
  let inherits = false;
  for (const h of held) {
    const scope = h.orgId === orgId ? 'self' : 'descendants';
    if (scope === 'self' && !member) continue;
    const spec = roleSpec(world, presets, h.key, h.orgId);
    if (!spec) continue;
    const definedIn = world.customRoles.some((r) => r.orgId === h.orgId && r.key === h.key)
      ? h.orgId
      : null;
    const perms = rolePerms(catalog, world, presets, spec, definedIn, scope);
    if (scope === 'descendants' && (perms.plain.size > 0 || perms.conditional.length > 0))
      inherits = true;
    for (const p of perms.plain) set.add(p);
    conditional.push(...perms.conditional);
  }
  if (!member && !inherits) return new Set();
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of conditional) {
      if (!set.has(c.permission) && c.requires.every((r) => set.has(r))) {
        set.add(c.permission);
        changed = true;
      }
    }
  }
  return set;
}

/** DESIGN §3 `allowed(user, org, permission, resource?)`, the plain way. */
export function referenceAllowed(
  catalog: Catalog,
  presets: readonly RoleSpec[],
  world: AccessWorld,
  userId: string,
  orgId: string,
  permission: string,
  resource?: ResourceRef,
): boolean {
  const perms = referencePermissions(catalog, presets, world, userId, orgId);
  if (!perms.has(permission)) return false;
  if (!resource) return true;
  const [type, action] = permission.split(':') as [string, string];
  if (resource.type !== type) return false;
  if (!catalog.resources.get(type)?.acl) return true;
  if (perms.has(`${type}:all`)) return true;
  const chain: ResourceRef[] = [];
  let current: ResourceRef | null | undefined = resource;
  while (current && !chain.some((c) => c.type === current!.type && c.id === current!.id)) {
    chain.push(current);
    const ref: ResourceRef = current;
    current = world.resources.find((r) => r.type === ref.type && r.id === ref.id)?.parent;
  }
  const ancestors = ancestorsOf(world, orgId);
  const groupIds = world.groups
    .filter(
      (g) => g.memberIds.includes(userId) && (g.orgId === orgId || ancestors.includes(g.orgId)),
    )
    .map((g) => g.id);
  return world.grants.some((g) => {
    if (!chain.some((c) => c.type === g.resource.type && c.id === g.resource.id)) return false;
    const p = g.principal;
    const names =
      (p.kind === 'user' && p.id === userId) || (p.kind === 'group' && groupIds.includes(p.id));
    if (!names) return false;
    if (g.actions) return g.actions.includes(action);
    if (g.role === undefined) return false;
    const spec = roleSpec(world, presets, g.role, orgId);
    if (!spec) return false;
    const definedIn = world.customRoles.some((r) => r.orgId === orgId && r.key === g.role)
      ? orgId
      : null;
    return rolePerms(catalog, world, presets, spec, definedIn, 'self').plain.has(permission);
  });
}
