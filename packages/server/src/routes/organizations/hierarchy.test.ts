import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

interface Node {
  id: string;
  name: string;
  depth: number;
  children: Node[];
}
const names = (n: Node): unknown =>
  n.children.length ? { [n.name]: n.children.map(names) } : n.name;

describe.each(backends)('org hierarchy ($name)', (backend) => {
  const t = useTestApp(backend);
  let root: Client;
  let partnerAdmin: Client;
  let clientOwner: Client;
  let partner: string;
  let clientA: string;
  let clientB: string;
  let sub: string;
  let other: string;

  beforeAll(async () => {
    root = await t.signedIn('root@tree.test', { platformAdmin: true });
    partner = await t.createOrg(root, 'Partner', { kind: 'partner' });
    partnerAdmin = await t.memberOf(partner, 'padmin@tree.test', ['admin']);
    clientA = await t.createOrg(partnerAdmin, 'Client A', { parentId: partner });
    clientB = await t.createOrg(partnerAdmin, 'Client B', { parentId: partner });
    sub = await t.createOrg(partnerAdmin, 'Sub A1', { parentId: clientA });
    other = await t.createOrg(root, 'Other');
    clientOwner = await t.memberOf(clientB, 'cowner@tree.test', ['member']);
  });

  it('lists the org and everything below it, nested, to partner admins', async () => {
    const res = await partnerAdmin.request(`/v1/organizations/${partner}/tree`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { root: Node; truncated: boolean; count: number };
    expect(names(body.root)).toEqual({ Partner: [{ 'Client A': ['Sub A1'] }, 'Client B'] });
    expect(body).toMatchObject({ truncated: false, count: 4 });
    const shallow = (await (
      await partnerAdmin.request(`/v1/organizations/${partner}/tree?depth=1`)
    ).json()) as { root: Node };
    expect(names(shallow.root)).toEqual({ Partner: ['Client A', 'Client B'] });
  });

  it('hides the tree from members without managed_orgs:read and from strangers', async () => {
    expect((await clientOwner.request(`/v1/organizations/${clientB}/tree`)).status).toBe(403);
    expect((await clientOwner.request(`/v1/organizations/${partner}/tree`)).status).toBe(404);
    expect((await t.app.request(`/v1/organizations/${partner}/tree`)).status).toBe(401);
  });

  it('gives each user the forest of what they manage', async () => {
    const res = await partnerAdmin.request('/v1/me/organization-tree');
    const body = (await res.json()) as { roots: Node[] };
    // the partner admin is also Owner of the client orgs they created: they appear once, nested
    expect(body.roots.map(names)).toEqual([{ Partner: [{ 'Client A': ['Sub A1'] }, 'Client B'] }]);
    const member = (await (await clientOwner.request('/v1/me/organization-tree')).json()) as {
      roots: Node[];
    };
    expect(member.roots.map(names)).toEqual(['Client B']);
  });

  it('moves an org only for someone who manages both ends, never under itself', async () => {
    const move = (who: Client, id: string, parentId: string | null) =>
      who.request(`/v1/organizations/${id}/move`, { json: { parentId } });
    expect((await move(partnerAdmin, sub, clientB)).status).toBe(200);
    let tree = (await (await partnerAdmin.request(`/v1/organizations/${partner}/tree`)).json()) as {
      root: Node;
    };
    expect(names(tree.root)).toEqual({ Partner: ['Client A', { 'Client B': ['Sub A1'] }] });
    // not managing the destination
    expect((await move(partnerAdmin, sub, other)).status).toBe(404);
    // cycles
    expect((await move(partnerAdmin, clientB, sub)).status).toBe(409);
    expect((await move(partnerAdmin, clientB, clientB)).status).toBe(409);
    // top level: platform admins only
    expect((await move(partnerAdmin, clientA, null)).status).toBe(403);
    // a member of the client cannot move it
    expect((await move(clientOwner, clientB, clientA)).status).toBe(403);
    tree = (await (await partnerAdmin.request(`/v1/organizations/${partner}/tree`)).json()) as {
      root: Node;
    };
    expect(names(tree.root)).toEqual({ Partner: ['Client A', { 'Client B': ['Sub A1'] }] });
    expect((await move(root, clientA, null)).status).toBe(200);
    // each move is audited in the org moved and in its old and new parents
    const moves = async (orgId: string) =>
      (
        (await (
          await root.request(`/v1/organizations/${orgId}/audit-events?action=organization.moved`)
        ).json()) as {
          items: { targetId: string }[];
        }
      ).items.map((e) => e.targetId);
    expect(await moves(partner)).toEqual([clientA]);
    expect(await moves(clientB)).toEqual([sub]);
    expect(await moves(clientA)).toEqual([clientA, sub]);
  });

  it('refuses to take a client away from its managing partner without the partner side', async () => {
    const partner2 = await t.createOrg(root, 'Partner 2', { kind: 'partner' });
    const client = await t.createOrg(root, 'Managed client', { parentId: partner2 });
    const rogue = await t.createOrg(root, 'Unrelated');
    // admin of the client and of an unrelated org, nothing in the partner
    const clientAdmin = await t.memberOf(client, 'cadmin@tree.test', ['admin']);
    await t.store.members.add(rogue, clientAdmin.user!.id, ['admin']);
    const res = await clientAdmin.request(`/v1/organizations/${client}/move`, {
      json: { parentId: rogue },
    });
    expect(res.status).toBe(403);
    expect((await t.store.organizations.findById(client))?.parentId).toBe(partner2);
    // the partner's admin, who also manages the destination, may
    const partnerSide = await t.memberOf(partner2, 'p2admin@tree.test', ['admin']);
    await t.store.members.add(rogue, partnerSide.user!.id, ['admin']);
    const ok = await partnerSide.request(`/v1/organizations/${client}/move`, {
      json: { parentId: rogue },
    });
    expect(ok.status).toBe(200);
  });
});
