import { DropdownMenu } from 'radix-ui';
import { type ReactNode, useState } from 'react';
import type { Role } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { useRoleMatrixContext } from './role-matrix-context.js';

/** A role's column header: name, preset or custom, module, and duplicate / delete. */
export function RoleMatrixRoleHeader({ role }: { role: Role }): ReactNode {
  const t = useOrgkitLocale();
  const { can, startCreate, deleteRole } = useRoleMatrixContext('RoleMatrixRoleHeader');
  const [confirming, setConfirming] = useState(false);
  const custom = role.kind === 'custom';
  const canDelete = custom && can.delete;
  const label = formatMessage(t.roleMatrix.roleActions, { role: role.name });
  return (
    <th scope="col" data-slot="orgkit-role-matrix-role" data-kind={role.kind}>
      <span data-slot="orgkit-role-matrix-role-name">{role.name}</span>
      <span data-slot="orgkit-role-matrix-role-kind">
        {custom ? t.roleMatrix.custom : t.roleMatrix.preset}
        {role.module ? ` · ${role.module}` : ''}
      </span>
      {can.create || canDelete ? (
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger data-slot="orgkit-icon-button" aria-label={label}>
            <span aria-hidden="true">⋯</span>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content data-slot="orgkit-menu" align="end" aria-label={label}>
              {can.create ? (
                <DropdownMenu.Item data-slot="orgkit-menu-item" onSelect={() => startCreate(role)}>
                  {t.roleMatrix.duplicate}
                </DropdownMenu.Item>
              ) : null}
              {canDelete ? (
                <DropdownMenu.Item
                  data-slot="orgkit-menu-item"
                  data-variant="danger"
                  onSelect={() => setConfirming(true)}
                >
                  {t.roleMatrix.deleteRole}
                </DropdownMenu.Item>
              ) : null}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={formatMessage(t.roleMatrix.confirmDeleteTitle, { role: role.name })}
        description={formatMessage(t.roleMatrix.confirmDelete, {
          count: role.holders.members + role.holders.groups,
        })}
        action={t.roleMatrix.deleteRole}
        onConfirm={() => deleteRole(role)}
      />
    </th>
  );
}
