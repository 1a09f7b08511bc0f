import type { ReactNode } from 'react';
import { useSession } from '../hooks/use-session.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { type TeamTableColumn, teamTableColumns } from './team-table-columns.js';
import { useTeamTableContext } from './team-table-context.js';
import { TeamTableAnnouncer, TeamTablePagination } from './team-table-footer.js';
import { TeamTableGrid } from './team-table-grid.js';
import { TeamTableRoot, type TeamTableRootProps } from './team-table-root.js';
import { TeamTableToolbar } from './team-table-toolbar.js';

/** Props of {@link TeamTable}. */
export interface TeamTableProps extends Omit<TeamTableRootProps, 'children' | 'asChild'> {
  /** Default {@link teamTableColumns}. */
  readonly columns?: readonly TeamTableColumn[];
}

/**
 * The drop-in members table: search, role and status filters, sort, virtualized rows with cursor
 * paging, inline role change, row actions and bulk actions — each hidden (or disabled with its
 * reason) when the viewer may not use it — plus loading, empty, error and forbidden states.
 * Compose the parts (`TeamTableRoot`, `TeamTableToolbar`, `TeamTableGrid`, `TeamTablePagination`,
 * `TeamTableAnnouncer`…) for another layout.
 *
 * @example
 * <TeamTable deniedActions="disable" onSelectionChange={setSelected} />
 */
export function TeamTable({ columns = teamTableColumns, ...props }: TeamTableProps): ReactNode {
  const t = useOrgkitLocale();
  const session = useSession();
  if (session.isSuccess && !session.isSignedIn) {
    return (
      <OrgkitStatus state="forbidden" className={props.className}>
        <OrgkitStatusDescription>{t.common.signedOut}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return (
    <TeamTableRoot {...props}>
      <TeamTableToolbar />
      <TeamTableContent columns={columns} />
      <TeamTableAnnouncer />
    </TeamTableRoot>
  );
}

function TeamTableContent({ columns }: { columns: readonly TeamTableColumn[] }): ReactNode {
  const t = useOrgkitLocale();
  const { query, members, filters } = useTeamTableContext('TeamTable');
  if (query.error) {
    if (query.error.status === 403) {
      return (
        <OrgkitStatus state="forbidden">
          <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>
          <OrgkitStatusDescription>{t.teamTable.forbidden}</OrgkitStatusDescription>
        </OrgkitStatus>
      );
    }
    return (
      <OrgkitStatus state="error">
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.teamTable.loadError}</OrgkitStatusDescription>
        <div>
          <button type="button" data-slot="orgkit-button" onClick={() => void query.refetch()}>
            {t.common.retry}
          </button>
        </div>
      </OrgkitStatus>
    );
  }
  if (query.isPending) {
    return (
      <OrgkitStatus state="loading">
        <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if (members.length === 0) {
    const filtered = Boolean(filters.search || filters.role || filters.status);
    return (
      <OrgkitStatus state="empty">
        <OrgkitStatusDescription>
          {filtered ? t.teamTable.noResults : t.teamTable.empty}
        </OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return (
    <>
      <TeamTableGrid columns={columns} />
      <TeamTablePagination />
    </>
  );
}
