import type { OrgkitError } from '@orgkit/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { InvitationPreview } from '../hooks/use-account-flows.js';
import type { Member, Organization, OrgkitUser } from '../lib/types.js';

/**
 * What the accept page shows:
 * - `loading` while the invitation (and the session) are checked;
 * - `invalid`, `expired`, `revoked`, `used` for a link that cannot be accepted (by problem code:
 *   `TOKEN_INVALID`, `TOKEN_EXPIRED`, `INVITATION_REVOKED`, `INVITATION_ALREADY_USED`), `error`
 *   when the check itself failed;
 * - `join` signed in as the invited address, `mismatch` signed in as someone else;
 * - `existingAccount` signed out, the address has an account (its password joins);
 * - `newAccount` signed out, no account yet (name and password create it);
 * - `accepted` once joined.
 */
export type AcceptInvitationView =
  | 'loading'
  | 'invalid'
  | 'expired'
  | 'revoked'
  | 'used'
  | 'error'
  | 'join'
  | 'mismatch'
  | 'existingAccount'
  | 'newAccount'
  | 'accepted';

/** What `onAccepted` receives: the organization joined and the new membership. */
export interface AcceptInvitationResult {
  readonly organization: Organization;
  readonly member: Member;
}

/** The fields of the accept form. */
export type AcceptInvitationField = 'name' | 'password';

/** The state every AcceptInvitation part reads. */
export interface AcceptInvitationContextValue {
  readonly token: string;
  readonly view: AcceptInvitationView;
  /** `useInvitationPreview(token)`: organization, inviter, roles, e-mail, expiry. */
  readonly preview: UseQueryResult<InvitationPreview, OrgkitError>;
  /** The signed-in user, or null. */
  readonly viewer: OrgkitUser | null;
  readonly values: Readonly<Record<AcceptInvitationField, string>>;
  setValue(field: AcceptInvitationField, value: string): void;
  readonly fieldErrors: Readonly<Partial<Record<AcceptInvitationField, string>>>;
  readonly formError: string | null;
  /** True while the accept request runs. */
  readonly accepting: boolean;
  /** Checks the fields of the current view and accepts. */
  accept(): void;
  readonly result: AcceptInvitationResult | null;
  /** Signs out (the `mismatch` view), so the invited address can accept. */
  signOut(): void;
  readonly signingOut: boolean;
  /** Ref callback the fields register their input with (for focus management). */
  fieldRef(field: AcceptInvitationField): (element: HTMLInputElement | null) => void;
}

/** @internal */
export const AcceptInvitationContext = createContext<AcceptInvitationContextValue | null>(null);

/** The state of the nearest `AcceptInvitationRoot`. */
export function useAcceptInvitationContext(part: string): AcceptInvitationContextValue {
  const value = useContext(AcceptInvitationContext);
  if (!value) throw new Error(`${part} must be used within AcceptInvitationRoot`);
  return value;
}
