/**
 * Demo data for the host: Orgkit's demo platform (a partner with two client orgs, one account per
 * preset role, password `orgkit-demo`) plus the product's own data — projects shared with a group.
 */
import { type DemoAccount, type OrgkitApp, seedDemo } from '@orgkit/server';

/** Seeds an empty database; returns the accounts (empty when it was already seeded). */
export async function seedDemoHost(orgkit: OrgkitApp): Promise<DemoAccount[]> {
  const { store, passwords } = orgkit.deps;
  const accounts = await seedDemo(store, passwords);
  if (accounts.length === 0) return accounts;
  const system = { actorId: null, actorType: 'system' as const };
  await store.transaction(async (tx) => {
    const user = async (email: string) => (await tx.users.findByEmail(email))!;
    const owner = await user('owner@northwind.demo');
    const [northwind] = (await tx.organizations.listForUser(owner.id)).map((r) => r.org);
    if (!northwind) return;
    const orgId = northwind.id;
    const member = await user('member@northwind.demo');
    const viewer = await user('viewer@northwind.demo');
    const engineering = await tx.groups.create({
      orgId,
      name: 'Engineering',
      description: 'Builds and ships projects',
    });
    await tx.groups.setMembers(engineering.id, [member.id]);
    await tx.groups.setRoles(engineering.id, ['engineer']);
    const projects = [
      { id: 'apollo', parentId: null },
      { id: 'apollo-api', parentId: 'apollo' },
      { id: 'apollo-web', parentId: 'apollo' },
      { id: 'zeus', parentId: null },
    ];
    for (const p of projects) await tx.resources.upsert({ orgId, type: 'projects', ...p });
    await tx.resources.replaceGrants(orgId, 'projects', 'apollo', [
      {
        resource: { type: 'projects', id: 'apollo' },
        principal: { kind: 'group', id: engineering.id },
        actions: ['read', 'update'],
      },
      {
        resource: { type: 'projects', id: 'apollo' },
        principal: { kind: 'email', email: 'alerts@northwind.demo' },
        actions: ['read'],
      },
    ]);
    await tx.resources.replaceGrants(orgId, 'projects', 'zeus', [
      {
        resource: { type: 'projects', id: 'zeus' },
        principal: { kind: 'user', id: viewer.id },
        actions: ['read'],
      },
    ]);
    await tx.audit.record(system, {
      orgId,
      action: 'demo.seeded',
      targetType: 'organization',
      targetId: orgId,
      description: 'Demo projects and the Engineering group created',
    });
  });
  return accounts;
}
