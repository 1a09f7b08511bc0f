import { defineCatalog, type RoleSpec } from '@orgkit/core';
import { orgkitCatalogSpec, orgkitPresetRoles } from '@orgkit/core/presets';
import type { MockGrantSeed, OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario } from '../msw/scenarios.js';
import { manyMembersScenario } from '../story-support/many-members.js';

/** Orgkit's catalog plus ACL-controlled projects, as a host declares its own resources. */
export const projectsCatalog = defineCatalog({
  ...orgkitCatalogSpec,
  workspace: {
    label: 'Workspace',
    sections: {
      projects: {
        label: 'Projects',
        resources: {
          projects: {
            label: 'Projects',
            acl: true,
            actions: { read: 'Open', create: 'Create', update: 'Edit', delete: 'Delete' },
          },
        },
      },
    },
  },
});

const extra: Record<string, readonly string[]> = {
  member: ['projects:read', 'projects:update'],
  viewer: ['projects:read', 'access:read'],
};

/**
 * Orgkit's presets with project permissions (a project's grants still decide who opens which),
 * plus a Sharer who may share what they can open but not give more.
 */
export const projectsPresets: RoleSpec<string>[] = [
  ...orgkitPresetRoles.map((r) => ({ ...r, self: [...(r.self ?? []), ...(extra[r.key] ?? [])] })),
  {
    key: 'sharer',
    name: 'Sharer',
    self: [
      'organization:read',
      'members:read',
      'groups:read',
      'access:read',
      'access:manage',
      'projects:read',
      'projects:update',
    ],
  },
];

const grant = (
  resourceId: string,
  principal: MockGrantSeed['principal'],
  actions: readonly string[],
): MockGrantSeed => ({ orgId: 'org_acme', type: 'projects', resourceId, principal, actions });

/**
 * Acme's projects: Apollo (shared with the Support group, Sam and an alerts address) with its
 * API below it (shared with Mia), and Zeus (not shared). Engineering and Support are groups;
 * Sam is a Sharer who may open Apollo but not edit it.
 */
export const projectsScenario: OrgkitMockScenario = {
  ...acmeScenario,
  users: [...acmeScenario.users, { id: 'usr_sam', email: 'sam@acme.test', name: 'Sam Sharer' }],
  memberships: [
    ...acmeScenario.memberships,
    { orgId: 'org_acme', userId: 'usr_sam', roles: ['sharer'] },
  ],
  groups: [
    {
      id: 'grp_engineering',
      orgId: 'org_acme',
      name: 'Engineering',
      description: 'Builds and ships projects',
      memberIds: ['usr_adam', 'usr_mia'],
    },
    { id: 'grp_support', orgId: 'org_acme', name: 'Support', memberIds: ['usr_vic'] },
  ],
  resources: [
    { orgId: 'org_acme', type: 'projects', id: 'apollo' },
    { orgId: 'org_acme', type: 'projects', id: 'apollo-api', parentId: 'apollo' },
    { orgId: 'org_acme', type: 'projects', id: 'zeus' },
  ],
  grants: [
    grant('apollo', { kind: 'group', id: 'grp_support' }, ['read']),
    grant('apollo', { kind: 'user', id: 'usr_sam' }, ['read']),
    grant('apollo', { kind: 'email', email: 'alerts@acme.test' }, ['read']),
    grant('apollo-api', { kind: 'user', id: 'usr_mia' }, ['read', 'update']),
  ],
};

/** The mock API options of the projects world (its catalog and roles). */
export const projectsMockOptions = { catalog: projectsCatalog, presets: projectsPresets };

/** Zeus shared with `count` members one by one (and Apollo's grants as before). */
export function manyGrantsScenario(count: number): OrgkitMockScenario {
  const crowd = manyMembersScenario(count);
  const ids = crowd.memberships.slice(acmeScenario.memberships.length).map((m) => m.userId);
  return {
    ...projectsScenario,
    users: [...projectsScenario.users, ...crowd.users.slice(acmeScenario.users.length)],
    memberships: [
      ...projectsScenario.memberships,
      ...crowd.memberships.slice(acmeScenario.memberships.length),
    ],
    grants: [
      ...(projectsScenario.grants ?? []),
      ...ids.map((id, i) =>
        grant('zeus', { kind: 'user', id }, i % 3 === 0 ? ['read', 'update'] : ['read']),
      ),
    ],
  };
}
