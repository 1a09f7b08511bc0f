import type { ResourceOf } from '../catalog/types.js';

/** A permission, every action of a resource (`members:*`) or every permission (`*`). */
export type GrantPattern<P extends string> = P | `${ResourceOf<P>}:*` | '*';

/**
 * A permission granted only while the holder also has every permission in `requires`
 * (for example: "has access if additionally has L1 in Workspaces"). Requirements are evaluated
 * against the member's whole effective set in the same org, to a fixpoint.
 */
export interface ConditionalGrant<P extends string> {
  readonly permission: GrantPattern<P>;
  readonly requires: P | readonly P[];
}

/** One entry of a role's permission list. */
export type GrantEntry<P extends string> = GrantPattern<P> | ConditionalGrant<P>;

/** Where a role may be assigned (some roles only through groups). */
export type RoleAssignability = 'members' | 'groups' | 'both';

/** The declaration of a role, preset (in code) or custom (per org, stored by the server). */
export interface RoleSpec<P extends string = string> {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  /** Catalog module whose levels this role is; see `ModuleSpec.exclusiveRoles`. */
  readonly module?: string;
  readonly assignable?: RoleAssignability;
  /** Permissions in the org where the role is held. */
  readonly self?: readonly GrantEntry<P>[];
  /** Permissions in every org below the org where the role is held. */
  readonly descendants?: readonly GrantEntry<P>[];
  /** Key of a role whose permissions this one starts from (a preset, or a custom role of the org). */
  readonly extends?: string;
  /**
   * Permissions taken away from everything the role gives: what `extends` gives and the role's
   * own `self` / `descendants` entries alike (so "everything but deleting the org" is
   * `self: ['*'], remove: { self: ['organization:delete'] }`). Removal comes last, so a role
   * cannot give back in its own list what it removes; an own entry that `remove` cancels entirely
   * is refused as a contradiction.
   */
  readonly remove?: {
    readonly self?: readonly GrantPattern<P>[];
    readonly descendants?: readonly GrantPattern<P>[];
  };
}

/** A role with its origin. Presets have `orgId: null`. */
export interface RoleDefinition<P extends string = string> extends RoleSpec<P> {
  readonly kind: 'preset' | 'custom';
  readonly orgId: string | null;
}

/** A role's grants for one scope, compiled to bitsets over the catalog. */
export interface CompiledGrants {
  readonly unconditional: Uint32Array;
  readonly conditional: readonly CompiledCondition[];
}

/** A conditional grant: bit `index` is granted when every bit of `requires` is held. */
export interface CompiledCondition {
  readonly index: number;
  readonly requires: Uint32Array;
  /** Permission indexes of `requires`, for explanations. */
  readonly requiresList: readonly number[];
}

/** A role compiled against a catalog, with `extends` resolved. */
export interface CompiledRole<P extends string = string> {
  readonly key: string;
  readonly definition: RoleDefinition<P>;
  readonly self: CompiledGrants;
  readonly descendants: CompiledGrants;
  /**
   * Set when the role cannot be compiled (it extends a role that does not exist, or sits in an
   * `extends` cycle): the role then gives nothing, and `explain()` reports this.
   */
  readonly problem?: { readonly code: 'UNKNOWN_ROLE' | 'ROLE_CYCLE'; readonly message: string };
}
