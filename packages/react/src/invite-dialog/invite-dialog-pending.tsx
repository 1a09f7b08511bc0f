import { type ComponentPropsWithoutRef, type ReactNode, useState } from 'react';
import { useCan } from '../hooks/use-can.js';
import { useInvitations } from '../hooks/use-invitations.js';
import { useResendInvitation } from '../hooks/use-resend-invitation.js';
import { useRevokeInvitation } from '../hooks/use-revoke-invitation.js';
import { cx } from '../lib/cx.js';
import type { Invitation } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { OrgkitStatus, OrgkitStatusDescription } from '../status/orgkit-status.js';
import { useInviteDialogContext } from './invite-dialog-context.js';

const PENDING = { status: 'pending' } as const;

/**
 * The organization's pending invitations with their roles and expiry; resend (a new link and
 * expiry) and revoke for viewers with `invitations:revoke`.
 */
export function InviteDialogPending({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const { orgId, roleLabel } = useInviteDialogContext('InviteDialogPending');
  const query = useInvitations(orgId || null, PENDING);
  const canManage = useCan('invitations:revoke', { orgId }).allowed;
  const resend = useResendInvitation(orgId);
  const revoke = useRevokeInvitation(orgId);
  const [message, setMessage] = useState('');
  const dates = new Intl.DateTimeFormat(t.code, { dateStyle: 'medium', timeZone: 'UTC' });
  const run = (kind: 'resend' | 'revoke', invitation: Invitation) => {
    const mutation = kind === 'resend' ? resend : revoke;
    mutation.mutate(
      { invitationId: invitation.id },
      {
        onSuccess: () =>
          setMessage(
            formatMessage(kind === 'resend' ? t.inviteDialog.resent : t.inviteDialog.revoked, {
              email: invitation.email,
            }),
          ),
        onError: (e) => setMessage(formatMessage(t.inviteDialog.failed, { message: e.message })),
      },
    );
  };
  const titleId = `orgkit-pending-${orgId}`;
  return (
    <section
      data-slot="orgkit-invite-dialog-pending"
      aria-labelledby={titleId}
      className={cx('orgkit-invite-dialog-pending', className)}
      {...props}
    >
      <h3 id={titleId} data-slot="orgkit-heading">
        {t.inviteDialog.pendingTitle}
      </h3>
      {query.error ? (
        <OrgkitStatus state="error">
          <OrgkitStatusDescription>{t.inviteDialog.pendingError}</OrgkitStatusDescription>
        </OrgkitStatus>
      ) : query.isPending ? (
        <OrgkitStatus state="loading">
          <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
        </OrgkitStatus>
      ) : query.invitations.length === 0 ? (
        <p data-slot="orgkit-empty">{t.inviteDialog.pendingEmpty}</p>
      ) : (
        <ul data-slot="orgkit-invite-dialog-pending-list">
          {query.invitations.map((inv) => (
            <li key={inv.id} data-slot="orgkit-invite-dialog-invitation">
              <span data-slot="orgkit-invite-dialog-invitation-email">{inv.email}</span>
              <span data-slot="orgkit-invite-dialog-invitation-meta">
                {inv.roles.map(roleLabel).join(', ')} ·{' '}
                {formatMessage(t.inviteDialog.expires, {
                  date: dates.format(new Date(inv.expiresAt)),
                })}
              </span>
              {canManage ? (
                <span data-slot="orgkit-invite-dialog-invitation-actions">
                  <button
                    type="button"
                    data-slot="orgkit-button"
                    aria-label={`${t.inviteDialog.resend} ${inv.email}`}
                    onClick={() => run('resend', inv)}
                  >
                    {t.inviteDialog.resend}
                  </button>
                  <button
                    type="button"
                    data-slot="orgkit-button"
                    data-variant="danger"
                    aria-label={`${t.inviteDialog.revoke} ${inv.email}`}
                    onClick={() => run('revoke', inv)}
                  >
                    {t.inviteDialog.revoke}
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p role="status" data-slot="orgkit-invite-dialog-message">
        {message}
      </p>
    </section>
  );
}
