import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  freePort,
  pgliteEngine,
  ServerProcess,
} from '../reliability/server-process.js';

/** The standalone runner on a fresh data folder, as an operator starts it. */
describe('the standalone server on a fresh database', () => {
  const engine = pgliteEngine();
  let server: ServerProcess;

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), await engine.env());
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await engine.dispose();
  });

  it('creates no account with a public password, and serves no dev outbox unless asked', async () => {
    const signIn = await fetch(`${server.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(DEMO_ADMIN),
    });
    expect(signIn.status).toBe(401);
    expect((await fetch(`${server.url}/dev/outbox`)).status).toBe(404);
    expect(server.output).not.toContain(DEMO_ADMIN.password);
  });
});
