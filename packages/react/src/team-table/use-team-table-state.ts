import type { OrgkitError } from '@orgkit/sdk';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useCan } from '../hooks/use-can.js';
import type { UseMembersResult } from '../hooks/use-members.js';
import { usePermissions } from '../hooks/use-permissions.js';
import { useRemoveMember } from '../hooks/use-remove-member.js';
import { useResetMemberPassword } from '../hooks/use-reset-member-password.js';
import { useRoles } from '../hooks/use-roles.js';
import { useSession } from '../hooks/use-session.js';
import { useTransferOwnership } from '../hooks/use-transfer-ownership.js';
import { useUpdateMember } from '../hooks/use-update-member.js';
import { grantableRoles } from '../lib/grantable-roles.js';
import type { Member, MemberFilters } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { membersQueryOptions } from '../queries/members-query-options.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { isOwner, type TeamTableContextValue } from './team-table-context.js';

/** Options of {@link useTeamTableState}: the Root's props. */
export interface TeamTableStateOptions {
  readonly orgId?: string | null;
  readonly filters?: MemberFilters;
  readonly defaultFilters?: MemberFilters;
  readonly onFiltersChange?: (filters: MemberFilters) => void;
  readonly selection?: readonly string[];
  readonly defaultSelection?: readonly string[];
  readonly onSelectionChange?: (selection: readonly string[]) => void;
  readonly deniedActions?: 'hide' | 'disable';
  /** Members per page (1–200). Default 100. */
  readonly pageSize?: number;
}

const NO_FILTERS: MemberFilters = {};
const NO_SELECTION: readonly string[] = [];

/** Builds the TeamTable state: members query, filters, selection, permissions and actions. */
export function useTeamTableState(options: TeamTableStateOptions): TeamTableContextValue {
  const t = useOrgkitLocale();
  const active = useActiveOrgId();
  const orgId = (options.orgId === undefined ? active.orgId : options.orgId) ?? '';
  const [filters, setFilters] = useControllableState(
    options.filters,
    options.defaultFilters ?? NO_FILTERS,
    options.onFiltersChange,
  );
  const [selection, setSelection] = useControllableState(
    options.selection,
    options.defaultSelection ?? NO_SELECTION,
    options.onSelectionChange,
  );
  const { client } = useOrgkitContext('TeamTableRoot');
  // useMembers' query, keeping the rows on screen while a new search or filter loads.
  const infinite = useInfiniteQuery({
    ...membersQueryOptions(client, orgId, { ...filters, limit: options.pageSize ?? 100 }),
    enabled: orgId !== '',
    placeholderData: keepPreviousData,
  });
  const members = useMemo(
    () => infinite.data?.pages.flatMap((p) => p.items) ?? [],
    [infinite.data],
  );
  const query: UseMembersResult = { ...infinite, members };
  const session = useSession();
  const viewerId = session.user?.id ?? null;
  const can = {
    update: useCan('members:update', { orgId }).allowed,
    disable: useCan('members:disable', { orgId }).allowed,
    remove: useCan('members:remove', { orgId }).allowed,
    resetPassword: useCan('members:reset_password', { orgId }).allowed,
    transfer: useCan('organization:transfer_ownership', { orgId }).allowed,
  };
  const permissions = usePermissions(orgId || null).permissions;
  const rolesQuery = useRoles(orgId || null);
  const roles = rolesQuery.data ?? [];
  const grantable = useMemo(
    () => grantableRoles(rolesQuery.data ?? [], permissions),
    [rolesQuery.data, permissions],
  );
  const [message, setMessage] = useState<TeamTableContextValue['message']>(null);

  const update = useUpdateMember(orgId);
  const removal = useRemoveMember(orgId);
  const reset = useResetMemberPassword(orgId);
  const transfer = useTransferOwnership(orgId);

  const ok = (template: string, m: Member) =>
    setMessage({
      text: formatMessage(template, { name: m.name, email: m.email }),
      tone: 'success',
    });
  const fail = (error: OrgkitError) =>
    setMessage({
      text: formatMessage(t.teamTable.failed, { message: error.message || t.common.unknownError }),
      tone: 'error',
    });
  /** Runs one mutation per member; one message for a single member, a count for several. */
  const many = async (
    members: readonly Member[],
    run: (m: Member) => Promise<unknown>,
    single: string,
  ) => {
    const results = await Promise.allSettled(members.map(run));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (members.length === 1 && members[0]) {
      if (failed) fail(failed.reason as OrgkitError);
      else ok(single, members[0]);
      return;
    }
    const done = results.length - results.filter((r) => r.status === 'rejected').length;
    setMessage({
      text: formatMessage(t.teamTable.done.bulk, { done, count: members.length }),
      tone: failed ? 'error' : 'success',
    });
    setSelection([]);
  };

  const roleLabel = (key: string) => t.roles[key] ?? roles.find((r) => r.key === key)?.name ?? key;

  return {
    orgId,
    query,
    members,
    filters,
    setFilters,
    selection,
    setSelection,
    viewerId,
    can,
    roles,
    grantable,
    deniedActions: options.deniedActions ?? 'hide',
    message,
    roleLabel,
    protectedReason: (m) => (isOwner(m) ? t.teamTable.reasons.ownerProtected : null),
    actions: {
      setRoles: (m, next) =>
        update.mutate(
          { userId: m.userId, roles: next },
          { onSuccess: () => ok(t.teamTable.done.rolesUpdated, m), onError: fail },
        ),
      setStatus: (members, status) =>
        void many(
          members,
          (m) => update.mutateAsync({ userId: m.userId, status }),
          status === 'disabled' ? t.teamTable.done.disabled : t.teamTable.done.enabled,
        ),
      remove: (members) =>
        void many(
          members,
          (m) => removal.mutateAsync({ userId: m.userId }),
          t.teamTable.done.removed,
        ),
      resetPassword: (m) =>
        reset.mutate(
          { userId: m.userId },
          { onSuccess: () => ok(t.teamTable.done.resetSent, m), onError: fail },
        ),
      transfer: (m) =>
        transfer.mutate(
          { userId: m.userId },
          { onSuccess: () => ok(t.teamTable.done.transferred, m), onError: fail },
        ),
    },
  };
}
