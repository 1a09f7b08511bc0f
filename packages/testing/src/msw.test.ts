import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from './index.js';
import { createOrgkitTestApi } from './msw.js';

const api = createOrgkitTestApi({ scenario: acmeScenario, baseUrl: 'http://localhost:3000' });
const server = setupServer(...api.handlers);
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await api.ready();
});
afterAll(async () => {
  server.close();
  await (await api.ready()).close();
});

describe('the MSW handlers', () => {
  it('answer with the real app: the signed-in user, then a problem for a bad request', async () => {
    const me = await fetch('http://localhost:3000/v1/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('olivia@acme.test');
    const bad = await fetch('http://localhost:3000/v1/organizations/org_acme/members?limit=0');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keep the browser’s session across requests: sign-out ends it', async () => {
    const out = await fetch('http://localhost:3000/v1/auth/sign-out', { method: 'POST' });
    expect(out.status).toBe(204);
    expect((await fetch('http://localhost:3000/v1/me')).status).toBe(401);
  });

  it('serve only the origin they were given', async () => {
    const other = createOrgkitTestApi({
      scenario: signedInAs(acmeScenario, 'usr_mia'),
      baseUrl: 'http://api.example.test',
    });
    server.use(...other.handlers);
    const me = await fetch('http://api.example.test/v1/me');
    expect(((await me.json()) as { email: string }).email).toBe('mia@acme.test');
    await (await other.ready()).close();
  });
});
