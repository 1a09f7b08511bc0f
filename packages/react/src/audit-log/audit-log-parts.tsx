import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import type { UseAuditEventsResult } from '../hooks/use-audit-events.js';
import { useCan } from '../hooks/use-can.js';
import { cx } from '../lib/cx.js';
import type { AuditEvent, AuditEventFilters } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useOrgkitClient } from '../provider/use-orgkit.js';
import { type AuditScope, auditEventsQueryOptions } from '../queries/audit-events-query-options.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import {
  AuditLogContext,
  type AuditLogContextValue,
  useAuditLogContext,
} from './audit-log-context.js';

/** Props of {@link AuditLogRoot}. */
export interface AuditLogRootProps extends ComponentPropsWithoutRef<'div'> {
  /** An organization's log (default: the active one) or a user's (`{ userId }`). */
  readonly scope?: AuditScope;
  readonly filters?: AuditEventFilters;
  readonly defaultFilters?: AuditEventFilters;
  readonly onFiltersChange?: (filters: AuditEventFilters) => void;
  /** Names shown for actor ids, overriding the actor's name the server sends with each event. */
  readonly actorNames?: Readonly<Record<string, string>>;
  readonly asChild?: boolean;
}

const NO_FILTERS: AuditEventFilters = {};

/** The audit log's state: scope, filters (`filters`/`defaultFilters`/`onFiltersChange`), pages. */
export function AuditLogRoot({
  scope: scopeProp,
  filters: filtersProp,
  defaultFilters,
  onFiltersChange,
  actorNames,
  asChild,
  className,
  ...props
}: AuditLogRootProps): ReactNode {
  const client = useOrgkitClient();
  const active = useActiveOrgId();
  const scope: AuditScope = scopeProp ?? { orgId: active.orgId ?? '' };
  const [filters, setFilters] = useControllableState(
    filtersProp,
    defaultFilters ?? NO_FILTERS,
    onFiltersChange,
  );
  // useAuditEvents' query, keeping the events on screen while new filters load.
  const infinite = useInfiniteQuery({
    ...auditEventsQueryOptions(client, scope, filters),
    enabled: 'orgId' in scope ? scope.orgId !== '' : scope.userId !== '',
    placeholderData: keepPreviousData,
  });
  const events = useMemo(() => infinite.data?.pages.flatMap((p) => p.items) ?? [], [infinite.data]);
  const query: UseAuditEventsResult = { ...infinite, events };
  const orgId = 'orgId' in scope ? scope.orgId : null;
  const exportAllowed = useCan('audit_log:export', { orgId }).allowed;
  // A user's own log needs no org permission; the server still checks.
  const canExport = orgId === null || exportAllowed;
  const value: AuditLogContextValue = {
    scope,
    query,
    filters,
    setFilters,
    canExport,
    exportUrl(format) {
      const path =
        'orgId' in scope
          ? `/v1/organizations/${encodeURIComponent(scope.orgId)}/audit-events`
          : `/v1/users/${encodeURIComponent(scope.userId)}/audit-events`;
      const params = new URLSearchParams({ format });
      for (const [k, v] of Object.entries(filters))
        if (v !== undefined && v !== '') params.set(k, String(v));
      return `${client.baseUrl}${path}?${params}`;
    },
    actorName: (id) => (id ? (actorNames?.[id] ?? null) : null),
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <AuditLogContext.Provider value={value}>
      <Comp
        data-slot="orgkit-audit-log"
        data-state={query.status}
        className={cx('orgkit-audit-log', className)}
        {...props}
      />
    </AuditLogContext.Provider>
  );
}

/** Filters: action (a prefix such as `member` or an exact `member.removed`) and a date range. */
export function AuditLogFilters({
  className,
  ...props
}: ComponentPropsWithoutRef<'fieldset'>): ReactNode {
  const t = useOrgkitLocale();
  const { filters, setFilters } = useAuditLogContext('AuditLogFilters');
  const id = useId();
  const [action, setAction] = useState(filters.action ?? '');
  // An action filter changed from outside replaces what is typed.
  const external = filters.action ?? '';
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    if (external !== action.trim()) setAction(external);
  }
  useEffect(() => {
    const next = action.trim();
    if (next === (filters.action ?? '')) return;
    const timer = setTimeout(() => {
      const { action: _old, ...rest } = filters;
      setFilters(next ? { ...rest, action: next } : rest);
    }, 250);
    return () => clearTimeout(timer);
  }, [action, filters, setFilters]);
  const setDate = (key: 'since' | 'until', value: string) => {
    const { [key]: _old, ...rest } = filters;
    // Whole days, in UTC: from the start of `since` to the end of `until`.
    const iso = value ? `${value}T${key === 'since' ? '00:00:00.000' : '23:59:59.999'}Z` : '';
    setFilters(iso ? { ...rest, [key]: iso } : rest);
  };
  return (
    <fieldset
      data-slot="orgkit-audit-log-filters"
      className={cx('orgkit-audit-log-filters', className)}
      {...props}
    >
      <legend data-slot="orgkit-sr-only">{t.auditLog.filters}</legend>
      <label htmlFor={`${id}-action`} data-slot="orgkit-label">
        {t.auditLog.actionFilter}
      </label>
      <input
        id={`${id}-action`}
        type="search"
        data-slot="orgkit-input"
        placeholder={t.auditLog.actionPlaceholder}
        value={action}
        onChange={(e) => setAction(e.target.value)}
      />
      {(['since', 'until'] as const).map((key) => (
        <span key={key}>
          <label htmlFor={`${id}-${key}`} data-slot="orgkit-label">
            {t.auditLog[key]}
          </label>
          <input
            id={`${id}-${key}`}
            type="date"
            data-slot="orgkit-input"
            value={filters[key]?.slice(0, 10) ?? ''}
            onChange={(e) => setDate(key, e.target.value)}
          />
        </span>
      ))}
    </fieldset>
  );
}

/**
 * Export links (CSV, NDJSON) with the current filters, for viewers with `audit_log:export`. They
 * download with the browser's session cookie; a client using an API key or token must fetch the
 * export itself (`client.GET(…, { params: { query: { format } } })`).
 */
export function AuditLogExport({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { canExport, exportUrl } = useAuditLogContext('AuditLogExport');
  if (!canExport) return null;
  return (
    <div
      data-slot="orgkit-audit-log-export"
      className={cx('orgkit-audit-log-export', className)}
      {...props}
    >
      <a data-slot="orgkit-button" href={exportUrl('csv')} download="audit-log.csv">
        {t.auditLog.exportCsv}
      </a>
      <a data-slot="orgkit-button" href={exportUrl('ndjson')} download="audit-log.ndjson">
        {t.auditLog.exportNdjson}
      </a>
    </div>
  );
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatTime(code: string, iso: string): string {
  let f = formats.get(code);
  if (!f) {
    f = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    formats.set(code, f);
  }
  return f.format(new Date(iso));
}

/** One event: when, who, what. */
export function AuditLogItem({ event }: { event: AuditEvent }): ReactNode {
  const t = useOrgkitLocale();
  const { actorName } = useAuditLogContext('AuditLogItem');
  const who =
    actorName(event.actorId) ?? event.actorName ?? event.actorEmail ?? event.actorId ?? null;
  const actor =
    event.actorType === 'system'
      ? t.auditLog.actors.system
      : event.actorType === 'api_key'
        ? formatMessage(t.auditLog.viaApiKey, { name: who ?? t.auditLog.actors.unknown })
        : (who ?? t.auditLog.actors.unknown);
  return (
    <li data-slot="orgkit-audit-log-item" data-action={event.action}>
      <time dateTime={event.createdAt}>{formatTime(t.code, event.createdAt)}</time>
      <span
        data-slot="orgkit-audit-log-actor"
        title={event.actorEmail && event.actorEmail !== actor ? event.actorEmail : undefined}
      >
        {actor}
      </span>
      <code data-slot="orgkit-audit-log-action">{event.action}</code>
      <span data-slot="orgkit-audit-log-description">{event.description}</span>
    </li>
  );
}

/**
 * The events, newest first, as an infinite list: older pages load when the end scrolls into
 * view (IntersectionObserver, where available) or with the button.
 */
export function AuditLogList({ className, ...props }: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { query } = useAuditLogContext('AuditLogList');
  const end = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const el = end.current;
    if (!el || typeof IntersectionObserver === 'undefined' || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <div
      data-slot="orgkit-audit-log-list"
      className={cx('orgkit-audit-log-list', className)}
      {...props}
    >
      <ol aria-label={t.auditLog.label} aria-busy={query.isFetching || undefined}>
        {query.events.map((event) => (
          <AuditLogItem key={event.id} event={event} />
        ))}
      </ol>
      <div ref={end} data-slot="orgkit-audit-log-end">
        {hasNextPage ? (
          <button
            type="button"
            data-slot="orgkit-button"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage ? t.common.loading : t.auditLog.loadMore}
          </button>
        ) : (
          <span>{t.auditLog.allLoaded}</span>
        )}
      </div>
    </div>
  );
}
