import type { AuditEvent, ListedAuditEvent } from '../store/audit.js';

/** The API shape of an audit event. */
export function toAuditEventJson(e: AuditEvent | ListedAuditEvent) {
  return {
    id: e.id,
    orgId: e.orgId,
    actorId: e.actorId,
    actorType: e.actorType,
    actorName: 'actorName' in e ? e.actorName : null,
    actorEmail: 'actorEmail' in e ? e.actorEmail : null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    description: e.description,
    before: e.before ?? null,
    after: e.after ?? null,
    ip: e.ip,
    userAgent: e.userAgent,
    createdAt: e.createdAt.toISOString(),
  };
}

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'orgId',
  'actorType',
  'actorId',
  'actorName',
  'actorEmail',
  'action',
  'targetType',
  'targetId',
  'description',
  'ip',
  'userAgent',
  'before',
  'after',
] as const;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  // Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row. */
export function toCsv(events: readonly (AuditEvent | ListedAuditEvent)[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const row = toAuditEventJson(e);
    lines.push(CSV_COLUMNS.map((col) => csvCell(row[col])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object per line. */
export function toNdjson(events: readonly (AuditEvent | ListedAuditEvent)[]): string {
  return events.map((e) => `${JSON.stringify(toAuditEventJson(e))}\n`).join('');
}
