import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { useTestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';

describe.each(backends)('demo seed ($name)', (backend) => {
  const t = useTestApp(backend);

  it('seeds a partner with two clients and one user per preset role, once', async () => {
    const accounts = await seedDemo(t.store, t.app.deps.passwords);
    expect(accounts.map((a) => a.email)).toEqual(
      expect.arrayContaining([
        'admin@demo.orgkit.dev',
        'owner@northwind.demo',
        'billing-contact@northwind.demo',
        'owner@contoso.demo',
      ]),
    );
    expect(await seedDemo(t.store, t.app.deps.passwords)).toEqual([]);

    const partnerAdmin = t.client();
    const signIn = await partnerAdmin.request('/v1/auth/sign-in', {
      json: { email: 'admin@northwind.demo', password: DEMO_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const [mine] = (
      (await (await partnerAdmin.request('/v1/me/organizations')).json()) as {
        items: { organization: { id: string } }[];
      }
    ).items;
    const children = (await (
      await partnerAdmin.request(`/v1/organizations/${mine!.organization.id}/children`)
    ).json()) as {
      items: { name: string }[];
    };
    expect(children.items.map((o) => o.name)).toEqual(['Contoso', 'Fabrikam']);
  });
});
