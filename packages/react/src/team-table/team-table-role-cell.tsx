import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import type { Member, Role } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { WithReason } from '../ui/reason.js';
import { OWNER_ROLE, useTeamTableContext } from './team-table-context.js';

/** Toggling `key`; a role of an exclusive module replaces the member's other level there. */
function nextRoles(member: Member, role: Role, roles: readonly Role[]): string[] {
  if (member.roles.includes(role.key)) return member.roles.filter((r) => r !== role.key);
  const sameModule = new Set(
    role.exclusive && role.module
      ? roles.filter((r) => r.module === role.module).map((r) => r.key)
      : [],
  );
  return [...member.roles.filter((r) => !sameModule.has(r)), role.key];
}

/**
 * A member's roles; for viewers with `members:update`, a menu of checkable roles limited to the
 * ones the viewer may give (others shown disabled with the reason). The owner's roles are fixed.
 */
export function TeamTableRoleCell({ member }: { member: Member }): ReactNode {
  const t = useOrgkitLocale();
  const { can, roles, grantable, roleLabel, actions, protectedReason, deniedActions } =
    useTeamTableContext('TeamTableRoleCell');
  const text = member.roles.map(roleLabel).join(', ') || t.teamTable.noRoles;
  const reason =
    protectedReason(member) ??
    (can.update
      ? null
      : formatMessage(t.teamTable.reasons.permission, { permission: 'members:update' }));
  // The visible roles stay part of the name (WCAG 2.5.3 label in name).
  const label = `${formatMessage(t.teamTable.changeRoles, { name: member.name })}: ${text}`;
  if (!can.update && deniedActions === 'hide') {
    return <span data-slot="orgkit-team-table-roles">{text}</span>;
  }
  if (reason) {
    return (
      <WithReason reason={reason}>
        <button
          type="button"
          data-slot="orgkit-team-table-role-trigger"
          aria-disabled="true"
          aria-label={label}
        >
          {text}
        </button>
      </WithReason>
    );
  }
  const choices = roles.filter((r) => r.key !== OWNER_ROLE && r.assignable !== 'groups');
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger data-slot="orgkit-team-table-role-trigger" aria-label={label}>
        {text}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          data-slot="orgkit-menu"
          align="start"
          sideOffset={4}
          aria-label={formatMessage(t.teamTable.changeRoles, { name: member.name })}
        >
          {choices.map((role) => {
            const allowed = grantable.has(role.key);
            return (
              <DropdownMenu.CheckboxItem
                key={role.key}
                data-slot="orgkit-menu-item"
                checked={member.roles.includes(role.key)}
                disabled={!allowed}
                onSelect={(e) => {
                  e.preventDefault();
                  actions.setRoles(member, nextRoles(member, role, roles));
                }}
              >
                <DropdownMenu.ItemIndicator data-slot="orgkit-menu-indicator">
                  ✓
                </DropdownMenu.ItemIndicator>
                <span>{roleLabel(role.key)}</span>
                {allowed ? null : (
                  <span data-slot="orgkit-menu-reason">{t.teamTable.reasons.notGrantable}</span>
                )}
              </DropdownMenu.CheckboxItem>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
