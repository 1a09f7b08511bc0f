import { type Catalog, defineCatalog } from '../src/catalog/define-catalog.js';
import type { CatalogSpec } from '../src/catalog/types.js';
import type { RoleSpec } from '../src/roles/types.js';

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function prng(seed = 42) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 50 resources × 10 actions = 500 permissions; resource r0 is ACL-controlled (adds r0:all). */
export function bigCatalog(): Catalog {
  const actions = Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`a${i}`, `Action ${i}`]),
  );
  const resources: Record<string, { acl?: boolean; actions: Record<string, string> }> = {};
  for (let r = 0; r < 50; r++) resources[`r${r}`] = { actions };
  const spec: CatalogSpec = { m: { sections: { s: { resources } } } };
  return defineCatalog(spec);
}

/** Ten roles of about 60 permissions each, a few conditional, with descendants sets. */
export function tenRoles(catalog: Catalog): RoleSpec[] {
  const rand = prng(7);
  const pick = () => catalog.permissions[Math.floor(rand() * catalog.size)]!;
  return Array.from({ length: 10 }, (_, i) => ({
    key: `role${i}`,
    name: `Role ${i}`,
    self: [
      ...Array.from({ length: 55 }, pick),
      ...Array.from({ length: 5 }, () => ({ permission: pick(), requires: pick() })),
    ],
    descendants: Array.from({ length: 30 }, pick),
  }));
}
