import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';
import { Conformance, type OpenApiDoc } from './conformance.js';
import { changedTables, fingerprint } from './fingerprint.js';
import { type CellContext, type Fixture, fixtures, type Need, type Prepared } from './fixtures.js';
import { buildUrl, loadOperations, type Operation } from './operations.js';
import {
  addToOrgs,
  buildWorld,
  freshOrgs,
  matrixAccess,
  PRESET_ROLES,
  type PresetRole,
  type World,
  worldModel,
} from './world.js';

type Scope = 'own' | 'child' | 'foreign' | 'none';
type Expectation = 'allow' | 401 | 403 | 404;
interface Cell {
  readonly op: Operation;
  readonly fixture: Fixture;
  readonly role: PresetRole | undefined;
  readonly scope: Scope;
  readonly expected: Expectation;
}

const model = worldModel();
const modelOrg = (scope: Scope) => (scope === 'own' || scope === 'none' ? 'parent' : scope);

/** What core decides for `role` (undefined: anonymous) in `scope`, given what `need` asks. */
function expectation(need: Need, role: PresetRole | undefined, scope: Scope): Expectation {
  if (role === undefined) return need.kind === 'public' ? 'allow' : 401;
  if (need.kind === 'public' || need.kind === 'signed-in') return 'allow';
  if (need.kind === 'platform-admin') return 403;
  const decide = (orgId: string, permissions: readonly string[]): Expectation => {
    const held = model.permissions(role, orgId);
    if (!model.membership(orgId, role) && held.size === 0) return 404;
    return held.hasAll(permissions) ? 'allow' : 403;
  };
  const first = decide(modelOrg(scope), need.kind === 'permissions' ? need.scope : []);
  if (first !== 'allow' || need.kind !== 'permissions' || !need.sibling) return first;
  return decide('sibling', need.sibling);
}

const scoped = (need: Need) => need.kind === 'visible' || need.kind === 'permissions';

function cellsOf(operations: readonly Operation[]): Cell[] {
  const cells: Cell[] = [];
  for (const op of operations) {
    const fixture = fixtures[op.key];
    if (!fixture) continue;
    const scopes: Scope[] = scoped(fixture.need) ? ['own', 'child', 'foreign'] : ['none'];
    cells.push({
      op,
      fixture,
      role: undefined,
      scope: scopes[0]!,
      expected: expectation(fixture.need, undefined, scopes[0]!),
    });
    for (const role of PRESET_ROLES) {
      for (const scope of scopes) {
        cells.push({ op, fixture, role, scope, expected: expectation(fixture.need, role, scope) });
      }
    }
  }
  return cells;
}

/** The operations, known before the app exists (checked against the document below). */
const OPERATION_KEYS = Object.keys(fixtures);

const parsed = (text: string): { code?: string } => {
  try {
    return JSON.parse(text) as { code?: string };
  } catch {
    return {};
  }
};

const label = (c: Cell) => `${c.op.key} as ${c.role ?? 'anonymous'} in ${c.scope}`;

describe.each(backends)('authorization matrix from the OpenAPI document ($name)', (backend) => {
  const t = useTestApp(backend, { access: matrixAccess() });
  let world: World;
  let operations: Operation[];
  let cells: Cell[];

  let conformance: Conformance;

  beforeAll(async () => {
    conformance = new Conformance(
      (await (await t.app.request('/v1/openapi.json')).json()) as OpenApiDoc,
    );
    world = await buildWorld(t);
    operations = await loadOperations(t.app);
    cells = cellsOf(operations);
  });

  const callerOf = (role: PresetRole | undefined): Client | undefined =>
    role ? world.users[role] : undefined;

  function context(cell: Cell, orgs = world as CellContext['orgs']): CellContext {
    const org =
      cell.scope === 'child' ? orgs.child : cell.scope === 'foreign' ? orgs.foreign : orgs.parent;
    return { t, world, orgs, org, caller: callerOf(cell.role) };
  }

  async function send(cell: Cell, prepared: Prepared): Promise<Response> {
    const client = prepared.as ?? callerOf(cell.role) ?? t.client();
    const url = buildUrl(cell.op.path, prepared.params, prepared.query);
    return client.request(url, {
      method: cell.op.method,
      ...(prepared.body === undefined ? {} : { json: prepared.body }),
    });
  }

  it('has a fixture for every operation, and none for an operation that is gone', () => {
    const keys = operations.map((o) => o.key);
    expect(keys.filter((k) => !fixtures[k])).toEqual([]);
    expect(Object.keys(fixtures).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('has more than 400 denial cells', () => {
    expect(cells.filter((c) => c.expected !== 'allow').length).toBeGreaterThan(400);
  });

  it.each(OPERATION_KEYS)(
    '%s: denies as core decides (401/403/404 with a declared problem), changing nothing',
    async (key) => {
      const denied = cells.filter((c) => c.op.key === key && c.expected !== 'allow');
      const prepared = [];
      for (const cell of denied) prepared.push(await cell.fixture.prepare(context(cell)));
      const before = await fingerprint(t.store);
      const failures: string[] = [];
      for (const [i, cell] of denied.entries()) {
        const res = await send(cell, prepared[i]!);
        const text = await res.text();
        const body = parsed(text);
        const type = res.headers.get('content-type') ?? '';
        const verdict = conformance.check(cell.op.method, cell.op.path, res.status, type, text);
        if (verdict) failures.push(`${label(cell)}: ${verdict}`);
        if (
          res.status !== cell.expected ||
          !type.startsWith('application/problem+json') ||
          !body.code
        )
          failures.push(
            `${label(cell)}: expected ${cell.expected}, got ${res.status} ${type} ${body.code}`,
          );
      }
      const changed = changedTables(before, await fingerprint(t.store));
      if (changed.length > 0) failures.push(`denied calls changed ${changed}`);
      expect(failures).toEqual([]);
    },
    60_000,
  );

  it.each(OPERATION_KEYS)(
    '%s: allows as core decides (2xx with a body matching its schema), on fresh orgs when the call consumes its org',
    async (key) => {
      const failures: string[] = [];
      for (const cell of cells.filter((c) => c.op.key === key && c.expected === 'allow')) {
        let ctx = context(cell);
        if (cell.fixture.consumesOrg && cell.role) {
          const withChild = cell.fixture.consumesOrg === 'with-child' || cell.scope === 'child';
          const orgs = await freshOrgs(t, world.root, world.foreign, withChild);
          await addToOrgs(t, world.root, world.users[cell.role], cell.role, orgs);
          ctx = context(cell, orgs);
        }
        const res = await send(cell, await cell.fixture.prepare(ctx));
        const text = await res.text();
        if (res.status < 200 || res.status > 299)
          failures.push(`${label(cell)}: expected 2xx, got ${res.status} ${text}`);
        const type = res.headers.get('content-type') ?? '';
        const verdict = conformance.check(cell.op.method, cell.op.path, res.status, type, text);
        if (verdict) failures.push(`${label(cell)}: ${verdict}`);
      }
      expect(failures).toEqual([]);
    },
    60_000,
  );

  afterAll(() => {
    if (!cells) return;
    const allowed = cells.filter((c) => c.expected === 'allow').length;
    console.info(
      `MATRIX ${backend.name} operations=${operations.length} cells=${cells.length} allowed=${allowed} denied=${cells.length - allowed}`,
    );
  });
});
