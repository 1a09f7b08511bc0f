import type { OrgkitError } from '@orgkit/sdk';
import { Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  createContext,
  type ReactNode,
  useContext,
  useId,
  useMemo,
  useState,
} from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useCan } from '../hooks/use-can.js';
import {
  useCreateGroup,
  useDeleteGroup,
  useSetGroupMembers,
  useSetGroupRoles,
} from '../hooks/use-group-mutations.js';
import { useGroup, useGroups } from '../hooks/use-groups.js';
import { useMembers } from '../hooks/use-members.js';
import { usePermissions } from '../hooks/use-permissions.js';
import { useRoles } from '../hooks/use-roles.js';
import { cx } from '../lib/cx.js';
import { grantableRoles } from '../lib/grantable-roles.js';
import type { Group } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { useControllableState } from '../ui/use-controllable-state.js';

/** The state every GroupsPanel part reads. */
export interface GroupsPanelContextValue {
  readonly orgId: string;
  readonly groups: ReturnType<typeof useGroups>;
  /** The selected group's id (`value`/`defaultValue`/`onValueChange` on the Root). */
  readonly selected: string | null;
  select(groupId: string | null): void;
  /** Managing membership and assigning roles are separate permissions. */
  readonly can: {
    readonly create: boolean;
    readonly update: boolean;
    readonly delete: boolean;
    readonly assignRoles: boolean;
  };
  readonly message: { readonly text: string; readonly tone: 'success' | 'error' } | null;
  report(error?: OrgkitError): void;
}

const GroupsPanelContext = createContext<GroupsPanelContextValue | null>(null);

/** The state of the nearest `GroupsPanelRoot`. */
export function useGroupsPanelContext(part: string): GroupsPanelContextValue {
  const value = useContext(GroupsPanelContext);
  if (!value) throw new Error(`${part} must be used within GroupsPanelRoot`);
  return value;
}

/** Props of {@link GroupsPanelRoot}. */
export interface GroupsPanelRootProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  readonly orgId?: string | null;
  /** The selected group's id. */
  readonly value?: string | null;
  readonly defaultValue?: string | null;
  readonly onValueChange?: (groupId: string | null) => void;
  readonly asChild?: boolean;
}

/** The groups of an organization, the selected group, and the viewer's permissions. */
export function GroupsPanelRoot({
  orgId: orgIdProp,
  value,
  defaultValue,
  onValueChange,
  asChild,
  className,
  ...props
}: GroupsPanelRootProps): ReactNode {
  const t = useOrgkitLocale();
  const active = useActiveOrgId();
  const orgId = (orgIdProp === undefined ? active.orgId : orgIdProp) ?? '';
  const groups = useGroups(orgId || null);
  const [selected, select] = useControllableState(value, defaultValue ?? null, onValueChange);
  const [message, setMessage] = useState<GroupsPanelContextValue['message']>(null);
  const state: GroupsPanelContextValue = {
    orgId,
    groups,
    selected,
    select,
    can: {
      create: useCan('groups:create', { orgId }).allowed,
      update: useCan('groups:update', { orgId }).allowed,
      delete: useCan('groups:delete', { orgId }).allowed,
      assignRoles: useCan('groups:assign_roles', { orgId }).allowed,
    },
    message,
    report: (error) =>
      setMessage(
        error
          ? { text: formatMessage(t.groupsPanel.failed, { message: error.message }), tone: 'error' }
          : { text: t.groupsPanel.saved, tone: 'success' },
      ),
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <GroupsPanelContext.Provider value={state}>
      <Comp
        data-slot="orgkit-groups-panel"
        data-state={groups.status}
        className={cx('orgkit-groups-panel', className)}
        {...props}
      />
    </GroupsPanelContext.Provider>
  );
}

/** The groups as a list of toggle buttons (the selected one pressed). */
export function GroupsPanelList({
  className,
  ...props
}: ComponentPropsWithoutRef<'ul'>): ReactNode {
  const t = useOrgkitLocale();
  const { groups, selected, select } = useGroupsPanelContext('GroupsPanelList');
  return (
    <ul
      aria-label={t.groupsPanel.label}
      data-slot="orgkit-groups-panel-list"
      className={className}
      {...props}
    >
      {groups.groups.map((g: Group) => (
        <li key={g.id}>
          <button
            type="button"
            data-slot="orgkit-groups-panel-group"
            aria-pressed={g.id === selected}
            data-state={g.id === selected ? 'active' : undefined}
            onClick={() => select(g.id === selected ? null : g.id)}
          >
            <span data-slot="orgkit-groups-panel-group-name">{g.name}</span>
            <span data-slot="orgkit-hint">
              {formatMessage(t.groupsPanel.memberCount, { count: g.memberCount })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Creates a group (`groups:create`); the new group is selected. */
export function GroupsPanelCreate({
  className,
  ...props
}: ComponentPropsWithoutRef<'form'>): ReactNode {
  const t = useOrgkitLocale();
  const { orgId, can, select, report } = useGroupsPanelContext('GroupsPanelCreate');
  const create = useCreateGroup(orgId);
  const id = useId();
  const [name, setName] = useState('');
  if (!can.create) return null;
  return (
    <form
      data-slot="orgkit-groups-panel-create"
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        create.mutate(
          { name: name.trim() },
          {
            onSuccess: (g) => {
              setName('');
              select(g.id);
              report();
            },
            onError: report,
          },
        );
      }}
      {...props}
    >
      <label htmlFor={id} data-slot="orgkit-label">
        {t.groupsPanel.name}
      </label>
      <input
        id={id}
        data-slot="orgkit-input"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="submit"
        data-slot="orgkit-button"
        data-variant="primary"
        disabled={create.isPending || !name.trim()}
      >
        {t.groupsPanel.create}
      </button>
    </form>
  );
}

/**
 * The selected group: its members (add and remove with `groups:update`), the roles it gives
 * (checkboxes with `groups:assign_roles`, limited to roles the viewer may grant), delete.
 */
export function GroupsPanelDetail({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const { orgId, selected, select, can, report } = useGroupsPanelContext('GroupsPanelDetail');
  const group = useGroup(orgId || null, selected);
  const roles = useRoles(orgId || null);
  const permissions = usePermissions(orgId || null).permissions;
  const grantable = useMemo(
    () => grantableRoles(roles.data ?? [], permissions, 'groups'),
    [roles.data, permissions],
  );
  const members = useMembers(orgId || null, { limit: 200 });
  const setMembers = useSetGroupMembers(orgId);
  const setRoles = useSetGroupRoles(orgId);
  const remove = useDeleteGroup(orgId);
  const [adding, setAdding] = useState('');
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  if (!selected) return <p data-slot="orgkit-hint">{t.groupsPanel.select}</p>;
  const g = group.data;
  if (!g) return null;
  const inGroup = new Set(g.members.map((m) => m.userId));
  const candidates = members.members.filter((m) => !inGroup.has(m.userId));
  const roleChoices = (roles.data ?? []).filter(
    (r) => r.assignable !== 'members' && r.key !== 'owner',
  );
  return (
    <section
      data-slot="orgkit-groups-panel-detail"
      aria-labelledby={`${id}-title`}
      className={className}
      {...props}
    >
      <h3 id={`${id}-title`} data-slot="orgkit-heading">
        {g.name}
      </h3>
      <h4 data-slot="orgkit-heading">{t.groupsPanel.members}</h4>
      {g.members.length === 0 ? <p data-slot="orgkit-hint">{t.groupsPanel.noMembers}</p> : null}
      <ul data-slot="orgkit-groups-panel-members">
        {g.members.map((m) => (
          <li key={m.userId}>
            <span>{m.name}</span> <span data-slot="orgkit-hint">{m.email}</span>
            {can.update ? (
              <button
                type="button"
                data-slot="orgkit-button"
                aria-label={formatMessage(t.groupsPanel.removeMember, { name: m.name })}
                onClick={() =>
                  setMembers.mutate(
                    { groupId: g.id, userIds: [m.userId], mode: 'remove' },
                    { onSuccess: () => report(), onError: report },
                  )
                }
              >
                {t.groupsPanel.remove}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {can.update ? (
        <form
          data-slot="orgkit-groups-panel-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!adding) return;
            setMembers.mutate(
              { groupId: g.id, userIds: [adding], mode: 'add' },
              {
                onSuccess: () => {
                  setAdding('');
                  report();
                },
                onError: report,
              },
            );
          }}
        >
          <label htmlFor={`${id}-add`} data-slot="orgkit-label">
            {t.groupsPanel.addMember}
          </label>
          <select
            id={`${id}-add`}
            data-slot="orgkit-select"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
          >
            <option value="" />
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} ({m.email})
              </option>
            ))}
          </select>
          <button type="submit" data-slot="orgkit-button" disabled={!adding}>
            {t.groupsPanel.add}
          </button>
        </form>
      ) : null}
      <fieldset data-slot="orgkit-groups-panel-roles">
        <legend>{t.groupsPanel.roles}</legend>
        {roleChoices.map((r) => (
          <label key={r.key}>
            <input
              type="checkbox"
              data-slot="orgkit-checkbox"
              checked={g.roles.includes(r.key)}
              disabled={!can.assignRoles || !grantable.has(r.key)}
              onChange={(e) =>
                setRoles.mutate(
                  {
                    groupId: g.id,
                    roles: e.target.checked
                      ? [...g.roles, r.key]
                      : g.roles.filter((k) => k !== r.key),
                  },
                  { onSuccess: () => report(), onError: report },
                )
              }
            />
            {t.roles[r.key] ?? r.name}
          </label>
        ))}
      </fieldset>
      {can.delete ? (
        <div>
          <button
            type="button"
            data-slot="orgkit-button"
            data-variant="danger"
            onClick={() => setConfirming(true)}
          >
            {t.groupsPanel.deleteGroup}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={formatMessage(t.groupsPanel.confirmDeleteTitle, { name: g.name })}
        description={t.groupsPanel.confirmDelete}
        action={t.groupsPanel.deleteGroup}
        onConfirm={() =>
          remove.mutate(
            { groupId: g.id },
            {
              onSuccess: () => {
                select(null);
                report();
              },
              onError: report,
            },
          )
        }
      />
    </section>
  );
}
