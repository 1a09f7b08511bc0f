import { beforeAll, describe, expect, it } from 'vitest';
import { Conformance, type OpenApiDoc } from '../reliability/conformance.js';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';
import { acceptNullInNullableRefs } from './openapi-document.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Parameter {
  readonly name: string;
  readonly in: string;
}
interface Op {
  readonly operationId?: string;
  readonly tags?: string[];
  readonly security?: Record<string, string[]>[];
  readonly parameters?: Parameter[];
  readonly requestBody?: unknown;
  readonly responses: Record<
    string,
    { content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, unknown> }
  >;
}
interface Doc extends OpenApiDoc {
  readonly info: { license?: { name: string; identifier?: string }; contact?: { name?: string } };
  readonly tags?: { name: string; description?: string }[];
  readonly paths: Record<string, Partial<Record<(typeof METHODS)[number], Op>>>;
}

/** Each operation of the document as `[METHOD path, operation]`. */
function operationsOf(doc: Doc): [string, string, Op][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((m) => (item[m] ? [[m, path, item[m]] as [string, string, Op]] : [])),
  );
}

/** `/v1/organizations/{orgId}` with every placeholder filled by something that exists nowhere. */
const concrete = (path: string) => path.replace(/\{\w+\}/g, 'nothing-here');

describe.each(backends.slice(0, 1))('the API contract ($name)', (backend) => {
  const t = useTestApp(backend);
  let doc: Doc;
  let ops: [string, string, Op][];
  let member: Client;

  beforeAll(async () => {
    doc = (await (await t.app.request('/v1/openapi.json')).json()) as Doc;
    ops = operationsOf(doc);
    member = await t.signedIn('contract@example.com');
  });

  it('gives every operation a unique operationId, declared tags and an explicit security requirement', () => {
    const declared = new Set((doc.tags ?? []).map((tag) => tag.name));
    const failures: string[] = [];
    const ids = new Set<string>();
    for (const [method, path, op] of ops) {
      const what = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) failures.push(`${what}: no operationId`);
      else if (ids.has(op.operationId)) failures.push(`${what}: duplicate ${op.operationId}`);
      else ids.add(op.operationId);
      if (!op.tags?.length) failures.push(`${what}: no tag`);
      for (const tag of op.tags ?? []) if (!declared.has(tag)) failures.push(`${what}: ${tag}?`);
      if (!Array.isArray(op.security)) failures.push(`${what}: no security requirement`);
    }
    expect(failures).toEqual([]);
    expect(ops.length).toBeGreaterThanOrEqual(70);
    for (const tag of doc.tags ?? []) expect(tag.description, tag.name).toBeTruthy();
  });

  it('marks the operations anyone may call with `security: []`, and only those', () => {
    const open = ops.filter(([, , op]) => op.security?.length === 0).map(([m, p]) => `${m} ${p}`);
    expect(open.sort()).toEqual(
      [
        'post /v1/auth/activate',
        'get /v1/auth/session',
        'get /v1/invitations/lookup',
        'post /v1/auth/password-reset',
        'post /v1/auth/password-reset/confirm',
        'post /v1/auth/sign-in',
        'post /v1/auth/sign-out',
        'post /v1/auth/sign-up',
        'post /v1/invitations/accept',
      ].sort(),
    );
  });

  it('names its license (MIT) and a contact', () => {
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(doc.info.contact?.name).toBeTruthy();
  });

  it('declares on every operation the problems its shared layers can answer with', () => {
    const failures: string[] = [];
    for (const [method, path, op] of ops) {
      const params = op.parameters ?? [];
      const expected = [400, 401, 429];
      if (method !== 'get') expected.push(403, 409, 413);
      if (params.some((p) => p.in === 'path')) expected.push(404);
      if (op.requestBody) expected.push(415);
      if (params.length > 0 || op.requestBody) expected.push(422);
      for (const status of expected) {
        const declared = op.responses[String(status)];
        const schema = declared?.content?.['application/problem+json']?.schema;
        if (schema?.$ref !== '#/components/schemas/Problem')
          failures.push(`${method.toUpperCase()} ${path}: ${status}`);
      }
      if (!op.responses['429']?.headers?.['Retry-After'])
        failures.push(`${method.toUpperCase()} ${path}: 429 without Retry-After`);
    }
    expect(failures).toEqual([]);
  });

  it('writes a nullable reference so that null validates (no `allOf` that demands an object)', async () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"allOf":\[\{"\$ref":"[^"]+"\},\{"type":\[[^\]]*"null"\]\}\]/);
    const conformance = new Conformance(doc);
    const anonymous = await t.client().request('/v1/auth/session');
    expect(await anonymous.clone().json()).toMatchObject({ user: null });
    expect(
      conformance.check(
        'GET',
        '/v1/auth/session',
        anonymous.status,
        anonymous.headers.get('content-type') ?? '',
        await anonymous.text(),
      ),
    ).toBeUndefined();
  });

  it('rewrites the generated nullable-reference pattern and leaves real compositions alone', () => {
    const ref = { $ref: '#/components/schemas/User' };
    expect(
      acceptNullInNullableRefs({
        properties: { user: { allOf: [ref, { type: ['object', 'null'] }], description: 'd' } },
      }),
    ).toEqual({ properties: { user: { anyOf: [ref, { type: 'null' }], description: 'd' } } });
    const extension = {
      allOf: [ref, { type: 'object', properties: { extra: { type: 'string' } } }],
    };
    expect(acceptNullInNullableRefs(extension)).toEqual(extension);
  });

  it('answers anonymous calls of every authenticated operation with 401 before looking at their input', async () => {
    const failures: string[] = [];
    for (const [method, path, op] of ops.filter(([, , o]) => (o.security?.length ?? 0) > 0)) {
      const res = await t.app.request(`${concrete(path)}?limit=-5`, {
        method: method.toUpperCase(),
        ...(op.requestBody
          ? { headers: { 'content-type': 'application/json' }, body: '{"unexpected":[1,2,3]}' }
          : {}),
      });
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      if (res.status !== 401 || body.code !== 'UNAUTHENTICATED')
        failures.push(`${method.toUpperCase()} ${path}: ${res.status} ${body.code}`);
    }
    expect(failures).toEqual([]);
  });

  it('still validates the input of signed-in callers (422 names the field)', async () => {
    const res = await member.request('/v1/organizations', { json: { name: '' } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers a method a path does not support with 405 and an Allow header naming the ones it does', async () => {
    const failures: string[] = [];
    // A concrete path can match several templates (`/settings/effective`, `/settings/{key}`).
    const templates = Object.entries(doc.paths).map(([template, item]) => ({
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
      methods: METHODS.filter((m) => item[m]).map((m) => m.toUpperCase()),
    }));
    for (const path of Object.keys(doc.paths)) {
      const supported = [
        ...new Set(
          templates.filter((x) => x.pattern.test(concrete(path))).flatMap((x) => x.methods),
        ),
      ];
      const allow = [...supported, ...(supported.includes('GET') ? ['HEAD'] : [])].sort();
      for (const method of METHODS.map((m) => m.toUpperCase())) {
        if (supported.includes(method)) continue;
        const res = await member.request(concrete(path), { method });
        const body = (await res.json().catch(() => ({}))) as { code?: string };
        if (
          res.status !== 405 ||
          body.code !== 'METHOD_NOT_ALLOWED' ||
          res.headers.get('allow') !== allow.join(', ') ||
          !res.headers.get('content-type')?.startsWith('application/problem+json')
        )
          failures.push(
            `${method} ${path}: ${res.status} ${body.code} ${res.headers.get('allow')}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('still answers 404 for a path no route has', async () => {
    const res = await member.request('/v1/no-such-thing', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
  });

  it('rejects a query parameter the operation does not declare with a 400 problem naming it', async () => {
    const me = await member.request('/v1/me?expand=everything');
    expect(me.status).toBe(400);
    expect(me.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await me.json()).toMatchObject({
      code: 'UNKNOWN_QUERY_PARAMETER',
      errors: [{ in: 'query', path: 'expand' }],
    });
    const open = await t.client().request('/v1/auth/session?debug=1');
    expect(open.status).toBe(400);
    const misspelt = await member.request('/v1/organizations?limt=5');
    expect(misspelt.status).toBe(400);
    expect(await misspelt.json()).toMatchObject({ errors: [{ path: 'limt' }] });
  });

  it('accepts the query parameters an operation declares', async () => {
    expect((await member.request('/v1/organizations?limit=5&scope=mine')).status).toBe(200);
  });

  it('answers a body that is not JSON with 415 and its own problem code', async () => {
    const res = await t.app.request('/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a@b.c',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
