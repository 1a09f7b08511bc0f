import type { ResourceRef } from '@orgkit/core';
import type { OrgkitError } from '@orgkit/sdk';
import { createContext, useContext } from 'react';
import type { Grant, GrantInput, GrantPrincipal } from '../lib/types.js';

/** One action of the resource's type, as the catalog labels it. */
export interface ResourceAccessAction {
  readonly action: string;
  readonly label: string;
}

/** The state every ResourceAccess part reads. */
export interface ResourceAccessContextValue {
  readonly orgId: string;
  readonly resource: ResourceRef;
  /** What the title calls the resource (`resourceName`, else its id). */
  readonly resourceName: string;
  /** Loading the grants, the resource and the catalog. */
  readonly status: 'pending' | 'error' | 'success';
  /** Why loading failed; `notFound` when the resource is not registered. */
  readonly error: OrgkitError | null;
  readonly notFound: boolean;
  /** The grants given on the resource itself, as edited (unsaved changes included). */
  readonly direct: readonly GrantInput[];
  /** Grants inherited from ancestor resources (read-only here). */
  readonly inherited: readonly Grant[];
  /** The actions of the resource's type that a grant may give. */
  readonly actions: readonly ResourceAccessAction[];
  /** May the viewer change the grants (`access:manage`)? */
  readonly canManage: boolean;
  /** True while that permission is being checked. */
  readonly checking: boolean;
  /** Are there unsaved changes? */
  readonly dirty: boolean;
  /** Adds a principal with the default access (the type's `read`, else its first action). */
  add(principal: GrantPrincipal): void;
  remove(index: number): void;
  setActions(index: number, actions: readonly string[]): void;
  /** Is the principal already granted directly? */
  has(principal: GrantPrincipal): boolean;
  /** A principal's display name: member name, group name or e-mail address. */
  labelOf(principal: GrantPrincipal): string;
  /** A second line: a member's e-mail, a group's member count. */
  detailOf(principal: GrantPrincipal): string | undefined;
  /** A role's display name. */
  roleLabel(key: string): string;
  /** A catalog label for an action of the type. */
  actionLabel(action: string): string;
  /** Replaces the grants with the edited list (`PUT …/grants`). */
  save(): void;
  discard(): void;
  readonly saving: boolean;
  /** The last save's failure: its message, and messages per row of `direct`. */
  readonly failure: {
    readonly message: string;
    readonly rows: Readonly<Record<number, string>>;
  } | null;
  /** The last outcome to announce politely (added, saved). */
  readonly message: string | null;
  /** Whether the dialog is open (for the dialog parts). */
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** The add combobox's suggestions are shown: Escape closes them, not the dialog. */
  readonly suggesting: boolean;
  setSuggesting(open: boolean): void;
  /** Registers the add input, where focus goes after a row is removed. */
  registerInput(input: HTMLInputElement | null): void;
  focusInput(): void;
  /** Focuses the add input now, or as soon as it shows (the dialog opening before its data). */
  focusInputOnMount(): void;
  /** Called by each panel while mounted: the grants load only while one shows. */
  attach(): () => void;
}

/** @internal */
export const ResourceAccessContext = createContext<ResourceAccessContextValue | null>(null);

/** The state of the nearest `ResourceAccessRoot`. */
export function useResourceAccessContext(part: string): ResourceAccessContextValue {
  const value = useContext(ResourceAccessContext);
  if (!value) throw new Error(`${part} must be used within ResourceAccessRoot`);
  return value;
}

/** A stable key for a principal. */
export function principalKey(p: GrantPrincipal): string {
  return p.kind === 'email' ? `email:${p.email.toLowerCase()}` : `${p.kind}:${p.id}`;
}
