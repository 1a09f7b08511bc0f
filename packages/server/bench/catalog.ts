/**
 * The host catalog and roles of the benchmark tenant: Orgkit's own catalog spread into generated
 * product modules (500 permissions in all, one ACL-controlled type), 40 preset roles in code and
 * 10 custom roles stored in the root org, so every request also compiles stored roles.
 */
import { type CatalogSpec, defineCatalog, type RoleSpec } from '@orgkit/core';
import { orgkitCatalog, orgkitCatalogSpec, orgkitPresetRoles } from '@orgkit/core/presets';
import { prng } from './random.js';

/** The ACL-controlled resource type (`documents:read|write|share|delete` plus `documents:all`). */
export const ACL_TYPE = 'documents';
const ACL_ACTIONS = ['read', 'write', 'share', 'delete'] as const;
const ACTIONS_PER_RESOURCE = 10;
const TARGET_PERMISSIONS = 500;

function buildSpec(): CatalogSpec {
  const own = orgkitCatalog.size;
  const documents = ACL_ACTIONS.length + 1; // + documents:all
  const generatedResources = Math.floor(
    (TARGET_PERMISSIONS - own - documents) / ACTIONS_PER_RESOURCE,
  );
  const remainder =
    TARGET_PERMISSIONS - own - documents - generatedResources * ACTIONS_PER_RESOURCE;
  const resources: Record<string, { label: string; actions: Record<string, string> }> = {};
  for (let r = 0; r < generatedResources; r++) {
    const count = ACTIONS_PER_RESOURCE + (r < remainder ? 1 : 0);
    resources[`res${r}`] = {
      label: `Resource ${r}`,
      actions: Object.fromEntries(
        Array.from({ length: count }, (_, a) => [`act${a}`, `Action ${a}`]),
      ),
    };
  }
  return {
    ...(orgkitCatalogSpec as unknown as CatalogSpec),
    files: {
      label: 'Files',
      sections: {
        library: {
          label: 'Library',
          resources: {
            [ACL_TYPE]: {
              label: 'Documents',
              acl: true,
              actions: Object.fromEntries(ACL_ACTIONS.map((a) => [a, a])),
            },
          },
        },
      },
    },
    product: {
      label: 'Product',
      sections: { generated: { label: 'Generated', resources } },
    },
  };
}

/** 500 permissions: Orgkit's, `documents:*` and generated `resN:actM`. */
export const benchCatalog = defineCatalog(buildSpec());

const generatedPermissions = benchCatalog.permissions.filter((p) => p.startsWith('res'));

function pickMany(rand: () => number, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n)
    out.add(generatedPermissions[Math.floor(rand() * generatedPermissions.length)]!);
  return [...out];
}

/** A role over generated permissions: ~60 of them, a few conditional, some for descendants. */
function generatedRole(key: string, name: string, rand: () => number): RoleSpec {
  const self = pickMany(rand, 60);
  return {
    key,
    name,
    self: [
      ...self.slice(0, 55),
      'organization:read',
      'members:read',
      `${ACL_TYPE}:read`,
      ...self.slice(55).map((permission) => ({ permission, requires: self[0]! })),
    ],
    descendants: pickMany(rand, 25),
  };
}

/** 40 preset roles: Orgkit's five and 35 generated product roles. */
export const benchPresetRoles: RoleSpec[] = (() => {
  const rand = prng(11);
  return [
    ...(orgkitPresetRoles as unknown as RoleSpec[]),
    ...Array.from({ length: 35 }, (_, i) => generatedRole(`product_${i}`, `Product ${i}`, rand)),
  ];
})();

/** 10 custom roles defined in the root org (visible in every org below it). */
export const benchCustomRoles: RoleSpec[] = (() => {
  const rand = prng(13);
  return Array.from({ length: 10 }, (_, i) => generatedRole(`custom_${i}`, `Custom ${i}`, rand));
})();

/** Role keys ordinary members are given (besides `member`). */
export const memberRoleKeys = [
  ...benchPresetRoles.slice(5).map((r) => r.key),
  ...benchCustomRoles.map((r) => r.key),
];

/**
 * 50 checks of the access/check batch: 40 plain permissions and 10 on documents, the same every
 * run. The peer gets the 40 plain ones (its model has no resource instances).
 */
/** One check of the access/check batch. */
export interface BenchCheck {
  readonly permission: string;
  readonly resource?: { readonly type: string; readonly id: string };
}

export function checkBatch(documentIds: readonly string[]): BenchCheck[] {
  const rand = prng(17);
  const plain = [
    'organization:read',
    'members:read',
    'members:update',
    'roles:read',
    ...pickMany(rand, 36),
  ];
  return [
    ...plain.map((permission) => ({ permission })),
    ...Array.from({ length: 10 }, (_, i) => ({
      permission: `${ACL_TYPE}:${ACL_ACTIONS[i % ACL_ACTIONS.length]}`,
      resource: { type: ACL_TYPE, id: documentIds[i % documentIds.length]! },
    })),
  ];
}
