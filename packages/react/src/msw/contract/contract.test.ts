// @vitest-environment node
/**
 * The contract between the mocks and the server: one scenario, one script of requests, run
 * against the MSW handlers and against the real server app in process (PGlite). Answers must
 * match in status, media type and body, ids and timestamps aside.
 */

import { orgkitSettings as defaultMockSettings } from '@orgkit/core/presets';
import {
  type Access,
  createAccess,
  createOrgkitApp,
  type Database,
  openDatabase,
  orgkitSettings,
} from '@orgkit/server';
import { getResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrgkitMockApi, type OrgkitMockApiOptions } from '../create-orgkit-mock-api.js';
import type { OrgkitMockScenario } from '../scenario.js';
import { accountSteps } from './account-steps.js';
import { aclCatalog, aclPresets, aclScenario, aclSteps } from './acl-scenario.js';
import { contractScenario } from './contract-scenario.js';
import { type ContractStep, contractSteps } from './contract-steps.js';
import { teamSteps } from './team-scenario.js';

const ORIGIN = 'http://orgkit.test';

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: unknown;
}

interface Backend {
  fetch(request: Request): Promise<Response>;
  /** Scenario id → this backend's id. */
  readonly ids: Map<string, string>;
}

/** Replaces every key of `map` found in `text` (longest first, so `org_acme_eu` wins). */
function replaceAll(text: string, map: Map<string, string>): string {
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  return keys.reduce((out, key) => out.split(key).join(map.get(key)!), text);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const GENERATED_ID = /\b(usr|org|inv|evt|grp|key|acl|role|set)_[0-9a-f]{20,}\b/g;
/** An API key's public prefix (12 hex digits), in its own field and in audit descriptions. */
const KEY_PREFIX = /\b[0-9a-f]{12}\b/g;

/** Makes two backends' answers comparable: their ids mapped back, dates and cursors masked. */
function normalize(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (key === 'nextCursor') return '<cursor>';
    if (key === 'secret') return '<secret>';
    if (ISO_DATE.test(value)) return '<date>';
    return value.replace(GENERATED_ID, '<$1>').replace(KEY_PREFIX, '<prefix>');
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  }
  return value;
}

/** Sorts every array by content, for steps whose order is not part of the contract. */
function sortArrays(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortArrays).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortArrays(v)]));
  }
  return value;
}

/** Problems compare on what clients branch on; `detail` is prose. */
function comparable(answer: Answer): Answer {
  if (!answer.type.includes('problem+json')) return answer;
  const p = answer.body as Record<string, unknown>;
  return {
    ...answer,
    body: {
      status: p.status,
      code: p.code,
      type: p.type,
      title: p.title,
      instance: p.instance,
      fields: (p.errors as { path: string }[] | undefined)?.map((e) => e.path),
    },
  };
}

function jarFetch(backend: Backend) {
  const jars = new Map<string, Map<string, string>>();
  return async (as: string | null, request: Request): Promise<Response> => {
    const jar = as ? (jars.get(as) ?? new Map<string, string>()) : new Map<string, string>();
    if (as) jars.set(as, jar);
    if (jar.size > 0)
      request.headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await backend.fetch(request);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (value === '' || attrs.some((a) => /max-age=0/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

async function run(backend: Backend, steps: readonly ContractStep[]): Promise<Answer[]> {
  const send = jarFetch(backend);
  const back = new Map([...backend.ids].map(([scenario, real]) => [real, scenario]));
  const vars = new Map<string, string>();
  const answers: Answer[] = [];
  for (const step of steps) {
    const withVars = replaceAll(step.path, vars);
    const request = new Request(`${ORIGIN}${replaceAll(withVars, backend.ids)}`, {
      method: step.method,
      headers: {
        ...(step.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(step.method !== 'GET' ? { origin: ORIGIN } : {}),
      },
      ...(step.body !== undefined
        ? { body: replaceAll(replaceAll(JSON.stringify(step.body), vars), backend.ids) }
        : {}),
    });
    const response = await send(step.as, request);
    const text = await response.text();
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
    const raw: unknown = type.includes('json') && text ? JSON.parse(text) : text;
    if (step.save && response.ok) {
      for (const [k, v] of Object.entries(step.save(raw as Record<string, unknown>))) {
        vars.set(`{${k}}`, v);
      }
    }
    const body = JSON.parse(replaceAll(JSON.stringify(raw), back)) as unknown;
    const normalized = normalize(body);
    if (step.statusOnly) {
      answers.push({ status: response.status, type, body: null });
      continue;
    }
    answers.push(
      comparable({
        status: response.status,
        type,
        body: step.unordered ? sortArrays(normalized) : normalized,
      }),
    );
  }
  return answers;
}

async function serverBackend(
  database: Database,
  scenario: OrgkitMockScenario,
  access?: Access,
): Promise<Backend> {
  const app = createOrgkitApp({
    database,
    logger: false,
    baseUrl: ORIGIN,
    devOutbox: true,
    auth: { passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
    ...(access ? { access } : {}),
  });
  const { store, passwords } = app.deps;
  const ids = new Map<string, string>();
  for (const u of scenario.users) {
    const user = await store.users.create({
      email: u.email,
      name: u.name,
      passwordHash: await passwords.hash(u.password!),
      platformAdmin: u.platformAdmin ?? false,
    });
    ids.set(u.id, user.id);
  }
  for (const o of scenario.organizations) {
    const org = await store.organizations.create({
      name: o.name,
      slug: o.slug!,
      parentId: o.parentId ? ids.get(o.parentId)! : null,
      kind: o.kind!,
    });
    ids.set(o.id, org.id);
  }
  for (const m of scenario.memberships) {
    await store.members.add(ids.get(m.orgId)!, ids.get(m.userId)!, m.roles);
    // Distinct join times, so `sort=joinedAt` has no ties to break by random ids.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return { fetch: (request) => Promise.resolve(app.fetch(request)), ids };
}

function mockBackend(options: OrgkitMockApiOptions): Backend {
  const api = createOrgkitMockApi({ ...options, baseUrl: ORIGIN });
  return {
    fetch: async (request) =>
      (await getResponse(api.handlers, request)) ??
      new Response(`no mock for ${request.method} ${request.url}`, { status: 599 }),
    ids: new Map(),
  };
}

describe('contract: MSW mocks ≡ server', () => {
  const databases: Database[] = [];
  const fresh = async () => {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    databases.push(database);
    return database;
  };
  afterAll(async () => {
    for (const d of databases) await d.close();
  });

  async function compare(
    scenario: OrgkitMockScenario,
    steps: readonly ContractStep[],
    options: { access?: Access; mock?: OrgkitMockApiOptions } = {},
  ) {
    const server = await run(await serverBackend(await fresh(), scenario, options.access), steps);
    const mock = await run(mockBackend({ ...options.mock, scenario }), steps);
    steps.forEach((step, i) => {
      expect.soft(mock[i], `${i} ${step.name}`).toEqual(server[i]);
    });
    return server;
  }

  it('organizations, members, invitations, ownership and audit answer alike', async () => {
    const server = await compare(contractScenario, contractSteps);
    // The script exercises successes and each kind of refusal, on both sides.
    const statuses = new Set(server.map((a) => a.status));
    for (const s of [200, 201, 204, 401, 403, 404, 409, 422]) expect(statuses).toContain(s);
  });

  it('roles, groups, API keys and settings answer alike', async () => {
    expect(defaultMockSettings).toEqual(orgkitSettings);
    const server = await compare(contractScenario, teamSteps);
    const statuses = new Set(server.map((a) => a.status));
    for (const s of [200, 201, 204, 401, 403, 404, 409, 422]) expect(statuses).toContain(s);
  });

  it('sign-up, password reset and invitation links answer alike', async () => {
    const server = await compare(contractScenario, accountSteps, { mock: { appUrl: ORIGIN } });
    const statuses = new Set(server.map((a) => a.status));
    for (const s of [200, 201, 202, 400, 401, 403, 409, 422]) expect(statuses).toContain(s);
  });

  it('resources, grants, access checks, explanations and the org tree answer alike', async () => {
    const server = await compare(aclScenario, aclSteps, {
      access: createAccess({ catalog: aclCatalog, presets: aclPresets }),
      mock: { catalog: aclCatalog, presets: aclPresets },
    });
    const statuses = new Set(server.map((a) => a.status));
    for (const s of [200, 201, 204, 403, 404, 409, 422]) expect(statuses).toContain(s);
  });
});
