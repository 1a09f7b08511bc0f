import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createFastPasswordHasher } from './auth/fast-password.js';
import { MIGRATIONS_FOLDER } from './db/database.js';
import { MIGRATIONS } from './db/migrations.generated.js';
import { createOrgkitApp, pgliteDatabase } from './portable.js';

/**
 * Packages that need Node (a native add-on, a socket, the file system). Node builtins without the
 * `node:` prefix fail the browser build by themselves, unless a package maps them away for browsers.
 * `@hono/node-server/conninfo` is allowed: it only reads the socket Node's adapter puts on the
 * request context, and imports nothing.
 */
const NODE_ONLY =
  /^(node:|@node-rs\/|pino|nodemailer|ioredis|pg$|pg\/|drizzle-orm\/node-postgres|@hono\/node-server(?!\/conninfo$))/;

describe('the portable entry', () => {
  it('bundles for a browser without one Node-only module', async () => {
    const imported: string[] = [];
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./portable.ts', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-node-only',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (NODE_ONLY.test(args.path)) {
                imported.push(`${args.path} (from ${args.importer.split('/src/').pop()})`);
                return { path: args.path, external: true };
              }
              // PGlite's wasm and data files are fetched at run time, not bundled.
              if (args.path.startsWith('@electric-sql/pglite')) {
                return { path: args.path, external: true };
              }
              return undefined;
            });
          },
        },
      ],
    });
    expect(imported).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('embeds exactly the migrations of the drizzle folder', () => {
    expect(MIGRATIONS).toEqual(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }));
  });

  describe('an app over in-memory PGlite, served through fetch', async () => {
    const database = pgliteDatabase(new PGlite());
    await database.migrate();
    const app = createOrgkitApp({
      database,
      passwordHasher: createFastPasswordHasher(),
      logger: false,
      rateLimits: { enabled: false },
    });
    afterAll(() => database.close());

    it('signs up, signs in and answers /v1/me with the session cookie', async () => {
      const origin = 'http://localhost:3000';
      const body = { email: 'ada@example.test', password: 'a long passphrase', name: 'Ada' };
      const up = await app.fetch(
        new Request(`${origin}/v1/auth/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify(body),
        }),
      );
      expect(up.status).toBe(201);
      const cookie = up.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const me = await app.fetch(new Request(`${origin}/v1/me`, { headers: { cookie } }));
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe('ada@example.test');
      const wrong = await app.fetch(
        new Request(`${origin}/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ email: body.email, password: 'not the passphrase' }),
        }),
      );
      expect(wrong.status).toBe(401);
    });

    it('refuses a smtpUrl and a redisUrl it cannot connect without Node', () => {
      expect(() =>
        createOrgkitApp({
          database,
          passwordHasher: createFastPasswordHasher(),
          mail: { smtpUrl: 'smtp://127.0.0.1:2525' },
        }),
      ).toThrow(/Node entry/);
      expect(() =>
        createOrgkitApp({
          database,
          passwordHasher: createFastPasswordHasher(),
          rateLimits: { redisUrl: 'redis://127.0.0.1:6379' },
        }),
      ).toThrow(/Node entry/);
    });

    it('needs a password hasher', () => {
      expect(() => createOrgkitApp({ database })).toThrow(/passwordHasher/);
    });
  });
});
