import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgkitApp } from '../app.js';
import { type Database, openDatabase } from '../db/database.js';
import { sha256 } from '../lib/tokens.js';
import { createOrgkitApp } from '../node-app.js';
import { backends } from '../test-support/backends.js';
import { ensureRedis, TEST_REDIS_URL } from '../test-support/redis.js';
import { TEST_PASSWORD_HASHING, useTestApp } from '../test-support/test-app.js';

/** The reverse proxy every request of these tests arrives through. */
const PROXY = '10.0.0.1';
/** Node's socket as the adapter exposes it, so the app sees the proxy as the peer. */
const viaProxy = { incoming: { socket: { remoteAddress: PROXY } } };

const signIn = (app: OrgkitApp, ip: string) =>
  app.request(
    '/v1/auth/sign-in',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong password!' }),
    },
    viaProxy,
  );

describe.each(backends)('rate limits ($name)', (backend) => {
  const t = useTestApp(backend, {
    rateLimits: {
      auth: { points: 3, durationSeconds: 60 },
      apiKey: { points: 2, durationSeconds: 60 },
    },
    trustedProxies: [PROXY],
  });

  it('limits auth attempts per IP with RateLimit headers, then 429 problem+json', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await signIn(t.app, '203.0.113.7');
      expect(res.status).toBe(401);
      expect(res.headers.get('ratelimit-limit')).toBe('3');
      expect(res.headers.get('ratelimit-remaining')).toBe(String(2 - i));
      expect(res.headers.get('ratelimit-policy')).toBe('3;w=60');
    }
    const limited = await signIn(t.app, '203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // another address has its own budget; reading the session is not an auth attempt
    expect((await signIn(t.app, '198.51.100.1')).status).toBe(401);
    expect(
      (
        await t.app.request(
          '/v1/auth/session',
          { headers: { 'x-forwarded-for': '203.0.113.7' } },
          viaProxy,
        )
      ).status,
    ).toBe(200);
  });

  it('limits each API key on every route, independently of other keys', async () => {
    const c = await t.signUp('limits@example.com');
    const keys = ['ok_aaa_first', 'ok_bbb_second'];
    for (const [i, secret] of keys.entries()) {
      await t.store.users.createApiKey({
        userId: c.user!.id,
        name: `k${i}`,
        prefix: `p${i}`,
        hash: await sha256(secret),
      });
    }
    const call = (secret: string) =>
      t.app.request('/v1/auth/session', { headers: { authorization: `Bearer ${secret}` } });
    expect((await call(keys[0]!)).status).toBe(200);
    expect((await call(keys[0]!)).headers.get('ratelimit-remaining')).toBe('0');
    const limited = await call(keys[0]!);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await call(keys[1]!)).status).toBe(200);
  });
});

describe('rate limits shared through Redis', () => {
  const databases: Database[] = [];
  const apps: OrgkitApp[] = [];
  const prefix = `orgkit-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await ensureRedis();
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ kind: 'pglite' });
      await database.migrate();
      databases.push(database);
      apps.push(
        createOrgkitApp({
          database,
          logger: false,
          auth: { passwordHashing: TEST_PASSWORD_HASHING },
          rateLimits: {
            redisUrl: TEST_REDIS_URL,
            keyPrefix: prefix,
            auth: { points: 4, durationSeconds: 60 },
          },
          trustedProxies: [PROXY],
        }),
      );
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.deps.rateLimiters.close();
    for (const db of databases) await db.close();
  });

  it('two app instances draw from one budget', async () => {
    for (const app of apps) expect(await app.deps.rateLimiters.ready()).toBe(true);
    expect(apps.every((a) => a.deps.rateLimiters.store === 'redis')).toBe(true);
    const statuses: number[] = [];
    for (const i of [0, 1, 0, 1, 0, 1])
      statuses.push((await signIn(apps[i]!, '192.0.2.10')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('falls back to memory limits when Redis is unreachable instead of failing requests', async () => {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    const app = createOrgkitApp({
      database,
      logger: false,
      auth: { passwordHashing: TEST_PASSWORD_HASHING },
      rateLimits: {
        redisUrl: 'redis://127.0.0.1:1',
        auth: { points: 1, durationSeconds: 60 },
      },
      trustedProxies: [PROXY],
    });
    try {
      expect((await signIn(app, '192.0.2.99')).status).toBe(401);
      expect((await signIn(app, '192.0.2.99')).status).toBe(429);
    } finally {
      await app.deps.rateLimiters.close();
      await database.close();
    }
  });
});
