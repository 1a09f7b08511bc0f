import { createContext, useContext } from 'react';
import type { UseMembersResult } from '../hooks/use-members.js';
import type { Member, MemberFilters, Role } from '../lib/types.js';

/** What the viewer may do in the table (from `useCan`; the server checks again). */
export interface TeamTableCapabilities {
  readonly update: boolean;
  readonly disable: boolean;
  readonly remove: boolean;
  readonly resetPassword: boolean;
  /** Only the owner may transfer ownership. */
  readonly transfer: boolean;
}

/** The actions the table's parts run; each announces its outcome. */
export interface TeamTableActions {
  setRoles(member: Member, roles: string[]): void;
  setStatus(members: readonly Member[], status: 'active' | 'disabled'): void;
  remove(members: readonly Member[]): void;
  resetPassword(member: Member): void;
  transfer(member: Member): void;
}

/** The state every TeamTable part reads. */
export interface TeamTableContextValue {
  readonly orgId: string;
  readonly query: UseMembersResult;
  readonly members: Member[];
  readonly filters: MemberFilters;
  setFilters(next: MemberFilters): void;
  readonly selection: readonly string[];
  setSelection(next: readonly string[]): void;
  readonly viewerId: string | null;
  readonly can: TeamTableCapabilities;
  /** Roles of the org (for labels and the role filter); empty until loaded. */
  readonly roles: readonly Role[];
  /** Keys of roles the viewer may give: assignable to members and no escalation. */
  readonly grantable: ReadonlySet<string>;
  /** Actions the viewer lacks permission for: hidden, or shown disabled with the reason. */
  readonly deniedActions: 'hide' | 'disable';
  readonly actions: TeamTableActions;
  /** The last outcome, announced politely. */
  readonly message: { readonly text: string; readonly tone: 'success' | 'error' } | null;
  roleLabel(key: string): string;
  /** Why this member is protected from removal, disabling and role changes, or null. */
  protectedReason(member: Member): string | null;
}

/** @internal */
export const TeamTableContext = createContext<TeamTableContextValue | null>(null);

/** The state of the nearest `TeamTableRoot`. */
export function useTeamTableContext(part: string): TeamTableContextValue {
  const value = useContext(TeamTableContext);
  if (!value) throw new Error(`${part} must be used within TeamTableRoot`);
  return value;
}

/** The owner role key (Orgkit presets; core's DEFAULT_OWNERSHIP_ROLES). */
export const OWNER_ROLE = 'owner';
export const isOwner = (m: Member) => m.roles.includes(OWNER_ROLE);
