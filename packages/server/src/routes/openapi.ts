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
  422: 'Invalid input; `errors` lists each field',
  429: 'Too many requests',
  503: 'Mail delivery is not configured on this server',
};

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** Declares the problem responses a route may answer with, so SDK errors are typed. */
export function problems<const S extends ProblemStatus>(...statuses: S[]) {
  const out = {} as Record<
    S,
    { description: string; content: { [PROBLEM_MEDIA_TYPE]: { schema: typeof ProblemSchema } } }
  >;
  for (const status of statuses) {
    out[status] = {
      description: DESCRIPTIONS[status] ?? 'Error',
      content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
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
