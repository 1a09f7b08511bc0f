import { z } from '@hono/zod-openapi';
import { defineRoute, PUBLIC } from '../define-route.js';
import { createRouter, json, problems } from '../openapi.js';
import { toUser, UserSchema } from '../schemas.js';

/** `GET /auth/session`: who is signed in. */
export const sessionRoutes = createRouter();

const SessionInfo = z
  .object({
    user: UserSchema.nullable(),
    method: z.enum(['session', 'api_key', 'jwt']).nullable(),
    expiresAt: z.string().nullable().openapi({ format: 'date-time' }),
    activeOrgId: z.string().nullable(),
    canCreateOrganizations: z.boolean().openapi({
      description:
        'Whether the caller may create a top-level organization (platform admins, or anyone when the server allows self-serve organizations).',
    }),
  })
  .openapi('SessionInfo');

const getSession = defineRoute({
  operationId: 'getSession',
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'The current session (user null when signed out)',
  description:
    'Who is calling: the user, how they authenticated, and for cookie sessions the expiry and active organization. Anonymous callers get `user: null`, never an error.',
  responses: { 200: json(SessionInfo, 'The caller'), ...problems(401) },
});

sessionRoutes.openapi(getSession, (c) => {
  const p = c.var.principal;
  if (!p) {
    return c.json(
      {
        user: null,
        method: null,
        expiresAt: null,
        activeOrgId: null,
        canCreateOrganizations: false,
      },
      200,
    );
  }
  return c.json(
    {
      user: toUser(p.user),
      method: p.method,
      expiresAt: p.method === 'session' ? p.session.expiresAt.toISOString() : null,
      activeOrgId: p.method === 'session' ? p.session.activeOrgId : null,
      canCreateOrganizations: p.user.platformAdmin || c.var.deps.options.organizations.selfServe,
    },
    200,
  );
});
