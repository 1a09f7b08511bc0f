import { Dialog } from 'radix-ui';
import { type ReactNode, useId } from 'react';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { CreateOrganizationForm } from '../ui/create-organization-form.js';
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
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay data-slot="orgkit-overlay" />
        <Dialog.Content data-slot="orgkit-dialog" aria-describedby={`${id}-description`}>
          <Dialog.Title data-slot="orgkit-dialog-title">{t.orgSwitcher.createTitle}</Dialog.Title>
          <Dialog.Description id={`${id}-description`} data-slot="orgkit-dialog-description">
            {t.orgSwitcher.createDescription}
          </Dialog.Description>
          {/* Mounted only while open: a new dialog starts empty, without the last error. */}
          <CreateOrganizationForm
            text={{
              name: t.orgSwitcher.nameLabel,
              create: t.orgSwitcher.create,
              creating: t.orgSwitcher.creating,
              cancel: t.common.cancel,
              failed: t.orgSwitcher.createFailed,
            }}
            onCreated={(org) => {
              onOpenChange(false);
              void switchTo(org.id).catch(() => undefined);
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
