import { type ComponentPropsWithoutRef, type ReactNode, useId, useRef } from 'react';
import { cx } from '../lib/cx.js';
import { isEmail, splitEmails } from '../lib/email-list.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useInviteDialogContext } from './invite-dialog-context.js';

/**
 * The addresses as chips and an input: typing a comma, space or Enter commits the address,
 * pasting a list (commas, spaces, new lines) makes one chip per address, Backspace in the empty
 * input removes the last chip. Invalid addresses are marked as typed and never sent.
 */
export function InviteDialogAddresses({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { addresses, setAddresses, draft, setDraft, commitDraft } =
    useInviteDialogContext('InviteDialogAddresses');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const invalid = addresses.filter((a) => !isEmail(a));
  const add = (text: string) => {
    const more = splitEmails(text).filter((e) => !addresses.includes(e));
    if (more.length > 0) setAddresses([...addresses, ...more]);
  };
  return (
    <div
      data-slot="orgkit-invite-dialog-addresses"
      className={cx('orgkit-invite-dialog-addresses', className)}
      {...props}
    >
      <label htmlFor={id} data-slot="orgkit-label">
        {t.inviteDialog.addressesLabel}
      </label>
      <div data-slot="orgkit-chips">
        {addresses.length > 0 ? (
          <ul aria-label={t.inviteDialog.addressesLabel} data-slot="orgkit-chip-list">
            {addresses.map((email) => {
              const valid = isEmail(email);
              return (
                <li key={email} data-slot="orgkit-chip" data-invalid={valid ? undefined : ''}>
                  <span>{email}</span>
                  {valid ? null : (
                    <span data-slot="orgkit-sr-only">
                      {formatMessage(t.inviteDialog.invalidAddress, { email })}
                    </span>
                  )}
                  <button
                    type="button"
                    data-slot="orgkit-chip-remove"
                    aria-label={formatMessage(t.inviteDialog.removeAddress, { email })}
                    onClick={() => {
                      setAddresses(addresses.filter((a) => a !== email));
                      input.current?.focus();
                    }}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        <input
          ref={input}
          id={id}
          type="text"
          inputMode="email"
          autoComplete="off"
          data-slot="orgkit-input"
          placeholder={addresses.length === 0 ? t.inviteDialog.addressesPlaceholder : undefined}
          aria-describedby={`${id}-hint${invalid.length > 0 ? ` ${id}-invalid` : ''}`}
          value={draft}
          onChange={(e) => {
            // A separator typed or pasted commits everything before it; the rest stays typed.
            const parts = e.target.value.split(/[\s,;]+/);
            const rest = parts.pop() ?? '';
            if (parts.length > 0) add(parts.join(' '));
            setDraft(rest);
          }}
          onPaste={(e) => {
            // Single-line inputs drop pasted line breaks; split the list before they do.
            const text = e.clipboardData.getData('text');
            if (!/[\s,;]/.test(text)) return;
            e.preventDefault();
            const parts = `${draft}${text}`.split(/[\s,;]+/);
            const rest = parts.pop() ?? '';
            add(parts.join(' '));
            setDraft(rest);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim() !== '') {
              e.preventDefault();
              commitDraft();
            } else if (e.key === 'Backspace' && draft === '' && addresses.length > 0) {
              e.preventDefault();
              setAddresses(addresses.slice(0, -1));
            }
          }}
          onBlur={() => {
            if (draft.trim()) commitDraft();
          }}
        />
      </div>
      <p id={`${id}-hint`} data-slot="orgkit-hint">
        {t.inviteDialog.addressesHint}
      </p>
      {invalid.length > 0 ? (
        <p id={`${id}-invalid`} data-slot="orgkit-error" aria-live="polite">
          {formatMessage(t.inviteDialog.invalidCount, { count: invalid.length })}
        </p>
      ) : null}
    </div>
  );
}
