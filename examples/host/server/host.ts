/**
 * The host's backend: its own Hono app that mounts Orgkit (API under `/v1`) and adds a route of
 * its own, `POST /api/orgs/:orgId/deploys`, guarded by Orgkit with the host's permission.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import {
  createAccess,
  createOrgkitApp,
  createOrgkitGuard,
  type Database,
  type OrgkitApp,
} from '@orgkit/server';
import { Hono } from 'hono';
import { hostCatalog, hostRoles } from '../src/catalog.js';

/** Options of {@link createHost}. */
export interface HostOptions {
  readonly database: Database;
  readonly baseUrl: string;
  /** The built app (`vite build`), served with a fallback to `index.html`. */
  readonly staticDir?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The host app and the Orgkit app inside it. */
export function createHost(options: HostOptions): { host: Hono; orgkit: OrgkitApp } {
  const orgkit = createOrgkitApp({
    database: options.database,
    baseUrl: options.baseUrl,
    logger: false,
    access: createAccess({ catalog: hostCatalog, presets: hostRoles }),
  });
  const guard = createOrgkitGuard(orgkit, { catalog: hostCatalog });
  const host = new Hono();

  // The host's own route: only members whose roles give `projects:deploy` in the org get here.
  host.post(
    '/api/orgs/:orgId/deploys',
    guard.requirePermission('projects:deploy', { org: (c) => c.req.param('orgId') }),
    (c) => c.json({ deployedBy: c.var.orgkit.user.email, orgId: c.var.orgkit.orgId }),
  );
  host.route('/', orgkit);

  const dir = options.staticDir;
  if (dir) {
    host.get('*', async (c) => {
      const path = normalize(decodeURIComponent(new URL(c.req.url).pathname));
      const file = join(dir, path);
      if (file.startsWith(dir) && extname(file) !== '') {
        const body = await readFile(file).catch(() => undefined);
        if (body)
          return c.body(body, 200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          });
      }
      return c.html(await readFile(join(dir, 'index.html'), 'utf8'));
    });
  }
  return { host, orgkit };
}
