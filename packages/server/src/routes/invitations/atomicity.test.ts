import type { Transporter } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { useTestApp } from '../../test-support/test-app.js';

let sent = 0;
/** A transport that delivers one mail and then fails, like an SMTP server going away. */
const flakyTransport = {
  async sendMail() {
    sent++;
    if (sent > 1) throw new Error('SMTP connection lost');
    return { messageId: 'ok' };
  },
} as unknown as Transporter;

describe.each(backends)('a failed mutation changes nothing ($name)', (backend) => {
  const t = useTestApp(backend, { mail: { transport: flakyTransport } });

  it('rolls back every invitation and audit event of a bulk invite when one mail fails', async () => {
    const owner = await t.signedIn('owner@atomic.test', { platformAdmin: true });
    const orgId = await t.createOrg(owner, 'Atomic');
    const eventsBefore = await t.store.audit.list({ orgId, limit: 50 });
    sent = 0;
    const res = await owner.request(`/v1/organizations/${orgId}/invitations`, {
      json: { emails: 'a@atomic.test b@atomic.test c@atomic.test' },
    });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('INTERNAL');
    expect(sent).toBe(2);
    const list = (await (await owner.request(`/v1/organizations/${orgId}/invitations`)).json()) as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(0);
    expect(await t.store.audit.list({ orgId, limit: 50 })).toEqual(eventsBefore);
  });

  it('replays an invitation request with the same Idempotency-Key instead of inviting twice', async () => {
    const owner = await t.signedIn('owner2@atomic.test', { platformAdmin: true });
    const orgId = await t.createOrg(owner, 'Atomic Two');
    sent = -100;
    const send = () =>
      owner.request(`/v1/organizations/${orgId}/invitations`, {
        json: { emails: 'once@atomic.test' },
        headers: { 'idempotency-key': 'invite-once' },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const list = (await (await owner.request(`/v1/organizations/${orgId}/invitations`)).json()) as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(1);
  });
});
