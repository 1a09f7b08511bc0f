import type { RoleSpec } from '@orgkit/core';
import {
  orgkitPresetRoles,
  portalCatalog,
  portalRoles,
  workspacesRoles,
} from '@orgkit/core/presets';
import { createOrgkitMockApi, type OrgkitMockApiOptions } from '../msw/create-orgkit-mock-api.js';
import { acmeScenario } from '../msw/scenarios.js';
import type { StoryWorld } from '../story-support/story-handlers.js';

/**
 * Acme under a portal product's catalog: Orgkit's presets plus the Portal levels (exclusive, with ⭐
 * conditions on Workspaces levels) and the Workspaces levels — the world of the RoleMatrix
 * stories and tests. Pass `portalCatalog` to the provider too, so permission sets decode.
 */
export const portalMockOptions: OrgkitMockApiOptions = {
  scenario: acmeScenario,
  catalog: portalCatalog,
  presets: [
    ...orgkitPresetRoles,
    ...portalRoles,
    ...workspacesRoles,
  ] as readonly RoleSpec<string>[],
};

/** A custom role of Acme, for the editable columns of stories. */
export const supportDeskRole: RoleSpec<string> = {
  key: 'support_desk',
  name: 'Support desk',
  description: 'Answers members’ questions; can resend invitations.',
  self: ['organization:read', 'members:read', 'invitations:read', 'invitations:revoke'],
};

/** A story world that also holds the given custom roles in Acme. */
export function worldWithCustomRoles(
  options: OrgkitMockApiOptions,
  roles: readonly RoleSpec<string>[],
): StoryWorld {
  return () => {
    const api = createOrgkitMockApi(options);
    const now = new Date('2026-02-01T10:00:00.000Z');
    for (const spec of roles) {
      api.db.customRoles.set(`org_acme/${spec.key}`, {
        def: { ...spec, kind: 'custom', orgId: 'org_acme' },
        createdAt: now,
        updatedAt: now,
      });
    }
    api.db.changed();
    return api.handlers;
  };
}
