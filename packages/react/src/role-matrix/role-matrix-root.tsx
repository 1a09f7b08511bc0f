import type { OrgkitError } from '@orgkit/sdk';
import { Slot, Tooltip } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useMemo, useState } from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useCan } from '../hooks/use-can.js';
import { useCreateRole, useDeleteRole, useUpdateRole } from '../hooks/use-role-mutations.js';
import { usePermissionCatalog, useRoles } from '../hooks/use-roles.js';
import { cx } from '../lib/cx.js';
import type { Role } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { RoleMatrixContext, type RoleMatrixContextValue } from './role-matrix-context.js';
import { RoleMatrixCreateDialog } from './role-matrix-create-dialog.js';
import { type RoleMatrixScope, togglePermission } from './role-matrix-model.js';

/** Props of {@link RoleMatrixRoot}. */
export interface RoleMatrixRootProps extends ComponentPropsWithoutRef<'div'> {
  /** Default: the active organization. */
  readonly orgId?: string | null;
  /** The permission set shown: in the org (`self`) or in the orgs below (`descendants`). */
  readonly scope?: RoleMatrixScope;
  readonly defaultScope?: RoleMatrixScope;
  readonly onScopeChange?: (scope: RoleMatrixScope) => void;
  readonly asChild?: boolean;
}

/** The role matrix's data (catalog, roles), permissions, edits, and the create dialog. */
export function RoleMatrixRoot({
  orgId: orgIdProp,
  scope: scopeProp,
  defaultScope,
  onScopeChange,
  asChild,
  className,
  children,
  ...props
}: RoleMatrixRootProps): ReactNode {
  const t = useOrgkitLocale();
  const active = useActiveOrgId();
  const orgId = (orgIdProp === undefined ? active.orgId : orgIdProp) ?? '';
  const [scope, setScope] = useControllableState(scopeProp, defaultScope ?? 'self', onScopeChange);
  const catalog = usePermissionCatalog();
  const rolesQuery = useRoles(orgId || null);
  const roles = rolesQuery.data ?? [];
  const can = {
    create: useCan('roles:create', { orgId }).allowed,
    update: useCan('roles:update', { orgId }).allowed,
    delete: useCan('roles:delete', { orgId }).allowed,
  };
  const update = useUpdateRole(orgId);
  const create = useCreateRole(orgId);
  const remove = useDeleteRole(orgId);
  const [message, setMessage] = useState<RoleMatrixContextValue['message']>(null);
  const [creating, setCreating] = useState<{ source?: Role } | null>(null);
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const m of catalog.data?.modules ?? [])
      for (const s of m.sections)
        for (const r of s.resources)
          for (const a of r.actions) map.set(a.permission, `${r.label} · ${a.label}`);
    return map;
  }, [catalog.data]);
  const fail = (e: OrgkitError) =>
    setMessage({
      text: formatMessage(t.roleMatrix.failed, { message: e.message || t.common.unknownError }),
      tone: 'error',
    });
  const saved = () => setMessage({ text: t.roleMatrix.saved, tone: 'success' });
  const value: RoleMatrixContextValue = {
    orgId,
    catalog: catalog.data,
    roles,
    scope,
    setScope,
    can,
    permissionLabel: (p) => labels.get(p) ?? p,
    toggle: (role, permission) =>
      update.mutate(
        { key: role.key, ...togglePermission(role, permission, scope, roles) },
        { onSuccess: saved, onError: fail },
      ),
    startCreate: (source) => setCreating(source ? { source } : {}),
    deleteRole: (role) => remove.mutate({ key: role.key }, { onSuccess: saved, onError: fail }),
    message,
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <RoleMatrixContext.Provider value={value}>
      <Tooltip.Provider delayDuration={200}>
        <Comp
          data-slot="orgkit-role-matrix"
          data-state={rolesQuery.status}
          className={cx('orgkit-role-matrix', className)}
          {...props}
        >
          {children}
        </Comp>
        <RoleMatrixCreateDialog
          open={creating !== null}
          onOpenChange={(open) => (open ? undefined : setCreating(null))}
          {...(creating?.source ? { source: creating.source } : {})}
          onCreate={(input) =>
            create.mutate(input, {
              onSuccess: () => {
                setCreating(null);
                saved();
              },
              onError: fail,
            })
          }
          pending={create.isPending}
        />
      </Tooltip.Provider>
    </RoleMatrixContext.Provider>
  );
}
