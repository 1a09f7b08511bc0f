import { Dialog } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useEffect, useId } from 'react';
import { useResourceRecipients } from '../hooks/use-resource-grants.js';
import { cx } from '../lib/cx.js';
import type { Grant, GrantInput } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { ResourceAccessAdd } from './resource-access-add.js';
import { useResourceAccessContext } from './resource-access-context.js';

/** Props of {@link ResourceAccessTrigger}. */
export interface ResourceAccessTriggerProps extends ComponentPropsWithoutRef<'button'> {
  readonly asChild?: boolean;
}

/**
 * Opens the share dialog. It reads "Share" and is named "Share {resource}" (so a list with a
 * button per resource stays unambiguous) unless children or `aria-label` say otherwise.
 */
export function ResourceAccessTrigger({
  className,
  children,
  ...props
}: ResourceAccessTriggerProps): ReactNode {
  const t = useOrgkitLocale();
  const { resourceName } = useResourceAccessContext('ResourceAccessTrigger');
  return (
    <Dialog.Trigger
      data-slot="orgkit-button"
      aria-label={
        children === undefined
          ? formatMessage(t.resourceAccess.title, { name: resourceName })
          : undefined
      }
      className={cx('orgkit-resource-access-trigger', className)}
      {...props}
    >
      {children ?? t.resourceAccess.trigger}
    </Dialog.Trigger>
  );
}

/** Props of {@link ResourceAccessContent}. */
export type ResourceAccessContentProps = ComponentPropsWithoutRef<typeof Dialog.Content>;

/**
 * The dialog: "Share {name}", the panel (or `children`) and Close. Focus goes to the add
 * combobox once it shows (the dialog itself until then, or for a read-only viewer) and back to
 * the trigger on close; Escape closes the suggestions first, then the dialog. Closing drops
 * unsaved changes.
 */
export function ResourceAccessContent({
  className,
  children,
  onEscapeKeyDown,
  onOpenAutoFocus,
  ...props
}: ResourceAccessContentProps): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessContent');
  return (
    <Dialog.Portal>
      <Dialog.Overlay data-slot="orgkit-overlay" />
      <Dialog.Content
        data-slot="orgkit-dialog"
        data-size="wide"
        className={cx('orgkit-resource-access-dialog', className)}
        onEscapeKeyDown={(e) => {
          if (ctx.suggesting) e.preventDefault();
          onEscapeKeyDown?.(e);
        }}
        onOpenAutoFocus={(e) => {
          // The dialog itself holds focus until the add input shows (with `access:manage`).
          e.preventDefault();
          (e.currentTarget as HTMLElement | null)?.focus();
          ctx.focusInputOnMount();
          onOpenAutoFocus?.(e);
        }}
        {...props}
      >
        <Dialog.Title data-slot="orgkit-dialog-title">
          {formatMessage(t.resourceAccess.title, { name: ctx.resourceName })}
        </Dialog.Title>
        <Dialog.Description data-slot="orgkit-dialog-description">
          {t.resourceAccess.description}
        </Dialog.Description>
        {children ?? <ResourceAccessPanel />}
        <div data-slot="orgkit-dialog-footer">
          <Dialog.Close data-slot="orgkit-button">{t.resourceAccess.close}</Dialog.Close>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/**
 * Everything but the dialog: loading, forbidden, not-registered and error states, then the add
 * combobox (or why the viewer may only look), the grants, inherited grants, who is notified,
 * and Save. Use it inline in your own page inside `ResourceAccessRoot`.
 */
export function ResourceAccessPanel({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessPanel');
  const { attach } = ctx;
  useEffect(() => attach(), [attach]);
  let body: ReactNode;
  if (ctx.error) {
    const forbidden = ctx.error.status === 403 || ctx.error.status === 401;
    body = (
      <OrgkitStatus state={forbidden ? 'forbidden' : 'error'}>
        <OrgkitStatusTitle>
          {forbidden ? t.common.forbiddenTitle : t.common.errorTitle}
        </OrgkitStatusTitle>
        <OrgkitStatusDescription>
          {ctx.error.status === 401
            ? t.common.signedOut
            : forbidden
              ? t.resourceAccess.forbidden
              : ctx.notFound
                ? t.resourceAccess.notFound
                : t.resourceAccess.loadError}
        </OrgkitStatusDescription>
      </OrgkitStatus>
    );
  } else if (ctx.status === 'pending') {
    body = (
      <OrgkitStatus state="loading">
        <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  } else {
    body = (
      <>
        {ctx.canManage ? (
          <ResourceAccessAdd />
        ) : ctx.checking ? null : (
          <p data-slot="orgkit-hint" data-state="read-only">
            {t.resourceAccess.readOnly}
          </p>
        )}
        <ResourceAccessList />
        <ResourceAccessInherited />
        <ResourceAccessRecipients />
        <ResourceAccessSave />
      </>
    );
  }
  return (
    <div
      data-slot="orgkit-resource-access-panel"
      data-state={ctx.status}
      data-dirty={ctx.dirty ? '' : undefined}
      className={cx('orgkit-resource-access-panel', className)}
      {...props}
    >
      {body}
    </div>
  );
}

/** The grants given on the resource itself, one row each (editable with `access:manage`). */
export function ResourceAccessList({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessList');
  const id = useId();
  return (
    <section
      data-slot="orgkit-resource-access-list"
      aria-labelledby={id}
      className={cx('orgkit-resource-access-list', className)}
      {...props}
    >
      <h3 id={id} data-slot="orgkit-heading">
        {t.resourceAccess.listLabel}
      </h3>
      {ctx.direct.length === 0 ? (
        <p data-slot="orgkit-hint">{t.resourceAccess.none}</p>
      ) : (
        <ul aria-labelledby={id} data-slot="orgkit-resource-access-rows">
          {ctx.direct.map((grant, index) => (
            <ResourceAccessItem
              key={`${grant.principal.kind}:${grant.principal.kind === 'email' ? grant.principal.email : grant.principal.id}`}
              grant={grant}
              index={index}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Props of {@link ResourceAccessItem}. */
export interface ResourceAccessItemProps extends ComponentPropsWithoutRef<'li'> {
  readonly grant: GrantInput;
  /** Its position in the edited list. */
  readonly index: number;
}

/**
 * One direct grant: who (name, kind), what — a checkbox per action of the type, the role it
 * gives, or "notified only" for an e-mail address — and Remove. A row the server refused shows
 * why.
 */
export function ResourceAccessItem({
  grant,
  index,
  className,
  ...props
}: ResourceAccessItemProps): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessItem');
  const id = useId();
  const p = grant.principal;
  const name = ctx.labelOf(p);
  const detail = ctx.detailOf(p);
  const problem = ctx.failure?.rows[index];
  return (
    <li
      data-slot="orgkit-resource-access-item"
      data-kind={p.kind}
      data-state={problem ? 'invalid' : undefined}
      className={cx('orgkit-resource-access-item', className)}
      {...props}
    >
      <span data-slot="orgkit-resource-access-who">
        <span data-slot="orgkit-resource-access-name">{name}</span>
        {detail ? <span data-slot="orgkit-hint">{detail}</span> : null}
      </span>
      <span data-slot="orgkit-badge" data-kind={p.kind}>
        {t.resourceAccess.kinds[p.kind]}
      </span>
      {p.kind === 'email' ? (
        <span data-slot="orgkit-resource-access-what" data-state="notify-only">
          {t.resourceAccess.notifyOnly}
        </span>
      ) : grant.role ? (
        <span data-slot="orgkit-resource-access-what">
          {formatMessage(t.resourceAccess.viaRole, { role: ctx.roleLabel(grant.role) })}
        </span>
      ) : (
        <fieldset
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-slot="orgkit-resource-access-what"
        >
          <legend data-slot="orgkit-sr-only">
            {formatMessage(t.resourceAccess.accessOf, { name })}
          </legend>
          {ctx.actions.map((a) => {
            const checked = grant.actions?.includes(a.action) ?? false;
            return (
              <label key={a.action} data-slot="orgkit-resource-access-action">
                <input
                  type="checkbox"
                  data-slot="orgkit-checkbox"
                  checked={checked}
                  disabled={!ctx.canManage}
                  aria-invalid={problem ? true : undefined}
                  onChange={() =>
                    ctx.setActions(
                      index,
                      checked
                        ? (grant.actions ?? []).filter((x) => x !== a.action)
                        : ctx.actions
                            .map((x) => x.action)
                            .filter((x) => x === a.action || grant.actions?.includes(x)),
                    )
                  }
                />
                {a.label}
              </label>
            );
          })}
        </fieldset>
      )}
      {ctx.canManage ? (
        <button
          type="button"
          data-slot="orgkit-icon-button"
          aria-label={formatMessage(t.resourceAccess.remove, { name })}
          onClick={() => {
            ctx.remove(index);
            ctx.focusInput();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} data-slot="orgkit-error">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/** What a saved grant gives, in words: the actions' labels or the role's name. */
function describe(grant: Grant | GrantInput, ctx: ReturnType<typeof useResourceAccessContext>) {
  return grant.role
    ? ctx.roleLabel(grant.role)
    : (grant.actions ?? []).map((a) => ctx.actionLabel(a)).join(', ');
}

/** Grants inherited from the resource's ancestors, with where each comes from (read-only). */
export function ResourceAccessInherited({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessInherited');
  const id = useId();
  if (ctx.inherited.length === 0) return null;
  return (
    <section
      data-slot="orgkit-resource-access-inherited"
      aria-labelledby={id}
      className={cx('orgkit-resource-access-inherited', className)}
      {...props}
    >
      <h3 id={id} data-slot="orgkit-heading">
        {t.resourceAccess.inheritedLabel}
      </h3>
      <p data-slot="orgkit-hint">{t.resourceAccess.inheritedHint}</p>
      <ul aria-labelledby={id} data-slot="orgkit-resource-access-rows">
        {ctx.inherited.map((g, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: the same principal may be granted on several ancestors
            key={i}
            data-slot="orgkit-resource-access-item"
            data-kind={g.principal.kind}
            data-state="inherited"
          >
            <span data-slot="orgkit-resource-access-who">
              <span data-slot="orgkit-resource-access-name">{ctx.labelOf(g.principal)}</span>
              <span data-slot="orgkit-hint">
                {formatMessage(t.resourceAccess.inheritedFrom, {
                  type: g.inheritedFrom?.type ?? '',
                  id: g.inheritedFrom?.id ?? '',
                })}
              </span>
            </span>
            <span data-slot="orgkit-badge" data-kind={g.principal.kind}>
              {t.resourceAccess.kinds[g.principal.kind]}
            </span>
            <span data-slot="orgkit-resource-access-what">
              {g.principal.kind === 'email' ? t.resourceAccess.notifyOnly : describe(g, ctx)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Who is notified about the resource, as saved: members granted directly or through
 * a group, and e-mail addresses — which are notified only and never get access.
 */
export function ResourceAccessRecipients({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessRecipients');
  const recipients = useResourceRecipients(ctx.orgId || null, ctx.resource);
  const id = useId();
  const users = recipients.data?.users ?? [];
  const emails = recipients.data?.emails ?? [];
  if (!recipients.data) return null;
  return (
    <section
      data-slot="orgkit-resource-access-recipients"
      aria-labelledby={id}
      className={cx('orgkit-resource-access-recipients', className)}
      {...props}
    >
      <h3 id={id} data-slot="orgkit-heading">
        {t.resourceAccess.recipientsLabel}
      </h3>
      <p data-slot="orgkit-hint">{t.resourceAccess.recipientsHint}</p>
      {users.length + emails.length === 0 ? (
        <p data-slot="orgkit-hint">{t.resourceAccess.noRecipients}</p>
      ) : (
        <ul aria-labelledby={id} data-slot="orgkit-resource-access-recipient-list">
          {users.map((u) => (
            <li key={u.id} data-kind="user">
              {u.name} <span data-slot="orgkit-hint">{u.email}</span>
            </li>
          ))}
          {emails.map((e) => (
            <li key={e} data-kind="email">
              {e}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Save (replaces the grants; the server refuses giving access the viewer lacks, and the
 * message says so) and Discard, with the outcome announced. Nothing without `access:manage`.
 */
export function ResourceAccessSave({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useResourceAccessContext('ResourceAccessSave');
  if (!ctx.canManage) return null;
  return (
    <div
      data-slot="orgkit-resource-access-save"
      className={cx('orgkit-resource-access-save', className)}
      {...props}
    >
      {ctx.failure ? (
        <p role="alert" data-slot="orgkit-error">
          {ctx.failure.message}
        </p>
      ) : null}
      <p role="status" data-slot="orgkit-resource-access-message">
        {ctx.message ?? (ctx.dirty ? t.resourceAccess.unsaved : null)}
      </p>
      <div data-slot="orgkit-resource-access-buttons">
        {ctx.dirty ? (
          <button type="button" data-slot="orgkit-button" onClick={ctx.discard}>
            {t.resourceAccess.discard}
          </button>
        ) : null}
        <button
          type="button"
          data-slot="orgkit-button"
          data-variant="primary"
          // Stays focusable when there is nothing to save, so focus is not lost after saving.
          aria-disabled={!ctx.dirty || ctx.saving || undefined}
          aria-busy={ctx.saving || undefined}
          onClick={() => {
            if (ctx.dirty && !ctx.saving) ctx.save();
          }}
        >
          {ctx.saving ? t.resourceAccess.saving : t.resourceAccess.save}
        </button>
      </div>
    </div>
  );
}
