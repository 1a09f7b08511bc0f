import type { ReactNode } from 'react';
import { usePermissionCatalog, useRoles } from '../hooks/use-roles.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { useRoleMatrixContext } from './role-matrix-context.js';
import { RoleMatrixGrid } from './role-matrix-grid.js';
import { RoleMatrixRoot, type RoleMatrixRootProps } from './role-matrix-root.js';

/** Props of {@link RoleMatrix}. */
export type RoleMatrixProps = Omit<RoleMatrixRootProps, 'children' | 'asChild'>;

/** The bar above the matrix: "New role" (with `roles:create`) and the last outcome. */
export function RoleMatrixToolbar(): ReactNode {
  const t = useOrgkitLocale();
  const { can, startCreate, message } = useRoleMatrixContext('RoleMatrixToolbar');
  return (
    <div data-slot="orgkit-role-matrix-toolbar">
      {can.create ? (
        <button
          type="button"
          data-slot="orgkit-button"
          data-variant="primary"
          onClick={() => startCreate()}
        >
          {t.roleMatrix.createRole}
        </button>
      ) : (
        <span data-slot="orgkit-hint">{t.roleMatrix.readOnly}</span>
      )}
      <p role="status" data-slot="orgkit-role-matrix-message" data-tone={message?.tone}>
        {message?.text}
      </p>
    </div>
  );
}

/**
 * The drop-in role matrix: every role as a column, the permission catalog as rows
 * grouped by module, section, resource and action; presets read-only, custom roles editable with
 * `roles:update`; ⭐ for conditional grants with their condition on hover and focus; exclusive
 * module levels marked; create, duplicate and delete roles; loading, empty, error and forbidden
 * states. Compose `RoleMatrixRoot`, `RoleMatrixToolbar` and `RoleMatrixGrid` for another layout.
 *
 * @example
 * <RoleMatrix defaultScope="descendants" />
 */
export function RoleMatrix(props: RoleMatrixProps): ReactNode {
  return (
    <RoleMatrixRoot {...props}>
      <RoleMatrixToolbar />
      <RoleMatrixBody />
    </RoleMatrixRoot>
  );
}

function RoleMatrixBody(): ReactNode {
  const t = useOrgkitLocale();
  const { orgId } = useRoleMatrixContext('RoleMatrix');
  // The same cached queries as the Root's: read here for their status.
  const roles = useRoles(orgId || null);
  const catalog = usePermissionCatalog();
  const error = roles.error ?? catalog.error;
  if (error) {
    return error.status === 403 ? (
      <OrgkitStatus state="forbidden">
        <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.roleMatrix.forbidden}</OrgkitStatusDescription>
      </OrgkitStatus>
    ) : (
      <OrgkitStatus state="error">
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.roleMatrix.loadError}</OrgkitStatusDescription>
        <div>
          <button
            type="button"
            data-slot="orgkit-button"
            onClick={() => void Promise.all([roles.refetch(), catalog.refetch()])}
          >
            {t.common.retry}
          </button>
        </div>
      </OrgkitStatus>
    );
  }
  if (roles.isPending || catalog.isPending) {
    return (
      <OrgkitStatus state="loading">
        <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if ((roles.data ?? []).length === 0) {
    return (
      <OrgkitStatus state="empty">
        <OrgkitStatusDescription>{t.roleMatrix.empty}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return <RoleMatrixGrid />;
}
