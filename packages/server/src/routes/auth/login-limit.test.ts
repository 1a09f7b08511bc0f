import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgkitApp } from '../../app.js';
import { type Database, openDatabase } from '../../db/database.js';
import { createOrgkitApp } from '../../node-app.js';
import { createRateLimiters } from '../../rate-limit/rate-limiter.js';
import { backends } from '../../test-support/backends.js';
import { ensureRedis, TEST_REDIS_URL } from '../../test-support/redis.js';
import { TEST_PASSWORD, TEST_PASSWORD_HASHING, useTestApp } from '../../test-support/test-app.js';

const PROXY = '10.0.0.1';
const LOGIN = { failures: 5, windowSeconds: 900, lockSeconds: 60, maxLockSeconds: 3600 };

/** A sign-in through the trusted proxy on behalf of client address `ip`. */
const signIn = (app: OrgkitApp, email: string, password: string, ip: string) =>
  app.request(
    '/v1/auth/sign-in',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    },
    { incoming: { socket: { remoteAddress: PROXY } } },
  );

describe.each(backends)('per-account sign-in limit ($name)', (backend) => {
  const t = useTestApp(backend, {
    trustedProxies: [PROXY],
    // generous per-address budget: every attempt below comes from its own address anyway
    rateLimits: { auth: { points: 1000, durationSeconds: 60 }, login: LOGIN },
  });

  it('30 wrong passwords from 30 addresses lock the account: the right one then gets 429', async () => {
    await t.signUp('target@limit.test');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push(
        (await signIn(t.app, 'target@limit.test', 'wrong guess!', `198.51.100.${i}`)).status,
      );
    }
    expect(statuses.slice(0, LOGIN.failures)).toEqual(Array(LOGIN.failures).fill(401));
    expect(statuses.slice(LOGIN.failures)).toEqual(Array(30 - LOGIN.failures).fill(429));
    const right = await signIn(t.app, 'target@limit.test', TEST_PASSWORD, '203.0.113.200');
    expect(right.status).toBe(429);
    expect(right.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await right.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(right.headers.getSetCookie()).toEqual([]);
  });

  it('counts unknown addresses alike, and other accounts are unaffected', async () => {
    await t.signUp('bystander@limit.test');
    const ghost = [];
    for (let i = 0; i <= LOGIN.failures; i++) {
      ghost.push((await signIn(t.app, 'ghost@limit.test', 'wrong guess!', `192.0.2.${i}`)).status);
    }
    expect(ghost.at(-1)).toBe(429);
    expect((await signIn(t.app, 'bystander@limit.test', TEST_PASSWORD, '192.0.2.99')).status).toBe(
      200,
    );
  });
});

describe('per-account lock-outs', () => {
  it('grow with each lock-out, up to the maximum', async () => {
    const limiters = createRateLimiters({
      login: { failures: 2, windowSeconds: 900, lockSeconds: 10, maxLockSeconds: 35 },
    });
    const locks: number[] = [];
    for (let round = 0; round < 4; round++) {
      let lock = 0;
      while (lock === 0) lock = await limiters.login!.failed('backoff@limit.test');
      locks.push(lock);
      expect(await limiters.login!.lockedFor('backoff@limit.test')).toBeGreaterThan(0);
      // an operator unlocks (or the lock runs out): the failure count starts again, the history stays
      await limiters.login!.succeeded('backoff@limit.test');
    }
    expect(locks).toEqual([10, 20, 35, 35]);
  });
});

describe('per-account limit shared through Redis', () => {
  const databases: Database[] = [];
  const apps: OrgkitApp[] = [];
  const prefix = `orgkit-login-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await ensureRedis();
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    databases.push(database);
    for (let i = 0; i < 2; i++) {
      apps.push(
        createOrgkitApp({
          database,
          logger: false,
          trustedProxies: [PROXY],
          auth: { passwordHashing: TEST_PASSWORD_HASHING },
          rateLimits: {
            redisUrl: TEST_REDIS_URL,
            keyPrefix: prefix,
            auth: { points: 1000, durationSeconds: 60 },
            login: LOGIN,
          },
        }),
      );
    }
    const res = await apps[0]!.request('/v1/auth/sign-up', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'shared@limit.test', password: TEST_PASSWORD, name: 'S' }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    for (const app of apps) await app.deps.rateLimiters.close();
    for (const db of databases) await db.close();
  });

  it('failures on one instance lock the account on the other', async () => {
    for (const app of apps) expect(await app.deps.rateLimiters.ready()).toBe(true);
    for (let i = 0; i < LOGIN.failures; i++) {
      expect(
        (await signIn(apps[i % 2]!, 'shared@limit.test', 'wrong guess!', `198.51.100.${i}`)).status,
      ).toBe(401);
    }
    expect(
      (await signIn(apps[0]!, 'shared@limit.test', 'wrong guess!', '198.51.100.77')).status,
    ).toBe(429);
    expect(
      (await signIn(apps[1]!, 'shared@limit.test', TEST_PASSWORD, '198.51.100.78')).status,
    ).toBe(429);
  });
});
