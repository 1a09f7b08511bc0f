import { orgkitPresetRoles } from '@orgkit/core/presets';
import type { PasswordHasher } from '../auth/password.js';
import type { Store } from '../store/store.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'orgkit-demo';

/** One demo account and where it belongs. */
export interface DemoAccount {
  readonly email: string;
  readonly org: string;
  readonly roles: readonly string[];
}

const SYSTEM = { actorId: null, actorType: 'system' as const };

/**
 * Seeds a demo platform when the database has no users yet: a platform admin, a partner org with
 * one user per preset role, and two client orgs under it with an owner and a member each.
 * Returns the accounts created (empty when the database was not empty).
 */
export async function seedDemo(store: Store, passwords: PasswordHasher): Promise<DemoAccount[]> {
  const [anyone] = await store.organizations.roots({ limit: 1 });
  if (anyone || (await store.users.findByEmail('admin@demo.orgkit.dev'))) return [];
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  await store.transaction(async (tx) => {
    const user = async (email: string, name: string, platformAdmin = false) =>
      tx.users.create({ email, name, passwordHash, platformAdmin });
    await user('admin@demo.orgkit.dev', 'Platform Admin', true);
    accounts.push({ email: 'admin@demo.orgkit.dev', org: '(platform admin)', roles: [] });

    const org = async (
      name: string,
      slug: string,
      kind: 'partner' | 'client',
      parentId?: string,
    ) => {
      const created = await tx.organizations.create({
        name,
        slug,
        kind,
        parentId: parentId ?? null,
      });
      await tx.audit.record(SYSTEM, {
        orgId: created.id,
        action: 'organization.created',
        targetType: 'organization',
        targetId: created.id,
        description: `Demo organization ${name} created`,
      });
      return created;
    };
    const join = async (
      orgId: string,
      orgName: string,
      email: string,
      name: string,
      roles: string[],
    ) => {
      const u = await user(email, name);
      await tx.members.add(orgId, u.id, roles);
      accounts.push({ email, org: orgName, roles });
    };

    const partner = await org('Northwind Partners', 'northwind', 'partner');
    for (const role of orgkitPresetRoles) {
      await join(
        partner.id,
        partner.name,
        `${role.key.replace('_', '-')}@northwind.demo`,
        `Northwind ${role.name}`,
        [role.key],
      );
    }
    for (const [name, slug] of [
      ['Contoso', 'contoso'],
      ['Fabrikam', 'fabrikam'],
    ] as const) {
      const client = await org(name, slug, 'client', partner.id);
      await join(client.id, name, `owner@${slug}.demo`, `${name} Owner`, ['owner']);
      await join(client.id, name, `member@${slug}.demo`, `${name} Member`, ['member']);
    }
  });
  return accounts;
}
