import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgkitApp } from '../node-app.js';
import { backends } from '../test-support/backends.js';
import { useTestApp } from '../test-support/test-app.js';

const received: ParsedMail[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.server.address() as AddressInfo).port;

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.each(backends)('SMTP delivery ($name)', (backend) => {
  const t = useTestApp(backend, {
    mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Orgkit <orgkit@test.example>' },
    baseUrl: 'https://app.example',
  });

  beforeAll(() => {
    received.length = 0;
  });

  it('sends mail over SMTP instead of the outbox', async () => {
    await t.signUp('smtp@example.com');
    const res = await t
      .client()
      .request('/v1/auth/password-reset', { json: { email: 'smtp@example.com' } });
    expect(res.status).toBe(202);
    await t.app.deps.deferred.idle();
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.subject).toBe('Reset your password');
    expect(mail.from?.text).toContain('orgkit@test.example');
    expect(mail.text).toContain('https://app.example/reset-password?token=');
    expect(await t.outbox('smtp@example.com')).toHaveLength(0);
  });
});

describe.each(backends)('dev outbox ($name)', (backend) => {
  const t = useTestApp(backend);

  it('lists stored mail at /dev/outbox to platform admins, filtered by recipient', async () => {
    const admin = await t.signedIn('admin@example.com', { platformAdmin: true });
    const user = await t.signUp('outbox@example.com');
    await t.signUp('other@example.com');
    await t.client().request('/v1/auth/password-reset', { json: { email: 'outbox@example.com' } });
    await t.client().request('/v1/auth/password-reset', { json: { email: 'other@example.com' } });
    // every reset link is in there: nobody else may read it, the address's owner included
    expect((await t.app.request('/dev/outbox')).status).toBe(401);
    expect((await user.request('/dev/outbox?to=outbox@example.com')).status).toBe(403);
    const res = await admin.request('/dev/outbox?to=OUTBOX@example.com');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { to: string; meta: { kind: string; link: string } }[];
    };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      to: 'outbox@example.com',
      meta: { kind: 'password_reset' },
    });
    const all = (await (await admin.request('/dev/outbox')).json()) as { items: unknown[] };
    expect(all.items).toHaveLength(2);
  });
});

describe.each(backends)('dev outbox off unless asked for ($name)', (backend) => {
  const t = useTestApp(backend, { devOutbox: false });

  it('answers 404 even to a platform admin, and cannot be turned on in production', async () => {
    const admin = await t.signedIn('admin@example.com', { platformAdmin: true });
    expect((await admin.request('/dev/outbox')).status).toBe(404);
    expect(() =>
      createOrgkitApp({ database: t.database, production: true, devOutbox: true, logger: false }),
    ).toThrow(/devOutbox/);
  });
});
