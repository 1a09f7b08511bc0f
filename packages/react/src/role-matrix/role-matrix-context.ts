import { createContext, useContext } from 'react';
import type { PermissionCatalog, Role } from '../lib/types.js';
import type { RoleMatrixScope } from './role-matrix-model.js';

/** The state every RoleMatrix part reads. */
export interface RoleMatrixContextValue {
  readonly orgId: string;
  readonly catalog: PermissionCatalog | undefined;
  readonly roles: readonly Role[];
  readonly scope: RoleMatrixScope;
  setScope(scope: RoleMatrixScope): void;
  readonly can: { readonly create: boolean; readonly update: boolean; readonly delete: boolean };
  /** Label of a permission from the catalog (`Flows · Create`), or the permission itself. */
  permissionLabel(permission: string): string;
  /** Toggles one permission of a custom role. */
  toggle(role: Role, permission: string): void;
  /** Opens the create dialog, empty or as a copy of `source`. */
  startCreate(source?: Role): void;
  deleteRole(role: Role): void;
  readonly message: { readonly text: string; readonly tone: 'success' | 'error' } | null;
}

/** @internal */
export const RoleMatrixContext = createContext<RoleMatrixContextValue | null>(null);

/** The state of the nearest `RoleMatrixRoot`. */
export function useRoleMatrixContext(part: string): RoleMatrixContextValue {
  const value = useContext(RoleMatrixContext);
  if (!value) throw new Error(`${part} must be used within RoleMatrixRoot`);
  return value;
}
