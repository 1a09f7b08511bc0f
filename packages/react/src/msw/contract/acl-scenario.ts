import type { RoleSpec } from '@orgkit/core';
import { agentControlCatalog, agentControlRoles, orgkitPresetRoles } from '@orgkit/core/presets';
import type { OrgkitMockScenario } from '../scenario.js';
import type { ContractStep } from './contract-steps.js';

/** A document product's catalog (directories are ACL-controlled), as a host would configure it. */
export const aclCatalog = agentControlCatalog;

/** Orgkit's Owner, its roles, and a "sharer" who may share only what they can see. */
export const aclPresets: RoleSpec<string>[] = [
  orgkitPresetRoles.find((r) => r.key === 'owner')!,
  ...agentControlRoles,
  {
    key: 'sharer',
    name: 'Sharer',
    self: [
      'organization:read',
      'members:read',
      'access:read',
      'access:manage',
      'directories:read',
      'directories:create',
    ],
  },
];

/** A partner with a client and a sub-org; directory privileges decide who opens what. */
export const aclScenario: OrgkitMockScenario = {
  users: [
    {
      id: 'usr_olivia',
      email: 'olivia@acme.test',
      name: 'Olivia Owner',
      password: 'olivia-password',
    },
    {
      id: 'usr_ursula',
      email: 'ursula@acme.test',
      name: 'Ursula User',
      password: 'ursula-password',
    },
    { id: 'usr_sam', email: 'sam@acme.test', name: 'Sam Sharer', password: 'sam-password' },
    { id: 'usr_alice', email: 'alice@acme.test', name: 'Alice All', password: 'alice-password' },
    {
      id: 'usr_pat',
      email: 'pat@platform.test',
      name: 'Pat Platform',
      password: 'pat-password',
      platformAdmin: true,
    },
  ],
  organizations: [
    { id: 'org_acme', name: 'Acme', slug: 'acme', kind: 'partner' },
    { id: 'org_eu', name: 'Acme Europe', slug: 'acme-eu', parentId: 'org_acme', kind: 'client' },
    { id: 'org_paris', name: 'Acme Paris', slug: 'acme-paris', parentId: 'org_eu', kind: 'client' },
    {
      id: 'org_berlin',
      name: 'Acme Berlin',
      slug: 'acme-berlin',
      parentId: 'org_eu',
      kind: 'client',
    },
  ],
  memberships: [
    { orgId: 'org_acme', userId: 'usr_olivia', roles: ['owner'] },
    { orgId: 'org_acme', userId: 'usr_ursula', roles: ['user'] },
    { orgId: 'org_acme', userId: 'usr_sam', roles: ['sharer'] },
    { orgId: 'org_acme', userId: 'usr_alice', roles: ['all_directories', 'user'] },
    { orgId: 'org_eu', userId: 'usr_ursula', roles: ['user'] },
  ],
  signedInAs: null,
};

const O = '/v1/organizations/org_acme';
const D = `${O}/resources/directories`;
const who = ['olivia', 'ursula', 'sam', 'alice', 'pat'];

/** Resources, grants, checks, explanations, the org tree and moves. */
export const aclSteps: readonly ContractStep[] = [
  ...who.map(
    (w): ContractStep => ({
      name: `sign in ${w}`,
      as: `usr_${w}`,
      method: 'POST',
      path: '/v1/auth/sign-in',
      body: { email: `${w}@${w === 'pat' ? 'platform' : 'acme'}.test`, password: `${w}-password` },
    }),
  ),
  { name: 'register root', as: 'usr_olivia', method: 'PUT', path: `${D}/root`, body: {} },
  {
    name: 'register docs',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/docs`,
    body: { parentId: 'root' },
  },
  {
    name: 'register docs again',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/docs`,
    body: { parentId: 'root' },
  },
  {
    name: 'register under an unknown parent',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/x`,
    body: { parentId: 'nowhere' },
  },
  {
    name: 'move root under its child',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/root`,
    body: { parentId: 'docs' },
  },
  {
    name: 'register a non-ACL type',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${O}/resources/agents/a1`,
    body: {},
  },
  { name: 'register forbidden', as: 'usr_ursula', method: 'PUT', path: `${D}/mine`, body: {} },
  { name: 'read resource', as: 'usr_olivia', method: 'GET', path: `${D}/docs` },
  { name: 'read unknown resource', as: 'usr_olivia', method: 'GET', path: `${D}/nope` },
  {
    name: 'share root',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/root/grants`,
    body: {
      grants: [
        { principal: { kind: 'user', id: 'usr_ursula' }, actions: ['read'] },
        { principal: { kind: 'email', email: 'Ops@Acme.test' }, role: 'user' },
      ],
    },
  },
  {
    name: 'invalid grants',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/docs/grants`,
    body: { grants: [{ principal: { kind: 'user', id: 'usr_pat' }, actions: ['fly'] }] },
  },
  {
    name: 'share more than one may (escalation)',
    as: 'usr_sam',
    method: 'PUT',
    path: `${D}/docs/grants`,
    body: { grants: [{ principal: { kind: 'user', id: 'usr_ursula' }, actions: ['delete'] }] },
  },
  {
    name: 'share docs',
    as: 'usr_olivia',
    method: 'PUT',
    path: `${D}/docs/grants`,
    body: { grants: [{ principal: { kind: 'user', id: 'usr_sam' }, actions: ['read', 'update'] }] },
  },
  { name: 'visible directories', as: 'usr_ursula', method: 'GET', path: D },
  { name: 'all directories', as: 'usr_alice', method: 'GET', path: D },
  { name: 'directories one may update', as: 'usr_sam', method: 'GET', path: `${D}?action=update` },
  {
    name: 'directories one may not delete',
    as: 'usr_ursula',
    method: 'GET',
    path: `${D}?action=delete`,
  },
  { name: 'list a non-ACL type', as: 'usr_olivia', method: 'GET', path: `${O}/resources/agents` },
  {
    name: 'grants with inherited ones',
    as: 'usr_sam',
    method: 'GET',
    path: `${D}/docs/grants`,
    unordered: true,
  },
  {
    name: 'recipients',
    as: 'usr_olivia',
    method: 'GET',
    path: `${D}/docs/recipients`,
    unordered: true,
  },
  {
    name: 'batch check',
    as: 'usr_ursula',
    method: 'POST',
    path: `${O}/access/check`,
    body: {
      checks: [
        { permission: 'directories:read', resource: { type: 'directories', id: 'docs' } },
        { permission: 'directories:update', resource: { type: 'directories', id: 'docs' } },
        { permission: 'directories:read', resource: { type: 'directories', id: 'elsewhere' } },
        { permission: 'members:read' },
        { permission: 'agents:run' },
      ],
    },
  },
  {
    name: 'all directories',
    as: 'usr_alice',
    method: 'POST',
    path: `${O}/access/check`,
    body: {
      checks: [
        { permission: 'directories:read', resource: { type: 'directories', id: 'elsewhere' } },
      ],
    },
  },
  {
    name: 'check for another user',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/access/check`,
    body: {
      userId: 'usr_sam',
      checks: [{ permission: 'directories:update', resource: { type: 'directories', id: 'docs' } }],
    },
  },
  {
    name: 'check for another user forbidden',
    as: 'usr_ursula',
    method: 'POST',
    path: `${O}/access/check`,
    body: { userId: 'usr_olivia', checks: [{ permission: 'members:read' }] },
  },
  {
    name: 'unknown permission',
    as: 'usr_ursula',
    method: 'POST',
    path: `${O}/access/check`,
    body: { checks: [{ permission: 'members:read' }, { permission: 'flows:craete' }] },
  },
  {
    name: 'explain a grant',
    as: 'usr_ursula',
    method: 'GET',
    path: `${O}/access/explain?permission=directories:read&resourceType=directories&resourceId=docs`,
  },
  {
    name: 'explain a denial',
    as: 'usr_ursula',
    method: 'GET',
    path: `${O}/access/explain?permission=members:remove`,
  },
  {
    name: 'explain half a resource',
    as: 'usr_ursula',
    method: 'GET',
    path: `${O}/access/explain?permission=members:read&resourceType=directories`,
  },
  { name: 'delete a parent', as: 'usr_olivia', method: 'DELETE', path: `${D}/root` },
  { name: 'delete docs', as: 'usr_olivia', method: 'DELETE', path: `${D}/docs` },
  { name: 'deleted resource', as: 'usr_olivia', method: 'GET', path: `${D}/docs/grants` },
  { name: 'my organizations', as: 'usr_ursula', method: 'GET', path: '/v1/organizations' },
  { name: 'every organization', as: 'usr_pat', method: 'GET', path: '/v1/organizations?scope=all' },
  {
    name: 'every organization forbidden',
    as: 'usr_olivia',
    method: 'GET',
    path: '/v1/organizations?scope=all',
  },
  { name: 'tree', as: 'usr_olivia', method: 'GET', path: `${O}/tree` },
  { name: 'shallow tree', as: 'usr_olivia', method: 'GET', path: `${O}/tree?depth=1` },
  { name: 'tree forbidden', as: 'usr_ursula', method: 'GET', path: `${O}/tree` },
  { name: 'partner view', as: 'usr_olivia', method: 'GET', path: '/v1/me/organization-tree' },
  { name: 'member view', as: 'usr_ursula', method: 'GET', path: '/v1/me/organization-tree' },
  {
    name: 'move paris up',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/organizations/org_paris/move',
    body: { parentId: 'org_acme' },
  },
  {
    name: 'move under a descendant',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/organizations/org_acme/move',
    body: { parentId: 'org_eu' },
  },
  {
    name: 'move to the top needs a platform admin',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/organizations/org_berlin/move',
    body: { parentId: null },
  },
  {
    name: 'move to the top',
    as: 'usr_pat',
    method: 'POST',
    path: '/v1/organizations/org_berlin/move',
    body: { parentId: null },
  },
  { name: 'tree after moves', as: 'usr_olivia', method: 'GET', path: `${O}/tree` },
  { name: 'audit log', as: 'usr_olivia', method: 'GET', path: `${O}/audit-events` },
];
