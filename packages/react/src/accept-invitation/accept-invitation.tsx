import type { ReactNode } from 'react';
import {
  AcceptInvitationError,
  AcceptInvitationForm,
  AcceptInvitationLoading,
  AcceptInvitationSummary,
} from './accept-invitation-parts.js';
import { AcceptInvitationRoot, type AcceptInvitationRootProps } from './accept-invitation-root.js';

/** Props of {@link AcceptInvitation}. */
export interface AcceptInvitationProps extends Omit<AcceptInvitationRootProps, 'asChild'> {
  /** Level of the "Join {org}" heading. Default 2. */
  readonly headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * The drop-in page an invitation e-mail links to: looks the invitation up by
 * `token` and shows who invited, to which organization, with which roles, until when — then the
 * way in that fits the visitor: "Join" when signed in as the invited address, a sign-out offer
 * when signed in as someone else, the password of an existing account, or name and password for
 * a new one. Expired, withdrawn, already-used and unknown links each get their own message.
 * `onAccepted` runs once joined (and signed in). Compose `AcceptInvitationRoot`,
 * `AcceptInvitationLoading`, `AcceptInvitationError`, `AcceptInvitationSummary` and
 * `AcceptInvitationForm` for another layout.
 *
 * @example
 * <AcceptInvitation token={params.get('token')} onAccepted={({ organization }) => open(organization.id)} />
 */
export function AcceptInvitation({ headingLevel, ...props }: AcceptInvitationProps): ReactNode {
  return (
    <AcceptInvitationRoot {...props}>
      <AcceptInvitationLoading />
      <AcceptInvitationError />
      <AcceptInvitationSummary headingLevel={headingLevel ?? 2} />
      <AcceptInvitationForm />
    </AcceptInvitationRoot>
  );
}
