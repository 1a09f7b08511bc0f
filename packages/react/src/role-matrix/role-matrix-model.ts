import type { GrantEntry, PermissionCatalog, Role } from '../lib/types.js';

/** Which permission set of a role the matrix shows: in the org itself, or in the orgs below. */
export type RoleMatrixScope = 'self' | 'descendants';

type Module = PermissionCatalog['modules'][number];

/** One row of the matrix, in a permission table's layout: module → section → resource → action. */
export type RoleMatrixRow =
  | { readonly kind: 'module'; readonly module: Module }
  | { readonly kind: 'section'; readonly label: string; readonly module: string }
  | {
      readonly kind: 'permission';
      readonly permission: string;
      readonly module: string;
      readonly section: string;
      readonly resource: string;
      readonly action: string;
      /** The resource's first action shows the resource's name (it spans its actions). */
      readonly resourceSpan: number;
    };

/** The catalog flattened into rows. */
export function matrixRows(catalog: PermissionCatalog): RoleMatrixRow[] {
  const rows: RoleMatrixRow[] = [];
  for (const module of catalog.modules) {
    rows.push({ kind: 'module', module });
    for (const section of module.sections) {
      rows.push({ kind: 'section', label: section.label, module: module.label });
      for (const resource of section.resources) {
        resource.actions.forEach((a, i) => {
          rows.push({
            kind: 'permission',
            permission: a.permission,
            module: module.label,
            section: section.label,
            resource: resource.label,
            action: a.label,
            resourceSpan: i === 0 ? resource.actions.length : 0,
          });
        });
      }
    }
  }
  return rows;
}

/** What a role gives for one permission: granted, granted on a condition (⭐), or not. */
export type CellState =
  | { readonly kind: 'granted' }
  | { readonly kind: 'conditional'; readonly requires: readonly string[] }
  | { readonly kind: 'none' };

const NONE: CellState = { kind: 'none' };
const GRANTED: CellState = { kind: 'granted' };

/** Index of a role's resolved grants, for constant-time cell lookups. */
export function cellIndex(role: Role, scope: RoleMatrixScope): (permission: string) => CellState {
  const grants = role.permissions[scope];
  const granted = new Set(grants.permissions);
  const conditional = new Map(grants.conditional.map((c) => [c.permission, c.requires]));
  return (permission) => {
    if (granted.has(permission)) return GRANTED;
    const requires = conditional.get(permission);
    return requires ? { kind: 'conditional', requires } : NONE;
  };
}

/**
 * The edit that toggles one permission of a custom role: the resolved grants with the
 * permission added or taken out, written back so that what the base role (`extends`) gives
 * stays inherited and what it gives but is unwanted goes into `remove`.
 */
export function togglePermission(
  role: Role,
  permission: string,
  scope: RoleMatrixScope,
  roles: readonly Role[],
): { self?: GrantEntry[]; descendants?: GrantEntry[]; remove: Role['remove'] } {
  const grants = role.permissions[scope];
  const state = cellIndex(role, scope)(permission);
  const wanted = new Set(grants.permissions);
  const conditional = grants.conditional.filter((c) => c.permission !== permission);
  if (state.kind === 'none') wanted.add(permission);
  else wanted.delete(permission);
  const base = role.extends ? roles.find((r) => r.key === role.extends) : undefined;
  const inherited = new Set(base?.permissions[scope].permissions ?? []);
  const entries: GrantEntry[] = [
    ...[...wanted].filter((p) => !inherited.has(p)),
    ...conditional.map((c) => ({ permission: c.permission, requires: c.requires })),
  ];
  const removed = [...inherited].filter((p) => !wanted.has(p));
  const remove = { ...(role.remove ?? {}), [scope]: removed };
  return { [scope]: entries, remove };
}

/** A role key from a name: lowercase ASCII words joined by underscores. */
export function roleKeyFrom(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  // Keys start with a letter (core's ROLE_KEY).
  return /^[a-z]/.test(key) ? key : `role_${key}`;
}
