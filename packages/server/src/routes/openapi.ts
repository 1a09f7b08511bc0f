import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { defaultHook } from '../errors/default-hook.js';
import { PROBLEM_MEDIA_TYPE } from '../errors/problem.js';

/** A router for one resource: validation failures are rendered once, by the default hook. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

/** RFC 9457 problem document. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:orgkit:problem:not-found' }),
    title: z.string(),
    status: z.number().int(),
    code: z
      .string()
      .openapi({ description: 'Stable UPPER_SNAKE error code', example: 'NOT_FOUND' }),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.string(),
          path: z.string(),
          message: z.string(),
          code: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'Each invalid field (validation problems only)' }),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not signed in, or invalid credentials',
  403: 'Not allowed',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflict with the current state',
  413: 'Body too large',
  415: 'Body is not `application/json`',
  422: 'Invalid input; `errors` lists each field',
  429: 'Too many requests',
  503: 'Mail delivery is not configured on this server',
};

/** A status an operation may answer with a problem document. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** Seconds until a rate-limited caller may retry (on every 429). */
const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds until the limit resets',
    schema: { type: 'integer', minimum: 0 },
  },
} as const;

/** The groups operations are filed under in the document, each with its description. */
export const API_TAGS = {
  auth: 'Sign-up, sign-in, sessions and password resets',
  me: 'The signed-in user: profile, organizations, permissions, active organization',
  organizations: 'Organizations and their hierarchy',
  members: 'Members of an organization',
  invitations: 'Invitations to join an organization',
  roles: 'Roles and the permission catalog',
  groups: 'Groups of members and the roles they give',
  access: 'Permission checks, explanations and resource access lists',
  'api-keys': 'API keys of users and organizations',
  settings: 'Settings of the platform, organizations, groups and members',
  audit: 'The audit log',
  dev: 'Development helpers, never in production',
} as const;

/** One of the declared {@link API_TAGS}. */
export type ApiTag = keyof typeof API_TAGS;

/** Declares the problem responses a route may answer with, so SDK errors are typed. */
export function problems<const S extends ProblemStatus>(...statuses: S[]) {
  const out = {} as Record<
    S,
    {
      description: string;
      content: { [PROBLEM_MEDIA_TYPE]: { schema: typeof ProblemSchema } };
      headers?: typeof RETRY_AFTER;
    }
  >;
  for (const status of statuses) {
    out[status] = {
      description: DESCRIPTIONS[status] ?? 'Error',
      content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
      ...(status === 429 ? { headers: RETRY_AFTER } : {}),
    };
  }
  return out;
}

/** A JSON response declaration. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A strict JSON request body: unknown fields are rejected. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** Security requirement: session cookie, API key or host JWT. */
export const AUTHENTICATED: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];
