import { Slot } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useEffect, useId, useRef } from 'react';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { FormField } from '../ui/form-field.js';
import { useAcceptInvitationContext } from './accept-invitation-context.js';

const dates = new Map<string, Intl.DateTimeFormat>();
function formatDate(code: string, iso: string): string {
  let f = dates.get(code);
  if (!f) {
    f = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeZone: 'UTC' });
    dates.set(code, f);
  }
  return f.format(new Date(iso));
}

/** "Checking the invitation…" while the invitation and the session load. */
export function AcceptInvitationLoading({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { view } = useAcceptInvitationContext('AcceptInvitationLoading');
  if (view !== 'loading') return null;
  return (
    <OrgkitStatus state="loading" className={className} {...props}>
      <OrgkitStatusDescription>{t.acceptInvitation.checking}</OrgkitStatusDescription>
    </OrgkitStatus>
  );
}

/**
 * Why the link cannot be accepted, one message per problem: `invalid` (no such invitation, or a
 * broken link), `expired`, `revoked` (withdrawn by an admin), `used` (already accepted) — or, when
 * the check itself failed, an error with a retry button.
 */
export function AcceptInvitationError({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { view, preview } = useAcceptInvitationContext('AcceptInvitationError');
  const a = t.acceptInvitation;
  const messages: Partial<Record<typeof view, [string, string]>> = {
    invalid: [a.invalidTitle, a.invalid],
    expired: [a.expiredTitle, a.expired],
    revoked: [a.revokedTitle, a.revoked],
    used: [a.usedTitle, a.used],
    error: [t.common.errorTitle, a.loadError],
  };
  const message = messages[view];
  if (!message) return null;
  return (
    <OrgkitStatus
      state="error"
      data-reason={view}
      className={cx('orgkit-accept-invitation-error', className)}
      {...props}
    >
      <OrgkitStatusTitle>{message[0]}</OrgkitStatusTitle>
      <OrgkitStatusDescription>{message[1]}</OrgkitStatusDescription>
      {view === 'error' ? (
        <div>
          <button type="button" data-slot="orgkit-button" onClick={() => void preview.refetch()}>
            {t.common.retry}
          </button>
        </div>
      ) : null}
    </OrgkitStatus>
  );
}

/** Props of {@link AcceptInvitationSummary}. */
export interface AcceptInvitationSummaryProps extends ComponentPropsWithoutRef<'section'> {
  readonly asChild?: boolean;
  /** Level of the "Join {org}" heading. Default 2. */
  readonly headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * What the invitation is for: "Join {org}", who invited, the invited address, the roles and the
 * expiry. Shown once the invitation is known and usable.
 */
export function AcceptInvitationSummary({
  asChild,
  headingLevel = 2,
  className,
  ...props
}: AcceptInvitationSummaryProps): ReactNode {
  const t = useOrgkitLocale();
  const { view, preview } = useAcceptInvitationContext('AcceptInvitationSummary');
  const headingId = useId();
  const data = preview.data;
  const usable =
    view === 'join' ||
    view === 'mismatch' ||
    view === 'existingAccount' ||
    view === 'newAccount' ||
    view === 'accepted';
  if (!data || !usable) return null;
  const a = t.acceptInvitation;
  const org = data.organization.name;
  const Heading = `h${headingLevel}` as const;
  const Comp = asChild ? Slot.Root : 'section';
  const roles = data.roles.map((r) => t.roles[r] ?? r).join(', ');
  return (
    <Comp
      aria-labelledby={headingId}
      data-slot="orgkit-accept-invitation-summary"
      className={cx('orgkit-accept-invitation-summary', className)}
      {...props}
    >
      <Heading id={headingId} data-slot="orgkit-accept-invitation-title">
        {formatMessage(a.title, { org })}
      </Heading>
      <p>
        {data.inviterName
          ? formatMessage(a.invitedBy, { inviter: data.inviterName, org })
          : formatMessage(a.invited, { org })}
      </p>
      <dl data-slot="orgkit-accept-invitation-details">
        <div>
          <dt>{a.email}</dt>
          <dd>{data.email}</dd>
        </div>
        <div>
          <dt>{a.roles}</dt>
          <dd>{roles || a.noRoles}</dd>
        </div>
        <div>
          <dt>{a.expires}</dt>
          <dd>
            <time dateTime={data.expiresAt}>{formatDate(t.code, data.expiresAt)}</time>
          </dd>
        </div>
      </dl>
    </Comp>
  );
}

/**
 * The accept form of the current view: "Join {org}" when signed in as the invited address; the
 * mismatch explained with a sign-out button when signed in as someone else; the account's
 * password when the address has one; name and a new password when it has none. Errors land on
 * their field (or, for the whole form, in an announced message); once joined, the confirmation
 * takes focus.
 */
export function AcceptInvitationForm({
  className,
  ...props
}: ComponentPropsWithoutRef<'form'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useAcceptInvitationContext('AcceptInvitationForm');
  const { view, preview, viewer, values, setValue, fieldErrors, formError, fieldRef } = ctx;
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (view === 'accepted') done.current?.focus();
  }, [view]);
  const a = t.acceptInvitation;
  const data = preview.data;
  const org = data?.organization.name ?? ctx.result?.organization.name ?? '';
  if (view === 'accepted') {
    return (
      <p
        ref={done}
        role="status"
        tabIndex={-1}
        data-slot="orgkit-accept-invitation-accepted"
        className={cx('orgkit-accept-invitation-accepted', className)}
      >
        {formatMessage(a.accepted, { org })}
      </p>
    );
  }
  if (!data) return null;
  if (view === 'mismatch') {
    return (
      <div
        data-slot="orgkit-accept-invitation-mismatch"
        className={cx('orgkit-accept-invitation-mismatch', className)}
      >
        <p>{formatMessage(a.mismatch, { email: data.email, current: viewer?.email ?? '' })}</p>
        <button
          type="button"
          data-slot="orgkit-button"
          aria-disabled={ctx.signingOut || undefined}
          onClick={() => (ctx.signingOut ? undefined : ctx.signOut())}
        >
          {ctx.signingOut ? a.signingOut : a.signOut}
        </button>
      </div>
    );
  }
  if (view !== 'join' && view !== 'existingAccount' && view !== 'newAccount') return null;
  const submitLabel =
    view === 'join' ? a.join : view === 'existingAccount' ? a.signInAndJoin : a.createAndJoin;
  return (
    <form
      noValidate
      data-slot="orgkit-accept-invitation-form"
      data-view={view}
      aria-label={formatMessage(a.title, { org })}
      className={cx('orgkit-accept-invitation-form', className)}
      onSubmit={(e) => {
        e.preventDefault();
        ctx.accept();
      }}
      {...props}
    >
      {view === 'join' ? (
        <p data-slot="orgkit-hint">{formatMessage(a.signedInAs, { email: viewer?.email ?? '' })}</p>
      ) : null}
      {view === 'existingAccount' ? (
        <>
          <p data-slot="orgkit-hint">{formatMessage(a.existingAccount, { email: data.email })}</p>
          <FormField
            slot="orgkit-accept-invitation-password"
            label={a.password}
            error={fieldErrors.password}
            inputRef={fieldRef('password')}
            type="password"
            name="password"
            autoComplete="current-password"
            maxLength={256}
            value={values.password}
            onChange={(e) => setValue('password', e.target.value)}
          />
        </>
      ) : null}
      {view === 'newAccount' ? (
        <>
          <p data-slot="orgkit-hint">{a.newAccount}</p>
          <FormField
            slot="orgkit-accept-invitation-name"
            label={a.name}
            error={fieldErrors.name}
            inputRef={fieldRef('name')}
            type="text"
            name="name"
            autoComplete="name"
            maxLength={200}
            value={values.name}
            onChange={(e) => setValue('name', e.target.value)}
          />
          <FormField
            slot="orgkit-accept-invitation-password"
            label={a.newPassword}
            hint={a.newPasswordHint}
            error={fieldErrors.password}
            inputRef={fieldRef('password')}
            type="password"
            name="password"
            autoComplete="new-password"
            maxLength={256}
            value={values.password}
            onChange={(e) => setValue('password', e.target.value)}
          />
        </>
      ) : null}
      {formError ? (
        <p role="alert" data-slot="orgkit-error">
          {formError}
        </p>
      ) : null}
      <button
        type="submit"
        data-slot="orgkit-button"
        data-variant="primary"
        data-state={ctx.accepting ? 'pending' : undefined}
        aria-disabled={ctx.accepting || undefined}
      >
        {ctx.accepting ? a.joining : formatMessage(submitLabel, { org })}
      </button>
    </form>
  );
}
