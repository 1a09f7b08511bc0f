import type { ReactNode } from 'react';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { useAuditLogContext } from './audit-log-context.js';
import {
  AuditLogExport,
  AuditLogFilters,
  AuditLogList,
  AuditLogRoot,
  type AuditLogRootProps,
} from './audit-log-parts.js';

/** Props of {@link AuditLog}. */
export type AuditLogProps = Omit<AuditLogRootProps, 'children' | 'asChild'>;

/**
 * The drop-in audit log: filters by action and date, an infinite list of events
 * newest first, CSV and NDJSON export links, and loading, empty, error and forbidden states.
 * Compose `AuditLogRoot`, `AuditLogFilters`, `AuditLogExport`, `AuditLogList` and `AuditLogItem`
 * for another layout.
 *
 * @example
 * <AuditLog scope={{ userId }} defaultFilters={{ action: 'member' }} />
 */
export function AuditLog(props: AuditLogProps): ReactNode {
  return (
    <AuditLogRoot {...props}>
      <div data-slot="orgkit-audit-log-toolbar">
        <AuditLogFilters />
        <AuditLogExport />
      </div>
      <AuditLogBody />
    </AuditLogRoot>
  );
}

function AuditLogBody(): ReactNode {
  const t = useOrgkitLocale();
  const { query, filters } = useAuditLogContext('AuditLog');
  if (query.error) {
    return query.error.status === 403 ? (
      <OrgkitStatus state="forbidden">
        <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.auditLog.forbidden}</OrgkitStatusDescription>
      </OrgkitStatus>
    ) : (
      <OrgkitStatus state="error">
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.auditLog.loadError}</OrgkitStatusDescription>
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
  if (query.events.length === 0) {
    const filtered = Boolean(filters.action || filters.since || filters.until);
    return (
      <OrgkitStatus state="empty">
        <OrgkitStatusDescription>
          {filtered ? t.auditLog.noResults : t.auditLog.empty}
        </OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return <AuditLogList />;
}
