import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

const PROXY = '10.0.0.1';
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** A logger whose JSON lines are kept in `lines`. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const log = capturingLogger();

describe.each(backends)('X-Forwarded-For and logs ($name)', (backend) => {
  const t = useTestApp(backend, { trustedProxies: [PROXY], logger: log.logger });

  const post = (path: string, json: unknown, headers: Record<string, string>, peer: string) =>
    t.app.request(
      path,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(json),
      },
      fromSocket(peer),
    );

  // first: routes can be added only before the app answers its first request
  it('keeps query parameters of failed statements out of the error log', async () => {
    t.app.get('/test/failing-query', async () => {
      await t.store.db.execute(sql`select ${'hunter2-secret'}::text, 1 / 0`);
      return new Response('unreachable');
    });
    const res = await t.app.request('/test/failing-query?token=leaky-token');
    expect(res.status).toBe(500);
    const errors = log.lines.filter((l) => l.includes('unhandled error'));
    expect(errors.length).toBeGreaterThan(0);
    const text = log.lines.join('\n');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('leaky-token');
  });

  it('never answers 5xx to a malformed X-Forwarded-For on sign-up and sign-in', async () => {
    for (const xff of ['1.2.3', '999.999.999.999', 'x'.repeat(3000), '1.2.3.4, ', '\u00e9']) {
      const up = await post(
        '/v1/auth/sign-up',
        { email: `xff${xff.length}@fwd.test`, password: TEST_PASSWORD, name: 'X' },
        { 'x-forwarded-for': xff },
        PROXY,
      );
      expect([xff.slice(0, 20), up.status]).toEqual([xff.slice(0, 20), 201]);
      const inn = await post(
        '/v1/auth/sign-in',
        { email: `xff${xff.length}@fwd.test`, password: TEST_PASSWORD },
        { 'x-forwarded-for': xff },
        '198.51.100.20',
      );
      expect(inn.status).toBe(200);
    }
  });

  it('records the forwarded address only behind a trusted proxy', async () => {
    const email = 'ip@fwd.test';
    await post('/v1/auth/sign-up', { email, password: TEST_PASSWORD, name: 'Ip' }, {}, PROXY);
    const user = (await t.store.users.findByEmail(email))!;
    const signIn = (peer: string) =>
      post(
        '/v1/auth/sign-in',
        { email, password: TEST_PASSWORD },
        { 'x-forwarded-for': '203.0.113.66' },
        peer,
      );
    expect((await signIn('198.51.100.7')).status).toBe(200);
    expect((await signIn(PROXY)).status).toBe(200);
    const events = await t.store.audit.list({ userId: user.id, limit: 10 });
    const ips = events.filter((e) => e.action === 'user.signed_in').map((e) => e.ip);
    expect(ips.sort()).toEqual(['198.51.100.7', '203.0.113.66']);
  });
});
