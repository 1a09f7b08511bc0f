/**
 * The demo host: its own Hono server that mounts the Orgkit app (API, docs, dev outbox) and serves
 * the built single-page app — how a host product embeds the reference backend.
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
import { type Context, Hono } from 'hono';
import { demoCatalog, demoRoles } from '../src/catalog.js';

/** Options of {@link createDemoHost}. */
export interface DemoHostOptions {
  readonly database: Database;
  /** Public URL of the demo (invitation links point here). */
  readonly baseUrl: string;
  /** Folder of the built app (`vite build`); without it only the API is served. */
  readonly staticDir?: string;
  /** Cheap password hashing and no rate limits, for the end-to-end tests. */
  readonly testing?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** The Orgkit app configured for the demo product's catalog and roles. */
export function createDemoOrgkit(options: DemoHostOptions): OrgkitApp {
  return createOrgkitApp({
    database: options.database,
    baseUrl: options.baseUrl,
    logger: false,
    access: createAccess({ catalog: demoCatalog, presets: demoRoles }),
    organizations: { membership: 'multiple' },
    docs: true,
    // The demo shows mailed links to its platform admin instead of sending them.
    devOutbox: true,
    // Owner and Admin are added to every new project (a team rule for new products).
    acl: {
      autoGrants: {
        projects: { roles: ['owner', 'admin'], actions: ['read', 'update', 'delete'] },
      },
    },
    ...(options.testing
      ? {
          auth: { passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
          rateLimits: { enabled: false },
        }
      : {}),
  });
}

/**
 * The product's own project routes, guarded by Orgkit on the server (the UI's disabled buttons
 * are a convenience, not the protection): deploying needs `deploys:run` in the org and
 * `projects:read` on the project; editing needs `projects:update` on the project. A project's
 * permissions follow its ACL (shares, inherited from parent projects).
 */
function projectRoutes(orgkit: OrgkitApp): Hono {
  const guard = createOrgkitGuard(orgkit, { catalog: demoCatalog });
  const routes = new Hono();
  const org = (c: Context) => c.req.param('orgId');
  const project = (c: Context) => ({ type: 'projects', id: c.req.param('projectId') ?? '' });
  routes.post(
    '/api/orgs/:orgId/projects/:projectId/deploys',
    guard.requirePermission(['deploys:run', 'projects:read'], { org, resource: project }),
    (c) =>
      c.json(
        {
          project: c.req.param('projectId'),
          deployedBy: c.var.orgkit.user.email,
          status: 'queued',
        },
        202,
      ),
  );
  routes.patch(
    '/api/orgs/:orgId/projects/:projectId',
    guard.requirePermission('projects:update', { org, resource: project }),
    (c) => c.json({ project: c.req.param('projectId'), updatedBy: c.var.orgkit.user.email }),
  );
  return routes;
}

/** The host app: Orgkit under `/v1`, `/docs`, `/dev/outbox`; the SPA everywhere else. */
export function createDemoHost(options: DemoHostOptions): { host: Hono; orgkit: OrgkitApp } {
  const orgkit = createDemoOrgkit(options);
  const host = new Hono();
  host.route('/', projectRoutes(orgkit));
  host.route('/', orgkit);
  const dir = options.staticDir;
  if (dir) {
    host.get('*', async (c) => {
      const path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      const file = join(dir, path);
      if (file.startsWith(dir) && extname(file) !== '') {
        const body = await readFile(file).catch(() => undefined);
        if (body) {
          return c.body(body, 200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': path.startsWith('/assets/')
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          });
        }
      }
      // client-side routes (/team, /accept-invitation?token=…) all load the app
      return c.html(await readFile(join(dir, 'index.html'), 'utf8'));
    });
  }
  return { host, orgkit };
}
