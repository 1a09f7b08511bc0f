import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';
import { Conformance, type OpenApiDoc } from './conformance.js';
import { changedTables, fingerprint } from './fingerprint.js';
import { type CellContext, fixtures, type Prepared } from './fixtures.js';
import { type Mutation, mutations } from './hostile.js';
import { loadOperations, type Operation } from './operations.js';
import { buildWorld, freshOrgs, matrixAccess, type World } from './world.js';

/** Runs per operation (one test per operation), every run with its own fingerprints. */
const RUNS_PER_OPERATION = Number(process.env.ORGKIT_FUZZ_RUNS ?? 6);
/** A new seed each run (fuzzing); `ORGKIT_FUZZ_SEED=<n>` replays one. Failures print it. */
const SEED = Number(process.env.ORGKIT_FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Percent-encodes, lone surrogates included (encodeURIComponent throws on them). */
const encode = (value: string) =>
  value
    .split(/([\ud800-\udfff])/)
    .map((part) =>
      /^[\ud800-\udfff]$/.test(part) && part.length === 1 ? '%ED%A0%80' : encodeURIComponent(part),
    )
    .join('');

interface Spoiled {
  readonly url: string;
  readonly body: string | undefined;
  readonly contentType: string | undefined;
}

function spoil(op: Operation, valid: Prepared, m: Mutation): Spoiled {
  const params = { ...valid.params };
  const query: Record<string, string> = { ...valid.query };
  let body: unknown = valid.body;
  let raw: { text: string; contentType: string } | undefined;
  switch (m.kind) {
    case 'field':
    case 'extra-field':
      body = { ...(body as object), [m.field]: m.value };
      break;
    case 'drop-field': {
      const copy = { ...(body as Record<string, unknown>) };
      delete copy[m.field];
      body = copy;
      break;
    }
    case 'body':
      body = m.value;
      break;
    case 'raw':
      raw = { text: m.text, contentType: m.contentType };
      break;
    case 'path':
      params[m.param] = m.value;
      break;
    case 'query':
      query[m.param] = m.value;
      break;
  }
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name] ?? 'x'));
  const qs = new URLSearchParams(query).toString();
  if (raw)
    return { url: qs ? `${path}?${qs}` : path, body: raw.text, contentType: raw.contentType };
  return {
    url: qs ? `${path}?${qs}` : path,
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : 'application/json',
  };
}

/** The operations, known before the app exists (the matrix suite checks they match the document). */
const OPERATION_KEYS = Object.keys(fixtures);

describe.each(backends)('OpenAPI-driven fuzzing of every operation ($name)', (backend) => {
  const t = useTestApp(backend, { access: matrixAccess() });
  let world: World;
  let operations: Map<string, Operation>;
  let conformance: Conformance;
  const totals = { runs: 0, rejected: 0 };

  beforeAll(async () => {
    world = await buildWorld(t);
    operations = new Map((await loadOperations(t.app)).map((op) => [op.key, op]));
    conformance = new Conformance(
      (await (await t.app.request('/v1/openapi.json')).json()) as OpenApiDoc,
    );
  });

  afterAll(() => {
    console.info(
      `FUZZ ${backend.name} operations=${OPERATION_KEYS.length} runs=${totals.runs} rejected=${totals.rejected} seed=${SEED}`,
    );
  });

  async function send(client: Client, method: string, spoiled: Spoiled): Promise<Response> {
    const headers: Record<string, string> = { origin: 'http://localhost' };
    if (client.cookies.size > 0)
      headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (spoiled.contentType) headers['content-type'] = spoiled.contentType;
    return t.app.request(spoiled.url, {
      method,
      headers,
      ...(spoiled.body === undefined ? {} : { body: spoiled.body }),
    });
  }

  it.each(OPERATION_KEYS)(
    `%s: never 5xx, answers only declared statuses with bodies matching their schemas, rejects with a problem code and changes nothing (${RUNS_PER_OPERATION} runs)`,
    async (key) => {
      const op = operations.get(key);
      expect(op, `${key} is in the document`).toBeDefined();
      const fixture = fixtures[key]!;
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(mutations(op!), async (m) => {
          totals.runs++;
          const orgs = fixture.consumesOrg
            ? await freshOrgs(t, world.root, world.foreign, fixture.consumesOrg === 'with-child')
            : world;
          const ctx: CellContext = { t, world, orgs, org: orgs.parent, caller: world.root };
          const valid = await fixture.prepare(ctx);
          const spoiled = spoil(op!, valid, m);
          const before = await fingerprint(t.store);
          const res = await send(valid.as ?? world.root, op!.method, spoiled);
          const text = await res.text();
          const type = res.headers.get('content-type') ?? '';
          const what = `${JSON.stringify(m).slice(0, 200)}`;
          if (res.status >= 500) failures.push(`${what}: ${res.status} ${text.slice(0, 300)}`);
          const verdict = conformance.check(op!.method, op!.path, res.status, type, text);
          if (verdict) failures.push(`${what}: ${verdict} — ${text.slice(0, 200)}`);
          if (res.status < 400) {
            // An accepted call may flag sessions (ownership moves): settle before the next run.
            await world.root.request('/v1/auth/session');
            return;
          }
          totals.rejected++;
          let code: unknown;
          try {
            code = (JSON.parse(text) as { code?: unknown }).code;
          } catch {
            code = undefined;
          }
          if (!type.startsWith('application/problem+json') || typeof code !== 'string')
            failures.push(`${what}: ${res.status} ${type} ${text.slice(0, 200)}`);
          const changed = changedTables(before, await fingerprint(t.store));
          if (changed.length > 0)
            failures.push(`${what}: rejected with ${res.status} but changed ${changed}`);
        }),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true, seed: SEED },
      );
      expect(failures, `replay with ORGKIT_FUZZ_SEED=${SEED}`).toEqual([]);
    },
    120_000,
  );
});
