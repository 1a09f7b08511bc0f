import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { OrgkitApp } from '../../app.js';
import { type Database, openDatabase } from '../../db/database.js';
import { generateToken, sha256 } from '../../lib/tokens.js';
import { createOrgkitApp } from '../../node-app.js';

/** Cheap hashing: the soak measures coordination, not argon2. */
const HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/** The soak's app over a fresh database of one engine, and how to dispose of both. */
export interface SoakApp {
  readonly app: OrgkitApp;
  dispose(): Promise<void>;
}

/** A fresh in-memory PGlite, or a fresh database on the Postgres server of `serverUrl`. */
export async function openSoakApp(
  engine: 'pglite' | 'postgres',
  serverUrl: string,
): Promise<SoakApp> {
  let database: Database;
  let drop = async () => {};
  if (engine === 'pglite') {
    database = await openDatabase({ kind: 'pglite' });
  } else {
    const name = `orgkit_soak_${randomBytes(5).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await admin(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    drop = () => admin(`drop database if exists ${name} with (force)`);
  }
  await database.migrate();
  const app = createOrgkitApp({
    database,
    logger: false,
    auth: { passwordHashing: HASHING },
    rateLimits: { enabled: false },
  });
  return {
    app,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

/** An API key of `userId` made in storage; returns the bearer secret. */
export async function keyFor(app: OrgkitApp, userId: string): Promise<string> {
  const prefix = generateToken(6);
  const secret = `ok_${prefix}_${generateToken()}`;
  await app.deps.store.users.createApiKey({
    userId,
    name: 'soak',
    prefix,
    hash: await sha256(secret),
  });
  return secret;
}

/** A pending invitation to `orgId` for `email`, and its token. */
export async function invitationFor(
  app: OrgkitApp,
  orgId: string,
  inviterId: string,
  email: string,
): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const invitation = await app.deps.store.invitations.create({
    orgId,
    email,
    roles: ['member'],
    inviterId,
    tokenHash: await sha256(token),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { id: invitation.id, token };
}

/** A request to the in-process app, with its status and body. */
export async function send(
  app: OrgkitApp,
  method: string,
  path: string,
  json?: unknown,
  bearer?: string,
): Promise<{ status: number; body: string }> {
  const res = await app.request(path, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: res.status, body: await res.text() };
}

/** A deterministic pseudo-random sequence (mulberry32), so a failing run can be replayed. */
export function random(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
}
