import { createContext, useContext } from 'react';
import type { UseAuditEventsResult } from '../hooks/use-audit-events.js';
import type { AuditEventFilters } from '../lib/types.js';
import type { AuditScope } from '../queries/audit-events-query-options.js';

/** The state every AuditLog part reads. */
export interface AuditLogContextValue {
  readonly scope: AuditScope;
  readonly query: UseAuditEventsResult;
  readonly filters: AuditEventFilters;
  setFilters(next: AuditEventFilters): void;
  /** May the viewer export (`audit_log:export`)? */
  readonly canExport: boolean;
  /** Absolute URL of the export in `format`, with the current filters. */
  exportUrl(format: 'csv' | 'ndjson'): string;
  /** A member's name by user id, when the member list is known. */
  actorName(actorId: string | null): string | null;
}

/** @internal */
export const AuditLogContext = createContext<AuditLogContextValue | null>(null);

/** The state of the nearest `AuditLogRoot`. */
export function useAuditLogContext(part: string): AuditLogContextValue {
  const value = useContext(AuditLogContext);
  if (!value) throw new Error(`${part} must be used within AuditLogRoot`);
  return value;
}
