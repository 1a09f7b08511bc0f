import { createContext, useContext } from 'react';
import type { InviteResult, Role } from '../lib/types.js';

/** The state every InviteDialog part reads. */
export interface InviteDialogContextValue {
  readonly orgId: string;
  /** May the viewer invite (`invitations:create`)? */
  readonly canInvite: boolean;
  /** Checked while the permission set loads. */
  readonly checking: boolean;
  /** Addresses committed as chips, in order. */
  readonly addresses: readonly string[];
  setAddresses(next: readonly string[]): void;
  /** Text typed but not yet committed. */
  readonly draft: string;
  setDraft(next: string): void;
  /** Commits the draft (and any pasted list in it) as chips. */
  commitDraft(): void;
  /** Roles offered: the ones the viewer may give. */
  readonly grantable: readonly Role[];
  readonly roles: readonly string[];
  setRoles(next: readonly string[]): void;
  roleLabel(key: string): string;
  /** Per-address results of the last send, or null before sending. */
  readonly results: readonly InviteResult[] | null;
  readonly sending: boolean;
  readonly error: string | null;
  send(): void;
  reset(): void;
}

/** @internal */
export const InviteDialogContext = createContext<InviteDialogContextValue | null>(null);

/** The state of the nearest `InviteDialogRoot`. */
export function useInviteDialogContext(part: string): InviteDialogContextValue {
  const value = useContext(InviteDialogContext);
  if (!value) throw new Error(`${part} must be used within InviteDialogRoot`);
  return value;
}
