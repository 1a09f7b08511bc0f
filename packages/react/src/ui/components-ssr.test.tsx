// @vitest-environment node
import { createOrgkitClient } from '@orgkit/sdk';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AcceptInvitation } from '../accept-invitation/accept-invitation.js';
import { ApiKeys } from '../api-keys/api-keys.js';
import { AuditLog } from '../audit-log/audit-log.js';
import { GroupsPanel } from '../groups-panel/groups-panel.js';
import { InviteDialog } from '../invite-dialog/invite-dialog.js';
import type { Member } from '../lib/types.js';
import { OrgTree } from '../org-tree/org-tree.js';
import { OrgkitProvider } from '../provider/orgkit-provider.js';
import { membersQueryOptions } from '../queries/members-query-options.js';
import { ResourceAccess } from '../resource-access/resource-access.js';
import { RoleMatrix } from '../role-matrix/role-matrix.js';
import { SignIn } from '../sign-in/sign-in.js';
import { TeamTable } from '../team-table/team-table.js';

describe('components on the server', () => {
  it('render without window or document; TeamTable renders its first virtual rows', () => {
    expect(typeof window).toBe('undefined');
    const fetch = vi.fn(async () => new Response('{}'));
    const client = createOrgkitClient({ baseUrl: 'http://orgkit.test', fetch });
    const queryClient = new QueryClient();
    const members: Member[] = Array.from({ length: 1_000 }, (_, i) => ({
      userId: `usr_${i}`,
      orgId: 'org_acme',
      name: `Person ${i}`,
      email: `p${i}@acme.test`,
      roles: ['member'],
      status: 'active',
      joinedAt: '2026-01-01T00:00:00.000Z',
      lastActiveAt: i % 3 ? '2026-02-01T00:00:00.000Z' : null,
    }));
    queryClient.setQueryData(membersQueryOptions(client, 'org_acme', { limit: 100 }).queryKey, {
      pages: [{ items: members, nextCursor: null }],
      pageParams: [undefined],
    });
    const html = renderToString(
      <OrgkitProvider client={client} queryClient={queryClient} orgId="org_acme" storage={null}>
        <TeamTable />
        <InviteDialog />
        <RoleMatrix />
        <AuditLog />
        <ApiKeys />
        <GroupsPanel />
        <OrgTree />
        <ResourceAccess type="projects" resourceId="apollo" />
        <ResourceAccess type="projects" resourceId="apollo" variant="inline" />
        <SignIn allowSignUp />
        <AcceptInvitation token="tok_from_the_link" />
      </OrgkitProvider>,
    );
    expect(html).toContain('Person 0');
    // Only the rows of the assumed viewport (480 px of 48 px rows) plus overscan.
    expect(html).not.toContain('Person 100');
    expect(html).toContain('Invite people');
    expect(html).toContain('aria-label="Share apollo"');
    expect(html).toContain('Share apollo');
    expect(html.toLowerCase()).toContain('autocomplete="current-password"');
    expect(html).toContain('Checking the invitation…');
    expect(fetch).not.toHaveBeenCalled();
  });
});
