/**
 * The peer: better-auth with its organization plugin (and the bearer plugin so the load
 * generator can send a session token), its roles built from the same 50 role declarations over
 * the same 500-permission catalog, on its own Postgres database.
 */
import { betterAuth } from 'better-auth';
import { bearer, organization } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import pg from 'pg';
import { benchCatalog, benchCustomRoles, benchPresetRoles } from './catalog.js';
import { PEER_SECRET } from './config.js';

/** A role's `self` permissions expanded to better-auth's `{ resource: actions[] }` statements. */
function statementsOf(entries: readonly unknown[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (p: string) => {
    const [r, a] = p.split(':') as [string, string];
    const list = out[r] ?? [];
    if (!list.includes(a)) list.push(a);
    out[r] = list;
  };
  for (const e of entries) {
    // better-auth has no conditional grants: a conditional entry is left out (never widened).
    if (typeof e !== 'string') continue;
    if (e === '*') benchCatalog.permissions.forEach(add);
    else if (e.endsWith(':*')) {
      const r = e.slice(0, -2);
      benchCatalog.permissions.filter((p) => p.startsWith(`${r}:`)).forEach(add);
    } else add(e);
  }
  return out;
}

function buildRoles() {
  const statements: Record<string, string[]> = {};
  for (const info of benchCatalog.resources.values()) statements[info.resource] = [...info.actions];
  const ac = createAccessControl(statements);
  const roles: Record<string, ReturnType<typeof ac.newRole>> = {};
  for (const spec of [...benchPresetRoles, ...benchCustomRoles]) {
    const base = spec.self ?? [];
    const removed = new Set(spec.remove?.self ?? []);
    roles[spec.key] = ac.newRole(statementsOf(base.filter((e) => !removed.has(e as never))));
  }
  return { ac, roles };
}

/** The better-auth instance over `pool`. */
export function createPeerAuth(pool: pg.Pool) {
  const { ac, roles } = buildRoles();
  return betterAuth({
    database: pool,
    secret: PEER_SECRET,
    baseURL: 'http://127.0.0.1',
    emailAndPassword: { enabled: true },
    // Sessions seeded by the generator stay valid and are never refreshed during a run.
    session: { expiresIn: 60 * 60 * 24 * 365, updateAge: 60 * 60 * 24 * 365 },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [bearer(), organization({ ac, roles, membershipLimit: 1_000_000 })],
  });
}

export function peerPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}
