import type { AclGrant } from '../acl/types.js';
import { type Catalog, defineCatalog } from '../catalog/define-catalog.js';
import type { CatalogSpec } from '../catalog/types.js';
import type {
  AccessWorld,
  GroupRecord,
  MembershipRecord,
  OrgRecord,
  ResourceRecord,
  UserRecord,
} from '../model/types.js';
import type { GrantEntry, RoleDefinition, RoleSpec } from '../roles/types.js';

/** mulberry32: a tiny deterministic PRNG so a fast-check seed reproduces a whole world. */
function rng(seed: number) {
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

export interface RandomWorld {
  catalog: Catalog;
  presets: RoleSpec[];
  world: AccessWorld;
  userIds: string[];
  orgIds: string[];
}

/** Builds a random catalog, preset and custom roles, org tree, groups, resources and grants. */
export function randomWorld(seed: number): RandomWorld {
  const r = rng(seed);
  const resources: Record<string, { acl?: boolean; actions: Record<string, string> }> = {};
  const resourceCount = 1 + r.int(5);
  for (let i = 0; i < resourceCount; i++) {
    const actions: Record<string, string> = {};
    for (let j = 0; j < 1 + r.int(4); j++) actions[`a${j}`] = `A${j}`;
    resources[`r${i}`] = { acl: r.chance(0.5), actions };
  }
  const spec: CatalogSpec = { m: { sections: { s: { resources } } } };
  const catalog = defineCatalog(spec);
  const perms = [...catalog.permissions];
  const patterns = [...perms, ...Object.keys(resources).map((k) => `${k}:*`), '*'];

  const entries = (max: number): GrantEntry<string>[] =>
    Array.from({ length: r.int(max + 1) }, () => {
      const pattern = r.chance(0.85) ? r.pick(perms) : r.pick(patterns);
      return r.chance(0.3)
        ? {
            permission: pattern,
            requires: Array.from({ length: 1 + r.int(2) }, () => r.pick(perms)),
          }
        : pattern;
    });
  const removals = () =>
    r.chance(0.3)
      ? { self: r.some(patterns, 0.15), descendants: r.some(patterns, 0.15) }
      : undefined;

  const presets: RoleSpec[] = [];
  for (let i = 0; i < 1 + r.int(5); i++) {
    const remove = removals();
    presets.push({
      key: `p${i}`,
      name: `P${i}`,
      self: entries(4),
      descendants: r.chance(0.6) ? entries(3) : [],
      ...(i > 0 && r.chance(0.4) ? { extends: `p${r.int(i)}` } : {}),
      ...(remove ? { remove } : {}),
    });
  }

  const orgs: OrgRecord[] = [];
  for (let i = 0; i < 1 + r.int(6); i++) {
    orgs.push({ id: `o${i}`, parentId: i > 0 && r.chance(0.8) ? `o${r.int(i)}` : null });
  }
  const orgIds = orgs.map((o) => o.id);
  const customRoles: RoleDefinition[] = [];
  for (const org of orgs) {
    for (let i = 0; i < r.int(3); i++) {
      const base = r.chance(0.5)
        ? r.pick(presets).key
        : i > 0 && r.chance(0.5)
          ? `c${r.int(i)}`
          : undefined;
      const remove = removals();
      customRoles.push({
        key: `c${i}`,
        name: `C${i}`,
        kind: 'custom',
        orgId: org.id,
        self: entries(3),
        descendants: r.chance(0.5) ? entries(2) : [],
        ...(base ? { extends: base } : {}),
        ...(remove ? { remove } : {}),
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
      status: r.chance(0.8) ? 'active' : r.pick(['invited', 'disabled'] as const),
      platformAdmin: r.chance(0.08),
    });
  }
  const userIds = users.map((u) => u.id);
  const memberships: MembershipRecord[] = [];
  for (const u of users) {
    for (const o of orgs) {
      if (r.chance(0.4))
        memberships.push({ orgId: o.id, userId: u.id, roles: r.some(roleKeysFor(o.id), 0.3) });
    }
  }
  const groups: GroupRecord[] = [];
  for (const o of orgs) {
    for (let i = 0; i < r.int(3); i++) {
      groups.push({
        id: `${o.id}g${i}`,
        orgId: o.id,
        name: `G${i}`,
        roles: r.some(roleKeysFor(o.id), 0.3),
        memberIds: r.some(userIds, 0.4),
      });
    }
  }

  const resourceRecords: ResourceRecord[] = [];
  const aclTypes = Object.keys(resources).filter((k) => resources[k]!.acl);
  for (const type of aclTypes) {
    const ofType: ResourceRecord[] = [];
    for (let i = 0; i < 1 + r.int(5); i++) {
      const parent = ofType.length > 0 && r.chance(0.8) ? r.pick(ofType) : null;
      const rec: ResourceRecord = {
        type,
        id: `${type}x${i}`,
        orgId: r.pick(orgIds),
        parent: parent && { type, id: parent.id },
      };
      ofType.push(rec);
    }
    resourceRecords.push(...ofType);
  }
  const grants: AclGrant[] = [];
  for (const res of resourceRecords) {
    for (let i = 0; i < r.int(3); i++) {
      const kind = r.pick(['user', 'group', 'email'] as const);
      const principal =
        kind === 'user'
          ? { kind, id: r.pick(userIds) }
          : kind === 'group' && groups.length > 0
            ? { kind: 'group' as const, id: r.pick(groups).id }
            : { kind: 'email' as const, email: `x${i}@example.com` };
      const actions = catalog.resources.get(res.type)!.actions;
      grants.push(
        r.chance(0.8)
          ? { resource: { type: res.type, id: res.id }, principal, actions: r.some(actions, 0.5) }
          : { resource: { type: res.type, id: res.id }, principal, role: r.pick(presets).key },
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
