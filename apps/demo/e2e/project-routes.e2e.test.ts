import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDemo, startDemo } from './harness.js';

const PASSWORD = 'orgkit-demo';

/** A signed-in API caller of the demo host (cookies kept like a browser's). */
interface Caller {
  request(method: string, path: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

describe(`demo: the product's own project routes, guarded by Orgkit (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let demo: RunningDemo;
  let orgId: string;

  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  async function signIn(email: string): Promise<Caller> {
    const cookies = new Map<string, string>();
    const send = async (method: string, path: string, json?: unknown) => {
      const res = await fetch(`${demo.url}${path}`, {
        method,
        headers: {
          origin: demo.url,
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(json ? { 'content-type': 'application/json' } : {}),
        },
        ...(json ? { body: JSON.stringify(json) } : {}),
      });
      for (const header of res.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!, value.join('='));
      }
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      };
    };
    if (email)
      expect((await send('POST', '/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(
        200,
      );
    return { request: (method, path) => send(method, path) };
  }

  it('the owner deploys and edits any project', async () => {
    const owner = await signIn('owner@northwind.demo');
    const orgs = await owner.request('GET', '/v1/organizations');
    orgId = (orgs.body.items as { id: string; name: string }[]).find(
      (o) => o.name === 'Northwind Partners',
    )!.id;
    expect(await owner.request('POST', `/api/orgs/${orgId}/projects/zeus/deploys`)).toEqual({
      status: 202,
      body: { project: 'zeus', deployedBy: 'owner@northwind.demo', status: 'queued' },
    });
    expect((await owner.request('PATCH', `/api/orgs/${orgId}/projects/apollo-api`)).status).toBe(
      200,
    );
  });

  it('a member edits the projects shared with their group, not the others, and may not deploy', async () => {
    const member = await signIn('member@northwind.demo');
    expect((await member.request('PATCH', `/api/orgs/${orgId}/projects/apollo-web`)).status).toBe(
      200,
    );
    const zeus = await member.request('PATCH', `/api/orgs/${orgId}/projects/zeus`);
    expect({ status: zeus.status, code: zeus.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const deploy = await member.request('POST', `/api/orgs/${orgId}/projects/apollo/deploys`);
    expect(deploy).toMatchObject({
      status: 403,
      body: {
        code: 'FORBIDDEN',
        detail: 'You need deploys:run and projects:read in this organization.',
      },
    });
  });

  it('a viewer may open zeus but not edit it; anonymous callers get 401', async () => {
    const viewer = await signIn('viewer@northwind.demo');
    const edit = await viewer.request('PATCH', `/api/orgs/${orgId}/projects/zeus`);
    expect({ status: edit.status, code: edit.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const anonymous = await signIn('');
    const res = await anonymous.request('POST', `/api/orgs/${orgId}/projects/zeus/deploys`);
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });
});
