/**
 * A complete example: declare a catalog, roles and an org tree, then ask questions of it.
 * Run with `pnpm --filter @orgkit/core example`.
 */
import {
  AccessModel,
  checkRoleEscalation,
  defineCatalog,
  describeExplanation,
  PermissionSet,
  planOwnershipTransfer,
  type RoleSpec,
  resolveSettings,
  settingsChain,
} from '../src/index.js';
import { orgkitCatalogSpec, orgkitPresetRoles } from '../src/presets/index.js';

// 1. The catalog: Orgkit's own resources plus the host's "projects" module.
const catalog = defineCatalog({
  ...orgkitCatalogSpec,
  projects: {
    label: 'Projects',
    sections: {
      work: {
        label: 'Work',
        resources: {
          projects: {
            label: 'Projects',
            acl: true,
            actions: { read: 'Open', update: 'Edit', delete: 'Delete' },
          },
          deploys: { label: 'Deploys', actions: { run: 'Deploy' } },
        },
      },
    },
  },
  support: {
    label: 'Support levels',
    exclusiveRoles: true,
    sections: { level: { resources: { support: { actions: { l1: 'Level 1', l2: 'Level 2' } } } } },
  },
});
type P = (typeof catalog.permissions)[number];

// 2. Roles: the Orgkit presets plus host roles; one with a condition (⭐) and a descendants set.
const roles: RoleSpec<P>[] = [
  ...orgkitPresetRoles,
  {
    key: 'engineer',
    name: 'Engineer',
    extends: 'member',
    self: [
      'projects:read',
      'projects:update',
      { permission: 'deploys:run', requires: 'support:l2' },
    ],
    descendants: ['projects:read'],
  },
  { key: 'l1', name: 'Level 1', module: 'support', self: ['support:l1'] },
  { key: 'l2', name: 'Level 2', module: 'support', self: ['support:l2'] },
];

// 3. An org tree with members, a group, a directory-like project tree and ACL grants.
const model = new AccessModel(catalog, roles, {
  orgs: [
    { id: 'acme', parentId: null, name: 'Acme (partner)', kind: 'partner' },
    { id: 'globex', parentId: 'acme', name: 'Globex (client)', kind: 'client' },
  ],
  users: [
    { id: 'olivia', status: 'active' },
    { id: 'eve', status: 'active' },
    { id: 'sam', status: 'active' },
  ],
  memberships: [
    { orgId: 'acme', userId: 'olivia', roles: ['owner'] },
    { orgId: 'acme', userId: 'eve', roles: ['engineer', 'l1'] },
    { orgId: 'globex', userId: 'sam', roles: ['member'] },
  ],
  groups: [{ id: 'oncall', orgId: 'acme', name: 'On call', roles: ['l2'], memberIds: [] }],
  resources: [
    { type: 'projects', id: 'apollo', orgId: 'acme', parent: null },
    {
      type: 'projects',
      id: 'apollo-api',
      orgId: 'acme',
      parent: { type: 'projects', id: 'apollo' },
    },
  ],
  grants: [
    {
      orgId: 'acme',
      resource: { type: 'projects', id: 'apollo' },
      principal: { kind: 'user', id: 'eve' },
      actions: ['read', 'update'],
    },
    {
      orgId: 'acme',
      resource: { type: 'projects', id: 'apollo' },
      principal: { kind: 'email', email: 'alerts@acme.test' },
      actions: ['read'],
    },
  ],
});

const ask = (user: string, org: string, p: P, resource?: { type: string; id: string }) =>
  console.log(
    `${model.allowed(user, org, p, resource) ? 'yes' : 'no '}  ${user} ${p} in ${org}${resource ? ` on ${resource.id}` : ''}`,
  );

ask('eve', 'acme', 'projects:update', { type: 'projects', id: 'apollo-api' }); // yes: grant on the parent
ask('eve', 'acme', 'deploys:run'); // no: needs support:l2
ask('eve', 'globex', 'projects:read'); // yes: engineer's descendants set
ask('sam', 'globex', 'invitations:create'); // no: a Member cannot invite
ask('olivia', 'globex', 'members:update'); // yes: owner manages orgs below

console.log(`\n${describeExplanation(model.explain('eve', 'acme', 'deploys:run')).join('\n')}`);
model.upsertGroup({
  id: 'oncall',
  orgId: 'acme',
  name: 'On call',
  roles: ['l2'],
  memberIds: ['eve'],
});
console.log(`\n${describeExplanation(model.explain('eve', 'acme', 'deploys:run')).join('\n')}`);

// 4. Compiled sets: what the server sends to browsers; `has` is constant time.
const compiled = model.permissions('eve', 'acme');
const wire = JSON.stringify(compiled);
const inBrowser = PermissionSet.fromJSON(catalog, JSON.parse(wire));
console.log(
  `\ncompiled set: ${wire.length} bytes, eve may deploy: ${inBrowser?.has('deploys:run')}`,
);

// 5. Invariants: escalation guard and ownership transfer.
const escalation = checkRoleEscalation(model.permissions('eve', 'acme'), [
  model.registry.get('admin', 'acme')!,
]);
console.log(`eve grants Admin: ${escalation.ok ? 'ok' : escalation.message}`);
const transfer = planOwnershipTransfer(
  'olivia',
  { userId: 'olivia', roles: ['owner'] },
  { userId: 'eve', roles: ['engineer'] },
);
console.log('transfer to eve:', JSON.stringify(transfer.plan));

// 6. Settings waterfall with provenance.
const settings = resolveSettings(
  { theme: { type: 'enum', default: 'light', options: ['light', 'dark'] } },
  settingsChain({ orgPath: ['acme', 'globex'], userId: 'sam' }),
  [{ key: 'theme', scope: { level: 'org', id: 'acme' }, value: 'dark', locked: true }],
);
console.log(
  'theme for sam:',
  settings.theme.value,
  'from',
  settings.theme.source,
  'locked by',
  settings.theme.lockedBy,
);
console.log(
  'notify on apollo-api:',
  model.notificationRecipients('acme', { type: 'projects', id: 'apollo-api' }),
);
