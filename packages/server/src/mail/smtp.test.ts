import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('lists stored mail at /dev/outbox, filtered by recipient', async () => {
    await t.signUp('outbox@example.com');
    await t.signUp('other@example.com');
    await t.client().request('/v1/auth/password-reset', { json: { email: 'outbox@example.com' } });
    await t.client().request('/v1/auth/password-reset', { json: { email: 'other@example.com' } });
    const res = await t.app.request('/dev/outbox?to=OUTBOX@example.com');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { to: string; meta: { kind: string; link: string } }[];
    };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      to: 'outbox@example.com',
      meta: { kind: 'password_reset' },
    });
    const all = (await (await t.app.request('/dev/outbox')).json()) as { items: unknown[] };
    expect(all.items).toHaveLength(2);
  });
});
