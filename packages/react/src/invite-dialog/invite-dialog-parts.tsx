import { Dialog } from 'radix-ui';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { WithReason } from '../ui/reason.js';
import { InviteDialogAddresses } from './invite-dialog-addresses.js';
import { useInviteDialogContext } from './invite-dialog-context.js';
import { InviteDialogPending } from './invite-dialog-pending.js';

/** Props of {@link InviteDialogTrigger}. */
export interface InviteDialogTriggerProps extends ComponentPropsWithoutRef<'button'> {
  readonly asChild?: boolean;
}

/**
 * Opens the dialog. Without `invitations:create` it stays visible but unavailable, with the
 * reason as its description and tooltip.
 */
export function InviteDialogTrigger({
  className,
  children,
  ...props
}: InviteDialogTriggerProps): ReactNode {
  const t = useOrgkitLocale();
  const { canInvite, checking } = useInviteDialogContext('InviteDialogTrigger');
  const content = children ?? t.inviteDialog.trigger;
  if (!canInvite) {
    return (
      <WithReason reason={checking ? null : t.inviteDialog.forbidden}>
        <button
          type="button"
          data-slot="orgkit-button"
          aria-disabled="true"
          aria-busy={checking || undefined}
          className={cx('orgkit-invite-dialog-trigger', className)}
          {...props}
          onClick={(e) => e.preventDefault()}
        >
          {content}
        </button>
      </WithReason>
    );
  }
  return (
    <Dialog.Trigger
      data-slot="orgkit-button"
      data-variant="primary"
      className={cx('orgkit-invite-dialog-trigger', className)}
      {...props}
    >
      {content}
    </Dialog.Trigger>
  );
}

/** Props of {@link InviteDialogContent}. */
export interface InviteDialogContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content> {
  /** Show the pending invitations under the form (default true). */
  readonly showPending?: boolean;
}

/**
 * The dialog: title, the address chips, roles, send, then per-address results; the pending
 * invitations below. Focus goes to the address input on open and back to the trigger on close.
 */
export function InviteDialogContent({
  showPending = true,
  className,
  children,
  ...props
}: InviteDialogContentProps): ReactNode {
  const t = useOrgkitLocale();
  const { canInvite, checking } = useInviteDialogContext('InviteDialogContent');
  return (
    <Dialog.Portal>
      <Dialog.Overlay data-slot="orgkit-overlay" />
      <Dialog.Content
        data-slot="orgkit-dialog"
        className={cx('orgkit-invite-dialog', className)}
        {...props}
      >
        <Dialog.Title data-slot="orgkit-dialog-title">{t.inviteDialog.title}</Dialog.Title>
        <Dialog.Description data-slot="orgkit-dialog-description">
          {t.inviteDialog.description}
        </Dialog.Description>
        {children ??
          (canInvite ? (
            <>
              <InviteDialogForm />
              {showPending ? <InviteDialogPending /> : null}
            </>
          ) : (
            <OrgkitStatus state={checking ? 'loading' : 'forbidden'}>
              {checking ? null : <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>}
              <OrgkitStatusDescription>
                {checking ? t.common.loading : t.inviteDialog.forbidden}
              </OrgkitStatusDescription>
            </OrgkitStatus>
          ))}
        <div data-slot="orgkit-dialog-footer">
          <Dialog.Close data-slot="orgkit-button">{t.inviteDialog.close}</Dialog.Close>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/** The form: addresses, roles and send — or, after sending, the results. */
export function InviteDialogForm({
  className,
  ...props
}: ComponentPropsWithoutRef<'form'>): ReactNode {
  const { results, send } = useInviteDialogContext('InviteDialogForm');
  if (results) return <InviteDialogResults />;
  return (
    <form
      data-slot="orgkit-invite-dialog-form"
      className={cx('orgkit-invite-dialog-form', className)}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      {...props}
    >
      <InviteDialogAddresses />
      <InviteDialogRoles />
      <InviteDialogSubmit />
    </form>
  );
}

/** The roles to give, limited to those the viewer may grant. */
export function InviteDialogRoles({
  className,
  ...props
}: ComponentPropsWithoutRef<'fieldset'>): ReactNode {
  const t = useOrgkitLocale();
  const { grantable, roles, setRoles, roleLabel } = useInviteDialogContext('InviteDialogRoles');
  return (
    <fieldset
      data-slot="orgkit-invite-dialog-roles"
      className={cx('orgkit-invite-dialog-roles', className)}
      {...props}
    >
      <legend>{t.inviteDialog.rolesLabel}</legend>
      {grantable.length === 0 ? <p>{t.inviteDialog.noGrantableRoles}</p> : null}
      {grantable.map((role) => (
        <label key={role.key} data-slot="orgkit-invite-dialog-role">
          <input
            type="checkbox"
            data-slot="orgkit-checkbox"
            checked={roles.includes(role.key)}
            onChange={(e) =>
              setRoles(
                e.target.checked ? [...roles, role.key] : roles.filter((r) => r !== role.key),
              )
            }
          />
          <span>{roleLabel(role.key)}</span>
          {role.description ? (
            <span data-slot="orgkit-invite-dialog-role-description">{role.description}</span>
          ) : null}
        </label>
      ))}
    </fieldset>
  );
}

/** Sends the invitations; the count excludes invalid addresses, which are never sent. */
export function InviteDialogSubmit({
  className,
  ...props
}: ComponentPropsWithoutRef<'button'>): ReactNode {
  const t = useOrgkitLocale();
  const { addresses, draft, sending, error } = useInviteDialogContext('InviteDialogSubmit');
  const count = addresses.length + (draft.trim() ? 1 : 0);
  return (
    <div data-slot="orgkit-invite-dialog-submit">
      {error ? (
        <p role="alert" data-slot="orgkit-error">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        data-slot="orgkit-button"
        data-variant="primary"
        disabled={count === 0 || sending}
        aria-busy={sending || undefined}
        className={className}
        {...props}
      >
        {sending ? t.inviteDialog.sending : formatMessage(t.inviteDialog.send, { count })}
      </button>
    </div>
  );
}

/** One line per address: invited, already a member, or invalid. */
export function InviteDialogResults({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const { results, reset } = useInviteDialogContext('InviteDialogResults');
  if (!results) return null;
  return (
    <section
      data-slot="orgkit-invite-dialog-results"
      aria-labelledby="orgkit-invite-results-title"
      className={cx('orgkit-invite-dialog-results', className)}
      {...props}
    >
      <h3 id="orgkit-invite-results-title" data-slot="orgkit-heading">
        {t.inviteDialog.resultsTitle}
      </h3>
      {/* The live region wraps the list: a role on the <ul> itself would take away its list
          semantics (and its items' meaning) from screen readers. */}
      <div role="status">
        <ul>
          {results.map((r) => (
            <li key={r.email} data-slot="orgkit-invite-dialog-result" data-result={r.result}>
              <span>{r.email}</span>
              <span data-slot="orgkit-badge" data-status={r.result}>
                {t.inviteDialog.results[r.result]}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" data-slot="orgkit-button" onClick={reset}>
        {t.inviteDialog.inviteMore}
      </button>
    </section>
  );
}
