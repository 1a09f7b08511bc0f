import { ErrorCode, OrgkitDefinitionError } from '../errors/error-codes.js';
import type {
  CatalogSpec,
  ModuleSpec,
  PermissionInfo,
  PermissionOf,
  ResourceInfo,
} from './types.js';

const KEY = /^[a-z][a-z0-9_-]*$/;

/** Action names a catalog may not declare: `all` is the ACL bypass of ACL-controlled types. */
const RESERVED_ACTIONS: readonly string[] = ['all'];

/**
 * A compiled permission catalog. Every permission has a stable index (its declaration order),
 * which is what compiled permission sets are built on.
 */
export interface Catalog<P extends string = string> {
  readonly spec: CatalogSpec;
  /** All permissions in declaration order. */
  readonly permissions: readonly P[];
  readonly size: number;
  /** Details of every permission, by index. */
  readonly entries: readonly PermissionInfo[];
  readonly resources: ReadonlyMap<string, ResourceInfo>;
  readonly modules: ReadonlyMap<string, ModuleSpec>;
  /** Hash of the ordered permission list; compiled sets carry it so stale sets are refused. */
  readonly fingerprint: string;
  /** Index of a permission, or -1 when the catalog does not declare it. */
  indexOf(permission: string): number;
  /** Type guard: is this string a permission of the catalog? */
  has(permission: string): permission is P;
  /** Details of a permission, or undefined. */
  info(permission: string): PermissionInfo | undefined;
  /** Every permission of a resource type. */
  permissionsOf(resource: string): readonly P[];
}

/** FNV-1a, 32 bit: a small, deterministic fingerprint (not a security hash). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function invalid(message: string): never {
  throw new OrgkitDefinitionError(ErrorCode.VALIDATION_FAILED, message);
}

/**
 * Declares a permission catalog: modules → sections → resources → actions. The result is typed so
 * that `PermissionOf<typeof spec>` is the union of `resource:action` literals, and a typo in a
 * permission string is a compile error for hosts.
 *
 * @example
 * const catalog = defineCatalog({
 *   portal: { label: 'Portal', sections: { flows: { resources: {
 *     flows: { label: 'Flows', actions: { read: 'Read', create: 'Create' } },
 *   } } } },
 * });
 * catalog.has('flows:read'); // true
 */
export function defineCatalog<const C extends CatalogSpec>(spec: C): Catalog<PermissionOf<C>> {
  type P = PermissionOf<C>;
  const permissions: P[] = [];
  const entries: PermissionInfo[] = [];
  const index = new Map<string, number>();
  const resources = new Map<string, ResourceInfo>();
  const byResource = new Map<string, P[]>();
  const modules = new Map<string, ModuleSpec>();

  for (const [moduleKey, module] of Object.entries(spec)) {
    if (!KEY.test(moduleKey)) invalid(`Invalid module key "${moduleKey}"`);
    modules.set(moduleKey, module);
    for (const [sectionKey, section] of Object.entries(module.sections)) {
      if (!KEY.test(sectionKey)) invalid(`Invalid section key "${moduleKey}.${sectionKey}"`);
      for (const [resourceKey, resource] of Object.entries(section.resources)) {
        if (!KEY.test(resourceKey)) invalid(`Invalid resource key "${resourceKey}"`);
        if (resources.has(resourceKey)) {
          invalid(`Resource "${resourceKey}" is declared twice; resource keys are catalog-wide`);
        }
        const actions = Object.keys(resource.actions);
        // `<type>:all` is the ACL bypass that `acl: true` adds; an action of that name would turn
        // into it silently, on this type or once the type becomes ACL-controlled.
        for (const reserved of RESERVED_ACTIONS) {
          if (actions.includes(reserved)) {
            invalid(
              `Action "${resourceKey}:${reserved}" uses a reserved name: "${reserved}" is the permission that acl: true adds to bypass resource ACLs`,
            );
          }
        }
        if (resource.acl) actions.push('all');
        if (actions.length === 0) invalid(`Resource "${resourceKey}" declares no action`);
        resources.set(resourceKey, {
          resource: resourceKey,
          module: moduleKey,
          section: sectionKey,
          label: resource.label ?? resourceKey,
          acl: resource.acl === true,
          actions,
        });
        const list: P[] = [];
        byResource.set(resourceKey, list);
        for (const action of actions) {
          if (!KEY.test(action)) invalid(`Invalid action "${resourceKey}:${action}"`);
          const permission = `${resourceKey}:${action}` as P;
          const spec = resource.actions[action];
          const label = spec === undefined ? 'All' : typeof spec === 'string' ? spec : spec.label;
          const description = typeof spec === 'object' ? spec.description : undefined;
          const info: PermissionInfo = {
            permission,
            index: permissions.length,
            module: moduleKey,
            section: sectionKey,
            resource: resourceKey,
            action,
            label,
            ...(description === undefined ? {} : { description }),
          };
          index.set(permission, permissions.length);
          permissions.push(permission);
          entries.push(info);
          list.push(permission);
        }
      }
    }
  }

  return Object.freeze({
    spec,
    permissions,
    size: permissions.length,
    entries,
    resources,
    modules,
    fingerprint: fnv1a(permissions.join(',')),
    indexOf: (permission: string) => index.get(permission) ?? -1,
    has: (permission: string): permission is P => index.has(permission),
    info: (permission: string) => {
      const i = index.get(permission);
      return i === undefined ? undefined : entries[i];
    },
    permissionsOf: (resource: string) => byResource.get(resource) ?? [],
  });
}
