import { DropdownMenu } from 'radix-ui';
import { type ReactNode, useState } from 'react';
import type { Member } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { isOwner, useTeamTableContext } from './team-table-context.js';

interface RowAction {
  readonly id: 'status' | 'reset' | 'transfer' | 'remove';
  readonly label: string;
  /** Why it is unavailable, or null. */
  readonly reason: string | null;
  readonly danger?: boolean;
  run(): void;
}

/**
 * A member's actions menu: disable/enable, password reset, make owner (the owner only), remove.
 * Actions the viewer lacks permission for are hidden (or, with `deniedActions="disable"`, shown
 * disabled with the permission needed); the owner row shows why it is protected.
 */
export function TeamTableRowActions({ member }: { member: Member }): ReactNode {
  const t = useOrgkitLocale();
  const state = useTeamTableContext('TeamTableRowActions');
  const { can, viewerId, actions, deniedActions } = state;
  const [confirm, setConfirm] = useState<'remove' | 'transfer' | null>(null);
  const r = t.teamTable.reasons;
  const owner = isOwner(member);
  const self = member.userId === viewerId;
  const denied = (permission: string) => formatMessage(r.permission, { permission });
  const list: RowAction[] = [];
  const add = (allowed: boolean, permission: string, action: RowAction) => {
    if (allowed) list.push(action);
    else if (deniedActions === 'disable') list.push({ ...action, reason: denied(permission) });
  };
  const disabled = member.status === 'disabled';
  add(can.disable, 'members:disable', {
    id: 'status',
    label: disabled ? t.teamTable.enable : t.teamTable.disable,
    reason: owner ? r.ownerProtected : self ? r.self : null,
    run: () => actions.setStatus([member], disabled ? 'active' : 'disabled'),
  });
  add(can.resetPassword, 'members:reset_password', {
    id: 'reset',
    label: t.teamTable.resetPassword,
    reason: null,
    run: () => actions.resetPassword(member),
  });
  // Only the owner ever sees "make owner": to anyone else it is noise, not a hint.
  if (can.transfer && !owner && !self) {
    list.push({
      id: 'transfer',
      label: t.teamTable.transferOwnership,
      reason: member.status === 'active' ? null : r.notActive,
      run: () => setConfirm('transfer'),
    });
  }
  add(can.remove, 'members:remove', {
    id: 'remove',
    label: t.teamTable.remove,
    reason: owner ? r.ownerProtected : self ? r.self : null,
    danger: true,
    run: () => setConfirm('remove'),
  });
  if (list.length === 0) return null;
  const label = formatMessage(t.teamTable.rowActions, { name: member.name });
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger data-slot="orgkit-icon-button" aria-label={label}>
          <span aria-hidden="true">⋯</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            data-slot="orgkit-menu"
            align="end"
            sideOffset={4}
            aria-label={label}
          >
            {list.map((a) => (
              <DropdownMenu.Item
                key={a.id}
                data-slot="orgkit-menu-item"
                data-variant={a.danger ? 'danger' : undefined}
                disabled={a.reason !== null}
                onSelect={a.run}
              >
                <span>{a.label}</span>
                {a.reason ? <span data-slot="orgkit-menu-reason">{a.reason}</span> : null}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirm === 'remove'}
        onOpenChange={(open) => setConfirm(open ? 'remove' : null)}
        title={formatMessage(t.teamTable.confirmRemoveTitle, { name: member.name })}
        description={formatMessage(t.teamTable.confirmRemove, { name: member.name })}
        action={t.teamTable.remove}
        onConfirm={() => actions.remove([member])}
      />
      <ConfirmDialog
        open={confirm === 'transfer'}
        onOpenChange={(open) => setConfirm(open ? 'transfer' : null)}
        title={formatMessage(t.teamTable.confirmTransferTitle, { name: member.name })}
        description={t.teamTable.confirmTransfer}
        action={t.teamTable.transferOwnership}
        variant="primary"
        onConfirm={() => actions.transfer(member)}
      />
    </>
  );
}
