import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { useTestApp } from '../test-support/test-app.js';

const ISSUER = 'https://host.example';
const keys = await generateKeyPair('ES256');
const otherKeys = await generateKeyPair('ES256');
let jwk: JWK;

beforeAll(async () => {
  jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256' };
});

async function token(claims: Record<string, unknown>, key = keys.privateKey, issuer = ISSUER) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(issuer)
    .setAudience('orgkit')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe.each(backends)('external JWT mode ($name)', (backend) => {
  const t = useTestApp(backend, {
    auth: {
      mode: 'external',
      external: {
        // The key set is read lazily, after beforeAll exported it.
        get jwks() {
          return { keys: [jwk] };
        },
        issuer: ISSUER,
        audience: 'orgkit',
      },
    },
  });

  const session = (jwt: string) =>
    t.app.request('/v1/auth/session', { headers: { authorization: `Bearer ${jwt}` } });

  it('creates the user on first sight and finds them again after', async () => {
    const jwt = await token({ sub: 'u-1', email: 'Host.User@Example.com', name: 'Host User' });
    const first = await session(jwt);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      method: 'jwt',
      user: { email: 'host.user@example.com', name: 'Host User' },
    });
    const again = await session(await token({ sub: 'u-1', email: 'host.user@example.com' }));
    expect(((await again.json()) as { user: { id: string } }).user.id).toBe(
      (await t.store.users.findByExternalSubject(`${ISSUER}|u-1`))!.id,
    );
    const created = await t.store.audit.list({ action: 'user.created', limit: 10 });
    expect(created).toHaveLength(1);
  });

  it('rejects tokens signed by another key, from another issuer, or without e-mail', async () => {
    expect(
      (await session(await token({ sub: 'x', email: 'x@example.com' }, otherKeys.privateKey)))
        .status,
    ).toBe(401);
    expect(
      (
        await session(
          await token({ sub: 'x', email: 'x@example.com' }, keys.privateKey, 'https://evil'),
        )
      ).status,
    ).toBe(401);
    expect((await session(await token({ sub: 'x' }))).status).toBe(401);
    expect(await t.store.users.findByEmail('x@example.com')).toBeUndefined();
  });

  it('refuses disabled users', async () => {
    const jwt = await token({ sub: 'u-2', email: 'gone@example.com' });
    await session(jwt);
    const user = (await t.store.users.findByEmail('gone@example.com'))!;
    await t.store.users.update(user.id, { status: 'disabled' });
    const res = await session(jwt);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('USER_DISABLED');
  });

  it('turns off password sign-up, sign-in and reset', async () => {
    const c = t.client();
    const signIn = await c.request('/v1/auth/sign-in', {
      json: { email: 'a@example.com', password: 'whatever1' },
    });
    expect(signIn.status).toBe(404);
    expect(((await signIn.json()) as { code: string }).code).toBe('FEATURE_DISABLED');
    const signUp = await c.request('/v1/auth/sign-up', {
      json: { email: 'a@example.com', password: 'whatever1', name: 'A' },
    });
    expect(signUp.status).toBe(404);
    expect(
      (await c.request('/v1/auth/password-reset', { json: { email: 'a@example.com' } })).status,
    ).toBe(404);
  });
});

describe('remote JWKS', () => {
  it('fetches the key set from a URL (jose createRemoteJWKSet)', async () => {
    const { createServer } = await import('node:http');
    let fetched = 0;
    const server = createServer((_req, res) => {
      fetched++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const { createExternalJwtVerifier } = await import('./external-jwt.js');
      const verify = createExternalJwtVerifier({
        jwks: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        issuer: ISSUER,
        audience: 'orgkit',
      });
      expect(
        await verify(await token({ sub: 'r-1', email: 'remote@example.com', name: 'R' })),
      ).toEqual({
        subject: `${ISSUER}|r-1`,
        email: 'remote@example.com',
        name: 'R',
      });
      expect(
        await verify(
          await token({ sub: 'r-1', email: 'remote@example.com' }, otherKeys.privateKey),
        ),
      ).toBeUndefined();
      expect(fetched).toBeGreaterThanOrEqual(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
