import { describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

/**
 * The team flow end to end: the owner invites three pasted addresses, one accepts through the link
 * read from the outbox, the owner transfers ownership to them, the former owner is now Admin and
 * cannot remove the new owner, and the audit log shows each step.
 */
describe.each(backends)('team flow ($name)', (backend) => {
  const t = useTestApp(backend, { organizations: { selfServe: true } });

  it('invite → accept → transfer → former owner is Admin and cannot remove the owner', async () => {
    const olga = await t.signUp('olga@rpa.test', 'Olga');
    const orgId = await t.createOrg(olga, 'RPA Team');

    const invite = await olga.request(`/v1/organizations/${orgId}/invitations`, {
      json: { emails: 'ann@rpa.test,bob@rpa.test,cat@rpa.test', roles: ['member'] },
    });
    expect(invite.status).toBe(201);
    const { results } = (await invite.json()) as { results: { result: string }[] };
    expect(results.map((r) => r.result)).toEqual(['invited', 'invited', 'invited']);

    const [mail] = await t.outbox('ann@rpa.test');
    const token = new URL(mail!.meta!.link!).searchParams.get('token')!;
    const ann = t.client();
    const accepted = await ann.request('/v1/invitations/accept', {
      json: { token, name: 'Ann', password: TEST_PASSWORD },
    });
    expect(accepted.status).toBe(200);
    const annId = ((await accepted.json()) as { member: { userId: string } }).member.userId;

    // Only the owner may transfer; Ann (a member) cannot take ownership herself.
    const grab = await ann.request(`/v1/organizations/${orgId}/owner/transfer`, {
      json: { userId: annId },
    });
    expect(grab.status).toBe(403);

    const transfer = await olga.request(`/v1/organizations/${orgId}/owner/transfer`, {
      json: { userId: annId },
    });
    expect(transfer.status).toBe(200);
    expect(await transfer.json()).toMatchObject({
      previousOwner: { email: 'olga@rpa.test', roles: ['admin'] },
      // Other roles are kept (core's transfer plan): Ann stays a Member too.
      newOwner: { email: 'ann@rpa.test', roles: ['member', 'owner'] },
    });

    const remove = await olga.request(`/v1/organizations/${orgId}/members/${annId}`, {
      method: 'DELETE',
    });
    expect(remove.status).toBe(409);
    expect(((await remove.json()) as Json).code).toBe('OWNER_CANNOT_BE_REMOVED');
    const again = await olga.request(`/v1/organizations/${orgId}/owner/transfer`, {
      json: { userId: olga.user!.id },
    });
    expect(again.status).toBe(403);

    const members = (await (await ann.request(`/v1/organizations/${orgId}/members`)).json()) as {
      items: Json[];
    };
    expect(members.items.map((m) => [m.email, m.roles])).toEqual([
      ['ann@rpa.test', ['member', 'owner']],
      ['olga@rpa.test', ['admin']],
    ]);

    const log = (await (
      await ann.request(`/v1/organizations/${orgId}/audit-events?limit=20`)
    ).json()) as {
      items: { action: string; actorId: string }[];
    };
    expect(log.items.map((e) => e.action).reverse()).toEqual([
      'organization.created',
      'invitation.created',
      'invitation.created',
      'invitation.created',
      'invitation.accepted',
      'organization.ownership_transferred',
    ]);
    expect(log.items[0]?.actorId).toBe(olga.user!.id);
  });

  it('refuses transfers to non-members and disabled members, changing nothing', async () => {
    const owner = await t.signUp('own2@rpa.test');
    const orgId = await t.createOrg(owner, 'Team Two');
    const stranger = await t.signedIn('stranger@rpa.test');
    const res = await owner.request(`/v1/organizations/${orgId}/owner/transfer`, {
      json: { userId: stranger.user!.id },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Json).code).toBe('TRANSFER_TARGET_INVALID');
    const off = await t.memberOf(orgId, 'off@rpa.test', ['member']);
    await t.store.members.setStatus(orgId, off.user!.id, 'disabled');
    expect(
      (
        await owner.request(`/v1/organizations/${orgId}/owner/transfer`, {
          json: { userId: off.user!.id },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await stranger.request(`/v1/organizations/${orgId}/owner/transfer`, {
          json: { userId: stranger.user!.id },
        })
      ).status,
    ).toBe(404);
    expect((await t.store.members.get(orgId, owner.user!.id))?.roles).toEqual(['owner']);
  });
});
