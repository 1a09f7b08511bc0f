import { sql } from 'drizzle-orm';
import type { Store } from '../store/store.js';

type Rows<T> = { rows: T[] };

/** The application tables of the public schema (every table a request could write). */
async function tables(store: Store): Promise<string[]> {
  const result = (await store.db.execute(
    sql.raw(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  )) as unknown as Rows<{ name: string }>;
  return result.rows.map((r) => r.name).filter((n) => !n.startsWith('__drizzle'));
}

/**
 * A row as text, without the use-tracking columns any authenticated request may refresh (a
 * session's last use, a user's last activity, a key's last use): they record that a request
 * happened, not what it changed.
 */
const ROW = `(to_jsonb(t) - 'last_seen_at' - 'last_active_at' - 'last_used_at')::text`;

const statements = new WeakMap<Store['db'], Promise<string>>();

/** One statement that hashes every table (one round trip per fingerprint). */
function statement(store: Store): Promise<string> {
  let cached = statements.get(store.db);
  if (!cached) {
    cached = tables(store).then((names) =>
      names
        .map(
          (n) =>
            `select '${n}' as name, count(*)::text || ':' || ` +
            `coalesce(md5(string_agg(${ROW}, '|' order by ${ROW})), '') as h from "${n}" t`,
        )
        .join(' union all '),
    );
    statements.set(store.db, cached);
  }
  return cached;
}

/**
 * A fingerprint of every row of every table: two equal fingerprints mean nothing was written in
 * between (sessions, audit events, outbox and idempotency records included), use tracking aside.
 */
export async function fingerprint(store: Store): Promise<Record<string, string>> {
  const result = (await store.db.execute(sql.raw(await statement(store)))) as unknown as Rows<{
    name: string;
    h: string;
  }>;
  return Object.fromEntries(result.rows.map((r) => [r.name, r.h]));
}

/** The tables whose fingerprints differ. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
