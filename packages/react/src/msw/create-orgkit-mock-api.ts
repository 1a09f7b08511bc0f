import type { AccessModel, Catalog, RoleSpec, SettingsSpec } from '@orgkit/core';
import {
  orgkitSettings as defaultMockSettings,
  orgkitCatalog,
  orgkitPresetRoles,
} from '@orgkit/core/presets';
import type { HttpHandler } from 'msw';
import { MockDb } from './mock-db.js';
import type { RouteContext } from './route-context.js';
import { accessRoutes } from './routes/access.js';
import { accountRoutes } from './routes/accounts.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { groupRoutes } from './routes/groups.js';
import { hierarchyRoutes } from './routes/hierarchy.js';
import { invitationRoutes } from './routes/invitations.js';
import { meRoutes } from './routes/me.js';
import { memberRoutes } from './routes/members.js';
import { organizationRoutes } from './routes/organizations.js';
import { resourceRoutes } from './routes/resources.js';
import { roleRoutes } from './routes/roles.js';
import { settingRoutes } from './routes/settings.js';
import type { OrgkitMockScenario } from './scenario.js';
import { acmeScenario } from './scenarios.js';

/** Options of {@link createOrgkitMockApi}. */
export interface OrgkitMockApiOptions {
  /** The world to start from. Default {@link acmeScenario}. */
  readonly scenario?: OrgkitMockScenario;
  /**
   * Origin the client calls (the provider's `baseUrl`), e.g. `http://localhost:3000`. Default:
   * any origin.
   */
  readonly baseUrl?: string;
  /** Latency of every response: milliseconds, `'real'` (random, like a network) or `'infinite'`. */
  readonly latency?: number | 'real' | 'infinite';
  /** The host's catalog and presets, when they differ from Orgkit's. */
  readonly catalog?: Catalog<string>;
  readonly presets?: readonly RoleSpec<string>[];
  /** The declared setting keys, when they differ from the reference server's defaults. */
  readonly settings?: SettingsSpec;
  /** Public URL of the app in mailed links (the server's `baseUrl`). Default `http://localhost:3000`. */
  readonly appUrl?: string;
  /** Clock, for deterministic timestamps. */
  readonly now?: () => Date;
}

/** A mock Orgkit API: MSW handlers over one in-memory world. */
export interface OrgkitMockApi {
  /** Pass to `setupServer(...)`, `setupWorker(...)` or a story's `parameters.msw.handlers`. */
  readonly handlers: HttpHandler[];
  /** The in-memory database behind the handlers (inspect or change it in tests). */
  readonly db: MockDb;
  /** The `@orgkit/core` access model the handlers decide with. */
  model(): AccessModel<string>;
  /** Makes requests without a session cookie act as `userId` (null: signed out). */
  signInAs(userId: string | null, activeOrgId?: string | null): void;
}

/**
 * Serves the Orgkit API from memory, with the server's permission decisions (through
 * `@orgkit/core`): deny is a 403 problem, an unknown organization or one the caller cannot see
 * is a 404. Routes not mocked yet fall through to MSW's unhandled-request policy.
 *
 * @example
 * const api = createOrgkitMockApi({ scenario: acmeScenario });
 * const server = setupServer(...api.handlers);
 */
export function createOrgkitMockApi(options: OrgkitMockApiOptions = {}): OrgkitMockApi {
  const db = new MockDb(options.scenario ?? acmeScenario, {
    catalog: options.catalog ?? orgkitCatalog,
    presets: (options.presets ?? orgkitPresetRoles) as readonly RoleSpec<string>[],
    now: options.now ?? (() => new Date()),
    settings: options.settings ?? defaultMockSettings,
    appUrl: (options.appUrl ?? 'http://localhost:3000').replace(/\/+$/, ''),
  });
  const origin = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const ctx: RouteContext = {
    db,
    path: (apiPath) => `${origin}/v1${apiPath}`,
    root: (path) => `${origin}${path}`,
    latency: options.latency,
  };
  // One module per resource: a new server route is a new module added here.
  const handlers = [
    ...authRoutes(ctx),
    ...accountRoutes(ctx),
    ...meRoutes(ctx),
    ...hierarchyRoutes(ctx),
    ...organizationRoutes(ctx),
    ...memberRoutes(ctx),
    ...invitationRoutes(ctx),
    ...auditRoutes(ctx),
    ...accessRoutes(ctx),
    ...resourceRoutes(ctx),
    ...roleRoutes(ctx),
    ...groupRoutes(ctx),
    ...apiKeyRoutes(ctx),
    ...settingRoutes(ctx),
  ];
  return {
    handlers,
    db,
    model: () => db.model(),
    signInAs(userId, activeOrgId = null) {
      db.ambient = userId ? { userId, activeOrgId } : null;
    },
  };
}
