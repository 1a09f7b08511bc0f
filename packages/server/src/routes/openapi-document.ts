import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { API_TAGS } from './openapi.js';

/** OpenAPI document metadata. */
export const OPENAPI_INFO = {
  title: 'Orgkit API',
  version: '0.1.0',
  description: 'Organizations, members, invitations, roles and audit for multi-tenant products.',
  license: { name: 'MIT', identifier: 'MIT' },
  contact: { name: 'Orgkit maintainers' },
} as const;

type Json = unknown;

/**
 * A nullable reference to a named schema (`User.nullable()`) is generated as
 * `allOf: [{ $ref }, { type: [..., 'null'] }]`, which no `null` satisfies (the `$ref` branch
 * still demands an object). Rewrites each such node as `anyOf: [{ $ref }, { type: 'null' }]`.
 */
export function acceptNullInNullableRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(acceptNullInNullableRefs);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([k, v]) => [k, acceptNullInNullableRefs(v)] as const);
  const object = Object.fromEntries(entries) as Record<string, Json>;
  const allOf = object.allOf;
  if (!Array.isArray(allOf) || allOf.length !== 2) return object;
  const [ref, nullable] = allOf as [Record<string, Json>, Record<string, Json>];
  const onlyRef = typeof ref?.$ref === 'string' && Object.keys(ref).length === 1;
  const type = nullable?.type;
  const onlyNullType =
    Array.isArray(type) &&
    type.includes('null') &&
    Object.entries(nullable).every(
      ([k, v]) =>
        k === 'type' ||
        (k === 'properties' && typeof v === 'object' && v && Object.keys(v).length === 0),
    );
  if (!onlyRef || !onlyNullType) return object;
  const { allOf: _replaced, ...rest } = object;
  return { ...rest, anyOf: [ref, { type: 'null' }] };
}

/**
 * The published OpenAPI 3.1 document of `app`: metadata, the declared tags that operations use,
 * and schemas that accept what the server accepts.
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>): Record<string, Json> {
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: OPENAPI_INFO,
    servers: [{ url: '/' }],
  });
  const used = new Set(
    Object.values(generated.paths ?? {}).flatMap((item) =>
      Object.values(item ?? {}).flatMap((op) =>
        typeof op === 'object' && op && 'tags' in op ? ((op.tags as string[]) ?? []) : [],
      ),
    ),
  );
  const tags = Object.entries(API_TAGS)
    .filter(([name]) => used.has(name))
    .map(([name, description]) => ({ name, description }));
  return acceptNullInNullableRefs({ ...generated, tags }) as Record<string, Json>;
}
