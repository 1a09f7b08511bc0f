import { z } from '@hono/zod-openapi';
import { actorOf } from '../../access/access.js';
import { notFound } from '../../errors/api-error.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrganizationSchema, toOrganization } from '../organizations/schemas.js';
import { toUser, UserSchema } from '../schemas.js';

/** The caller: profile, organizations, compiled permissions, active org. */
export const meRoutes = createRouter();

const getMe = defineRoute({
  operationId: 'getMe',
  method: 'get',
  path: '/me',
  tags: ['me'],
  summary: 'The signed-in user',
  description:
    'The profile of the authenticated caller, whichever way they authenticated (session, API key or host token).',
  security: AUTHENTICATED,
  responses: { 200: json(UserSchema, 'The user') },
});

meRoutes.openapi(getMe, (c) => c.json(toUser(requirePrincipal(c).user), 200));

const MyOrganization = z
  .object({
    organization: OrganizationSchema,
    roles: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    joinedAt: z.string(),
  })
  .openapi('MyOrganization');

const myOrganizations = defineRoute({
  operationId: 'listMyOrganizations',
  method: 'get',
  path: '/me/organizations',
  tags: ['me'],
  summary: 'Organizations the caller belongs to (the org switcher)',
  description:
    'Every organization the caller is a member of, with their roles and membership status there, and the active organization of a cookie session.',
  security: AUTHENTICATED,
  responses: {
    200: json(
      z.object({ items: z.array(MyOrganization), activeOrgId: z.string().nullable() }),
      'Memberships',
    ),
  },
});

meRoutes.openapi(myOrganizations, async (c) => {
  const principal = requirePrincipal(c);
  const rows = await c.var.deps.store.organizations.listForUser(principal.user.id);
  return c.json(
    {
      items: rows.map((r) => ({
        organization: toOrganization(r.org),
        roles: r.roles,
        status: r.status,
        joinedAt: r.joinedAt.toISOString(),
      })),
      activeOrgId: principal.method === 'session' ? principal.session.activeOrgId : null,
    },
    200,
  );
});

const SerializedSet = z
  .object({ v: z.literal(1), catalog: z.string(), bits: z.string() })
  .openapi('SerializedPermissionSet');

const myPermissions = defineRoute({
  operationId: 'getMyPermissions',
  method: 'get',
  path: '/me/permissions',
  tags: ['me'],
  summary: "The caller's compiled permission set in an organization",
  description:
    '`set` is core’s compact bitset (restore it with `PermissionSet.fromJSON`); `permissions` lists the same set by name.',
  security: AUTHENTICATED,
  request: { query: z.object({ orgId: z.string().min(1).max(100) }) },
  responses: {
    200: json(
      z
        .object({ orgId: z.string(), set: SerializedSet, permissions: z.array(z.string()) })
        .openapi('MyPermissions'),
      'Effective permissions',
    ),
    ...problems(404),
  },
});

meRoutes.openapi(myPermissions, async (c) => {
  const principal = requirePrincipal(c);
  const { orgId } = c.req.valid('query');
  const access = await c.var.deps.access.resolve(c.var.deps.store, actorOf(principal), orgId);
  if (!access) throw notFound('Organization');
  return c.json(
    { orgId, set: access.permissions.toJSON(), permissions: access.permissions.list() },
    200,
  );
});

const setActive = defineRoute({
  operationId: 'setActiveOrganization',
  method: 'put',
  path: '/me/active-organization',
  tags: ['me'],
  summary: 'Switch the active organization of this session',
  description:
    'The organization this session works in by default after sign-in. The caller must be a member; other organizations answer 404.',
  security: AUTHENTICATED,
  request: { body: jsonBody(z.strictObject({ orgId: z.string().min(1).max(100).nullable() })) },
  responses: {
    200: json(z.object({ activeOrgId: z.string().nullable() }), 'Switched'),
    ...problems(404),
  },
});

meRoutes.openapi(setActive, async (c) => {
  const principal = requirePrincipal(c);
  const { orgId } = c.req.valid('json');
  const { store, access } = c.var.deps;
  if (orgId && !(await access.resolve(store, actorOf(principal), orgId)))
    throw notFound('Organization');
  if (principal.method === 'session')
    await store.sessions.setActiveOrg(principal.session.id, orgId);
  return c.json({ activeOrgId: orgId }, 200);
});
