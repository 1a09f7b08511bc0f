import { type Catalog, defineCatalog } from '../catalog/define-catalog.js';
import type { CatalogSpec, ResourceSpec } from '../catalog/types.js';
import type {
  AccessWorld,
  GroupRecord,
  MembershipRecord,
  OrgRecord,
  ResourceGrantRecord,
  ResourceRecord,
  UserRecord,
} from '../model/types.js';
import type { GrantEntry, RoleDefinition, RoleSpec } from '../roles/types.js';

/** mulberry32: a tiny deterministic PRNG so a fast-check seed reproduces a whole world. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], p: number): T[] => list.filter(() => chance(p));
  return { int, pick, chance, some };
}
type Rng = ReturnType<typeof rng>;

export interface RandomWorld {
  catalog: Catalog;
  presets: RoleSpec[];
  world: AccessWorld;
  userIds: string[];
  orgIds: string[];
}

/** A catalog of 1–300 permissions: a third tiny, a third across the 32-bit word, a third large. */
function randomCatalog(r: Rng): Catalog {
  const band = r.int(3);
  const target = band === 0 ? 1 + r.int(8) : band === 1 ? 20 + r.int(60) : 80 + r.int(221);
  const spec: Record<
    string,
    { exclusiveRoles?: boolean; sections: CatalogSpec[string]['sections'] }
  > = {};
  let size = 0;
  let resourceIndex = 0;
  while (size < target) {
    const moduleKey = `m${Object.keys(spec).length}`;
    const resources: Record<string, ResourceSpec> = {};
    for (let k = 0; k < 1 + r.int(6) && size < target; k++) {
      const acl = r.chance(0.4);
      const room = target - size - (acl ? 1 : 0);
      const count = Math.max(1, Math.min(room, 1 + r.int(band === 2 ? 16 : 5)));
      const actions: Record<string, string> = {};
      for (let j = 0; j < count; j++) actions[`a${j}`] = `A${j}`;
      resources[`r${resourceIndex++}`] = { acl, actions };
      size += count + (acl ? 1 : 0);
    }
    spec[moduleKey] = {
      ...(r.chance(0.3) ? { exclusiveRoles: true } : {}),
      sections: { s: { resources } },
    };
  }
  return defineCatalog(spec);
}

interface Vocabulary {
  perms: readonly string[];
  patterns: readonly string[];
}

function entries(r: Rng, v: Vocabulary, max: number, unknown = false): GrantEntry<string>[] {
  return Array.from({ length: r.int(max + 1) }, () => {
    let pattern = r.chance(0.8) ? r.pick(v.perms) : r.pick(v.patterns);
    if (unknown && r.chance(0.05)) pattern = 'zz:read';
    if (!r.chance(0.3)) return pattern;
    const requires = Array.from({ length: 1 + r.int(2) }, () =>
      unknown && r.chance(0.05) ? 'zz:a0' : r.pick(v.perms),
    );
    return { permission: pattern, requires };
  });
}

function removals(r: Rng, v: Vocabulary) {
  if (!r.chance(0.35)) return undefined;
  const few = () => Array.from({ length: 1 + r.int(3) }, () => r.pick(v.patterns));
  return { self: few(), descendants: r.chance(0.5) ? few() : [] };
}

/** Drops own entries that the role's own `remove` cancels entirely: presets must be valid. */
function withoutContradictions(catalog: Catalog, spec: RoleSpec): RoleSpec {
  const expand = (p: string) =>
    p === '*'
      ? [...catalog.permissions]
      : p.endsWith(':*')
        ? [...catalog.permissionsOf(p.slice(0, -2))]
        : [p];
  const keep = (scope: 'self' | 'descendants') => {
    const removed = new Set((spec.remove?.[scope] ?? []).flatMap(expand));
    return (spec[scope] ?? []).filter((e) => {
      const p = typeof e === 'string' ? e : e.permission;
      return !expand(p).every((x) => removed.has(x));
    });
  };
  return { ...spec, self: keep('self'), descendants: keep('descendants') };
}

/**
 * Builds a random world: catalogs of 1–300 permissions, presets with `extends` and `remove`,
 * org trees up to 12 levels deep, stored custom roles (some with unknown permissions, dangling or
 * cyclic `extends`, own entries their `remove` cancels), groups listing non-members, resources in
 * several orgs with equal ids, and ACL grants by action list or role.
 */
export function randomWorld(seed: number): RandomWorld {
  const r = rng(seed);
  const catalog = randomCatalog(r);
  const perms = [...catalog.permissions];
  const resourceKeys = [...catalog.resources.keys()];
  const v: Vocabulary = { perms, patterns: [...perms, ...resourceKeys.map((k) => `${k}:*`), '*'] };
  const modules = [...catalog.modules.keys()];

  const presets: RoleSpec[] = [];
  for (let i = 0; i < 1 + r.int(5); i++) {
    const remove = removals(r, v);
    const spec: RoleSpec = {
      key: `p${i}`,
      name: `P${i}`,
      self: entries(r, v, 4),
      descendants: r.chance(0.6) ? entries(r, v, 3) : [],
      ...(i > 0 && r.chance(0.4) ? { extends: `p${r.int(i)}` } : {}),
      ...(r.chance(0.25) ? { module: r.pick(modules) } : {}),
      ...(remove ? { remove: remove as RoleSpec['remove'] } : {}),
    };
    presets.push(withoutContradictions(catalog, spec));
  }
  // a preset declaring a module other than its base's exclusive one is invalid: inherit instead
  for (let i = 0; i < presets.length; i++) {
    const p = presets[i]!;
    if (p.extends !== undefined && p.module !== undefined) {
      const { module: _m, ...rest } = p;
      presets[i] = rest;
    }
  }

  // a spine up to 13 orgs long (depth 12), with branches hanging off it
  const orgs: OrgRecord[] = [];
  const spine = r.chance(0.3) ? 8 + r.int(6) : 1 + r.int(4);
  for (let i = 0; i < spine; i++) orgs.push({ id: `o${i}`, parentId: i > 0 ? `o${i - 1}` : null });
  for (let i = 0; i < r.int(5); i++) {
    const id = `o${orgs.length}`;
    orgs.push({ id, parentId: r.chance(0.85) ? r.pick(orgs).id : null });
  }
  const orgIds = orgs.map((o) => o.id);

  const customRoles: RoleDefinition[] = [];
  for (const org of orgs) {
    const count = r.chance(0.5) ? r.int(4) : 0;
    for (let i = 0; i < count; i++) {
      const base = r.chance(0.35)
        ? r.pick(presets).key
        : r.chance(0.5)
          ? `c${r.int(count)}` // may be itself, a later role (cycles) or a role of this org
          : r.chance(0.3)
            ? 'ghost'
            : undefined;
      const remove = removals(r, v);
      customRoles.push({
        key: `c${i}`,
        name: `C${i}`,
        kind: 'custom',
        orgId: org.id,
        self: entries(r, v, 3, true),
        descendants: r.chance(0.5) ? entries(r, v, 2, true) : [],
        ...(base ? { extends: base } : {}),
        ...(remove ? { remove: remove as RoleSpec['remove'] } : {}),
      });
    }
    // now and then a custom role shadowing a preset key in this org
    if (r.chance(0.1)) {
      customRoles.push({
        key: r.pick(presets).key,
        name: 'Shadow',
        kind: 'custom',
        orgId: org.id,
        self: entries(r, v, 2, true),
      });
    }
  }
  const roleKeysFor = (orgId: string) => [
    ...presets.map((p) => p.key),
    ...customRoles.filter((c) => c.orgId === orgId).map((c) => c.key),
    'ghost',
  ];

  const users: UserRecord[] = [];
  for (let i = 0; i < 1 + r.int(4); i++) {
    users.push({
      id: `u${i}`,
      status: r.chance(0.85) ? 'active' : r.pick(['invited', 'disabled'] as const),
      platformAdmin: r.chance(0.05),
    });
  }
  const userIds = users.map((u) => u.id);
  const memberships: MembershipRecord[] = [];
  for (const u of users) {
    for (const o of orgs) {
      if (r.chance(0.35)) {
        memberships.push({ orgId: o.id, userId: u.id, roles: r.some(roleKeysFor(o.id), 0.3) });
      }
    }
  }
  // groups list any user, member of the group's org or not
  const groups: GroupRecord[] = [];
  for (const o of orgs) {
    for (let i = 0; i < r.int(3); i++) {
      groups.push({
        id: `${o.id}g${i}`,
        orgId: o.id,
        name: `G${i}`,
        roles: r.some(roleKeysFor(o.id), 0.3),
        memberIds: r.some(userIds, 0.5),
      });
    }
  }

  // resources of ACL types in several orgs, ids drawn from one small pool so they collide
  const resourceRecords: ResourceRecord[] = [];
  const aclTypes = resourceKeys.filter((k) => catalog.resources.get(k)!.acl);
  for (const type of r.some(aclTypes, 0.7).slice(0, 4)) {
    for (const orgId of r.some(orgIds, 0.5)) {
      const ofType: ResourceRecord[] = [];
      for (let i = 0; i < 1 + r.int(4); i++) {
        const id = `x${i}`;
        const parent = ofType.length > 0 && r.chance(0.8) ? r.pick(ofType) : null;
        ofType.push({ type, id, orgId, parent: parent && { type, id: parent.id } });
      }
      // now and then a parent cycle
      if (ofType.length > 1 && r.chance(0.1)) {
        const first = ofType[0]!;
        ofType[0] = { ...first, parent: { type, id: ofType[ofType.length - 1]!.id } };
      }
      resourceRecords.push(...ofType);
    }
  }
  const grants: ResourceGrantRecord[] = [];
  for (const res of resourceRecords) {
    for (let i = 0; i < r.int(4); i++) {
      const kind = r.pick(['user', 'group', 'group', 'email'] as const);
      const principal =
        kind === 'user'
          ? { kind, id: r.pick(userIds) }
          : kind === 'group' && groups.length > 0
            ? { kind: 'group' as const, id: r.pick(groups).id }
            : { kind: 'email' as const, email: `x${i}@example.com` };
      const actions = catalog.resources.get(res.type)!.actions;
      const resource = { type: res.type, id: res.id };
      // grants are sometimes filed under another org than the resource's
      const orgId = r.chance(0.85) ? res.orgId : r.pick(orgIds);
      grants.push(
        r.chance(0.75)
          ? { orgId, resource, principal, actions: r.some(actions, 0.5) }
          : { orgId, resource, principal, role: r.pick(roleKeysFor(orgId)) },
      );
    }
  }
  return {
    catalog,
    presets,
    world: { orgs, users, memberships, groups, customRoles, resources: resourceRecords, grants },
    userIds: [...userIds, 'stranger'],
    orgIds,
  };
}
