import type { ReactNode } from 'react';
import { InviteDialogContent, InviteDialogTrigger } from './invite-dialog-parts.js';
import { InviteDialogRoot, type InviteDialogRootProps } from './invite-dialog-root.js';

/** Props of {@link InviteDialog}. */
export interface InviteDialogProps extends Omit<InviteDialogRootProps, 'children'> {
  /** The trigger's class. */
  readonly className?: string;
  /** Show the pending invitations in the dialog (default true). */
  readonly showPending?: boolean;
}

/**
 * The drop-in invitation dialog (bulk invitations): a trigger, then a dialog where
 * pasted or typed addresses become validated chips, roles are limited to those the viewer may
 * give, each address gets its result after sending, and pending invitations can be resent or
 * revoked. Compose `InviteDialogRoot`, `InviteDialogTrigger`, `InviteDialogContent`,
 * `InviteDialogAddresses`, `InviteDialogRoles`, `InviteDialogResults` and `InviteDialogPending`
 * for another layout.
 *
 * @example
 * <InviteDialog onSent={(results) => track('invited', results.length)} />
 */
export function InviteDialog({ className, showPending, ...props }: InviteDialogProps): ReactNode {
  return (
    <InviteDialogRoot {...props}>
      <InviteDialogTrigger className={className} />
      <InviteDialogContent showPending={showPending ?? true} />
    </InviteDialogRoot>
  );
}
