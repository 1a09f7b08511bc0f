import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useOrgkitLocale } from '../locale/use-locale.js';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly title: string;
  readonly description: string;
  /** The confirming button's text. */
  readonly action: string;
  readonly onConfirm: () => void;
  /** `danger` for destructive actions. */
  readonly variant?: 'danger' | 'primary';
}

/**
 * A confirmation for a destructive or weighty action (Radix AlertDialog: focus moves to Cancel,
 * Escape cancels, focus returns to the trigger).
 */
export function ConfirmDialog(props: ConfirmDialogProps): ReactNode {
  const t = useOrgkitLocale();
  return (
    <AlertDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay data-slot="orgkit-overlay" />
        <AlertDialog.Content data-slot="orgkit-dialog" data-variant={props.variant ?? 'danger'}>
          <AlertDialog.Title data-slot="orgkit-dialog-title">{props.title}</AlertDialog.Title>
          <AlertDialog.Description data-slot="orgkit-dialog-description">
            {props.description}
          </AlertDialog.Description>
          <div data-slot="orgkit-dialog-footer">
            <AlertDialog.Cancel data-slot="orgkit-button">{t.common.cancel}</AlertDialog.Cancel>
            <AlertDialog.Action
              data-slot="orgkit-button"
              data-variant={props.variant ?? 'danger'}
              onClick={props.onConfirm}
            >
              {props.action}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
