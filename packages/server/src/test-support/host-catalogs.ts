import type { RoleSpec } from '@orgkit/core';
import { agentControlCatalog, agentControlRoles, orgkitPresetRoles } from '@orgkit/core/presets';
import { createAccess } from '../access/access.js';

const owner = orgkitPresetRoles.find((r) => r.key === 'owner')!;

/**
 * The agent control center's catalog (directories are ACL-controlled) with the Orgkit Owner and its roles,
 * plus a "sharer" who may share what they can see and nothing more (escalation tests).
 */
export function agentControlAccess() {
  const presets: RoleSpec<string>[] = [
    owner,
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
  return createAccess({ catalog: agentControlCatalog, presets });
}

/** Inserts a group with members straight into storage (group routes have their own tests). */
export { groupMembers, groups } from '../db/schema/index.js';
