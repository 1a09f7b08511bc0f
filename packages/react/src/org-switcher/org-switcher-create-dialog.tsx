import { Dialog } from 'radix-ui';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useCreateOrganization } from '../hooks/use-organization-mutations.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useOrgSwitcherContext } from './org-switcher-context.js';

/** Props of {@link OrgSwitcherCreateDialog}. */
export interface OrgSwitcherCreateDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

/**
 * Creates a top-level organization (the caller becomes its Owner) and switches to it. The
 * server's error (a taken slug, the single-membership policy…) shows in the dialog.
 */
export function OrgSwitcherCreateDialog({
  open,
  onOpenChange,
}: OrgSwitcherCreateDialogProps): ReactNode {
  const t = useOrgkitLocale();
  const id = useId();
  const { switchTo } = useOrgSwitcherContext('OrgSwitcherCreateDialog');
  const create = useCreateOrganization();
  const [name, setName] = useState('');
  const close = (next: boolean) => {
    if (!next) {
      setName('');
      create.reset();
    }
    onOpenChange(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (org) => {
          close(false);
          void switchTo(org.id).catch(() => undefined);
        },
      },
    );
  };
  return (
    <Dialog.Root open={open} onOpenChange={close}>
      <Dialog.Portal>
        <Dialog.Overlay data-slot="orgkit-overlay" />
        <Dialog.Content data-slot="orgkit-dialog" aria-describedby={`${id}-description`}>
          <Dialog.Title data-slot="orgkit-dialog-title">{t.orgSwitcher.createTitle}</Dialog.Title>
          <Dialog.Description id={`${id}-description`} data-slot="orgkit-dialog-description">
            {t.orgSwitcher.createDescription}
          </Dialog.Description>
          <form data-slot="orgkit-form" onSubmit={submit}>
            <label htmlFor={`${id}-name`} data-slot="orgkit-label">
              {t.orgSwitcher.nameLabel}
            </label>
            <input
              id={`${id}-name`}
              data-slot="orgkit-input"
              required
              maxLength={100}
              value={name}
              aria-invalid={create.error ? true : undefined}
              aria-describedby={create.error ? `${id}-error` : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {create.error ? (
              <p id={`${id}-error`} role="alert" data-slot="orgkit-error">
                {formatMessage(t.orgSwitcher.createFailed, {
                  message: create.error.message || t.common.unknownError,
                })}
              </p>
            ) : null}
            <div data-slot="orgkit-dialog-footer">
              <Dialog.Close data-slot="orgkit-button" type="button">
                {t.common.cancel}
              </Dialog.Close>
              <button
                type="submit"
                data-slot="orgkit-button"
                data-variant="primary"
                disabled={create.isPending || !name.trim()}
              >
                {create.isPending ? t.orgSwitcher.creating : t.orgSwitcher.create}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
