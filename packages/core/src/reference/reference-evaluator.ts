/**
 * A plain evaluator written from the rules in the package README ("The rules"), not from the
 * compiled code: string sets, recursion and loops, no bitsets, no shared helpers with the compiled
 * path. Property tests check that the compiled evaluator agrees with it on random worlds, so where
 * the two were written from different readings of a rule, the tests find it.
 */
import type { ResourceRef } from '../acl/types.js';
import type { Catalog } from '../catalog/define-catalog.js';
import type { AccessWorld, GroupRecord } from '../model/types.js';
import type { GrantEntry, RoleSpec } from '../roles/types.js';

type Scope = 'self' | 'descendants';

/** What a role gives in one scope: permissions outright, and ⭐ ones with their requirements. */
interface Gives {
  readonly outright: ReadonlySet<string>;
  readonly starred: readonly {
    readonly permission: string;
    readonly requires: readonly string[];
  }[];
}

const NOTHING: Gives = { outright: new Set(), starred: [] };

/** The reference's view of one world; resolved roles are remembered per world. */
export class ReferenceWorld {
  private readonly resolved = new Map<string, { self: Gives; descendants: Gives } | null>();

  constructor(
    readonly catalog: Catalog,
    readonly presets: readonly RoleSpec[],
    readonly world: AccessWorld,
  ) {}

  /** `*` is every permission; `type:*` every action of that type (its `all` too); else itself. */
  private meaning(pattern: string): string[] {
    const all = this.catalog.permissions;
    if (pattern === '*') return [...all];
    if (pattern.endsWith(':*')) {
      const type = pattern.slice(0, pattern.length - 2);
      return all.filter((p) => p.slice(0, p.indexOf(':')) === type);
    }
    return all.includes(pattern) ? [pattern] : [];
  }

  /** The role a key names when held in `orgId`: that org's custom role, else the preset. */
  private role(key: string, orgId: string | null): { spec: RoleSpec; org: string | null } | null {
    let custom: RoleSpec | undefined;
    for (const c of this.world.customRoles) if (c.orgId === orgId && c.key === key) custom = c;
    if (custom) return { spec: custom, org: orgId };
    const preset = this.presets.find((p) => p.key === key);
    return preset ? { spec: preset, org: null } : null;
  }

  /**
   * What a role gives, or null when its `extends` chain reaches a missing role or loops: such a
   * role gives nothing at all. A role's set is its base's set plus its own entries, minus its
   * `remove` (which comes last, so it also strips the role's own entries).
   */
  private gives(
    key: string,
    orgId: string | null,
    visiting: readonly string[] = [],
  ): { self: Gives; descendants: Gives } | null {
    const found = this.role(key, orgId);
    if (!found) return null;
    const id = `${found.org}|${key}`;
    if (visiting.includes(id)) return null;
    if (visiting.length === 0 && this.resolved.has(id)) return this.resolved.get(id)!;
    let base: { self: Gives; descendants: Gives } | null = { self: NOTHING, descendants: NOTHING };
    if (found.spec.extends !== undefined) {
      base = this.gives(found.spec.extends, found.org, [...visiting, id]);
    }
    let out: { self: Gives; descendants: Gives } | null = null;
    if (base) {
      out = {
        self: this.scopeGives(found.spec, 'self', base.self),
        descendants: this.scopeGives(found.spec, 'descendants', base.descendants),
      };
    }
    if (visiting.length === 0) this.resolved.set(id, out);
    return out;
  }

  private scopeGives(spec: RoleSpec, scope: Scope, base: Gives): Gives {
    const outright = new Set(base.outright);
    const starred = [...base.starred];
    const own: readonly GrantEntry<string>[] = spec[scope] ?? [];
    for (const entry of own) {
      if (typeof entry === 'string') {
        for (const p of this.meaning(entry)) outright.add(p);
        continue;
      }
      const requires = typeof entry.requires === 'string' ? [entry.requires] : entry.requires;
      // a requirement the catalog does not know can never be met: the entry gives nothing
      if (!requires.every((q) => this.catalog.permissions.includes(q))) continue;
      for (const p of this.meaning(entry.permission)) starred.push({ permission: p, requires });
    }
    const taken = new Set((spec.remove?.[scope] ?? []).flatMap((p) => this.meaning(p)));
    return {
      outright: new Set([...outright].filter((p) => !taken.has(p))),
      starred: starred.filter((s) => !taken.has(s.permission)),
    };
  }

  private orgChain(orgId: string): string[] {
    const up: string[] = [];
    let parent = this.world.orgs.find((o) => o.id === orgId)?.parentId ?? null;
    while (parent !== null && parent !== orgId && !up.includes(parent)) {
      up.push(parent);
      parent = this.world.orgs.find((o) => o.id === parent)?.parentId ?? null;
    }
    return up;
  }

  private isMember(userId: string, orgId: string): boolean {
    return this.world.memberships.some((m) => m.userId === userId && m.orgId === orgId);
  }

  /** Groups that count for the user in `orgId`: of it or an ancestor, and of an org they belong to. */
  groupsCounting(userId: string, orgId: string): GroupRecord[] {
    const orgs = [orgId, ...this.orgChain(orgId)];
    return this.world.groups.filter(
      (g) =>
        orgs.includes(g.orgId) && g.memberIds.includes(userId) && this.isMember(userId, g.orgId),
    );
  }

  /** Rules 1–3: the effective permissions of a user in an org. */
  permissions(userId: string, orgId: string): Set<string> {
    const user = this.world.users.find((u) => u.id === userId);
    if (user?.status !== 'active') return new Set();
    if (user.platformAdmin) return new Set(this.catalog.permissions);
    const above = this.orgChain(orgId);
    const held: { key: string; org: string }[] = [];
    for (const m of this.world.memberships) {
      if (m.userId !== userId) continue;
      if (m.orgId !== orgId && !above.includes(m.orgId)) continue;
      for (const key of m.roles) held.push({ key, org: m.orgId });
    }
    for (const g of this.groupsCounting(userId, orgId)) {
      for (const key of g.roles) held.push({ key, org: g.orgId });
    }
    const member = this.isMember(userId, orgId);
    const have = new Set<string>();
    const starred: { permission: string; requires: readonly string[] }[] = [];
    for (const h of held) {
      // a role held in the org itself gives its self set (to members); one held above, its
      // descendants set
      if (h.org === orgId && !member) continue;
      const gives = this.gives(h.key, h.org);
      if (!gives) continue;
      const scope = h.org === orgId ? gives.self : gives.descendants;
      for (const p of scope.outright) have.add(p);
      starred.push(...scope.starred);
    }
    // least fixpoint of the ⭐ entries
    for (;;) {
      const before = have.size;
      for (const s of starred) if (s.requires.every((q) => have.has(q))) have.add(s.permission);
      if (have.size === before) return have;
    }
  }

  /** Rule 4 on top of rules 1–3, for a resource of `orgId` (resources are (org, type, id)). */
  allowed(
    userId: string,
    orgId: string,
    permission: string,
    resource?: ResourceRef & { readonly orgId?: string },
  ): boolean {
    const have = this.permissions(userId, orgId);
    if (!have.has(permission)) return false;
    if (!resource) return true;
    if (resource.orgId !== undefined && resource.orgId !== orgId) return false;
    const colon = permission.indexOf(':');
    const type = permission.slice(0, colon);
    const action = permission.slice(colon + 1);
    if (resource.type !== type) return false;
    if (!this.catalog.resources.get(type)?.acl) return true;
    if (have.has(`${type}:all`)) return true;
    // the resource and its parents in the same org, stopping on a loop
    const chain: ResourceRef[] = [];
    const onChain = (ref: ResourceRef) => chain.some((c) => c.type === ref.type && c.id === ref.id);
    let at: ResourceRef | null | undefined = resource;
    while (at && !onChain(at)) {
      chain.push(at);
      const ref: ResourceRef = at;
      at = this.world.resources.find(
        (x) => x.orgId === orgId && x.type === ref.type && x.id === ref.id,
      )?.parent;
    }
    const groupIds = this.groupsCounting(userId, orgId).map((g) => g.id);
    for (const g of this.world.grants) {
      if (g.orgId !== orgId || !onChain(g.resource)) continue;
      const p = g.principal;
      const names =
        (p.kind === 'user' && p.id === userId) || (p.kind === 'group' && groupIds.includes(p.id));
      if (!names) continue;
      if (g.actions) {
        if (g.actions.includes(action)) return true;
      } else if (g.role !== undefined) {
        // a role grant passes the role's outright self actions only, never its ⭐ ones
        if (this.gives(g.role, orgId)?.self.outright.has(permission)) return true;
      }
    }
    return false;
  }
}

/** Effective permissions of a user in an org, as a plain set of strings. */
export function referencePermissions(
  catalog: Catalog,
  presets: readonly RoleSpec[],
  world: AccessWorld,
  userId: string,
  orgId: string,
): Set<string> {
  return new ReferenceWorld(catalog, presets, world).permissions(userId, orgId);
}

/** architecture §3 `allowed(user, org, permission, resource?)`, the plain way. */
export function referenceAllowed(
  catalog: Catalog,
  presets: readonly RoleSpec[],
  world: AccessWorld,
  userId: string,
  orgId: string,
  permission: string,
  resource?: ResourceRef,
): boolean {
  return new ReferenceWorld(catalog, presets, world).allowed(userId, orgId, permission, resource);
}
