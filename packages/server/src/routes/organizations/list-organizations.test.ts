import { describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { useTestApp } from '../../test-support/test-app.js';

type Page = { items: { name: string }[]; nextCursor: string | null };

describe.each(backends)('list organizations ($name)', (backend) => {
  const t = useTestApp(backend);

  it("lists the caller's orgs, and every top-level org for platform admins only", async () => {
    const root = await t.signedIn('root@list.test', { platformAdmin: true });
    const a = await t.createOrg(root, 'Aaa');
    await t.createOrg(root, 'Bbb');
    await t.createOrg(root, 'Ccc');
    await t.createOrg(root, 'Child', { parentId: a });
    const user = await t.memberOf(a, 'user@list.test', ['member']);

    const mine = (await (await user.request('/v1/organizations')).json()) as Page;
    expect(mine.items.map((o) => o.name)).toEqual(['Aaa']);
    expect((await user.request('/v1/organizations?scope=all')).status).toBe(403);

    const first = (await (
      await root.request('/v1/organizations?scope=all&limit=2')
    ).json()) as Page;
    expect(first.items.map((o) => o.name)).toEqual(['Aaa', 'Bbb']);
    const second = (await (
      await root.request(`/v1/organizations?scope=all&limit=2&cursor=${first.nextCursor}`)
    ).json()) as Page;
    expect(second.items.map((o) => o.name)).toEqual(['Ccc']);
    expect(second.nextCursor).toBeNull();
    expect((await t.client().request('/v1/organizations')).status).toBe(401);
  });
});
