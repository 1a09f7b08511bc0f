import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  engines,
  freePort,
  mintKey,
  ServerProcess,
  seedDemoData,
} from './server-process.js';

/**
 * kill -9 of the real standalone server (`node --import tsx src/bin/serve.ts`, one process, so
 * SIGKILL reaches the server itself) in the middle of a bulk invitation and of an ownership
 * transfer; after a restart on the same database the data is all before or all after.
 * Verification goes through the restarted server's API, so it works for both engines.
 */

const BULK = 100;
/**
 * When to kill, as fractions of how long the same request takes uncut (measured first): from
 * "not parsed yet" through "mid-transaction" to "committed, answer on its way".
 */
const FRACTIONS = [0, 0.6];
/** And once more right after the answer arrives: what was answered must survive (durability). */
const AFTER_ANSWER = -1;

const engineList = engines('crash');

describe.each(engineList)('kill -9 mid-request, then restart ($name)', (engine) => {
  let server: ServerProcess;
  let call: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    const env = await engine.env();
    // The server creates no accounts: the demo seed gives it a platform admin to act as.
    seedDemoData(env);
    server = new ServerProcess(await freePort(), env);
    await server.start();
    call = apiClient(server, await mintKey(server));
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    await engine.dispose();
  });

  const bulk = async (name: string) => {
    const org = await call('POST', '/v1/organizations', { name });
    expect(org.status).toBe(201);
    const orgId = org.body.id as string;
    const emails = Array.from(
      { length: BULK },
      (_, i) => `p${i}@${orgId.replaceAll('_', '-')}.crash.test`,
    );
    return {
      orgId,
      send: () =>
        call('POST', `/v1/organizations/${orgId}/invitations`, { emails, roles: ['viewer'] }),
    };
  };

  const inheritance = async (name: string) => {
    const org = await call('POST', '/v1/organizations', { name });
    const orgId = org.body.id as string;
    const added = await call('POST', `/v1/organizations/${orgId}/members`, {
      email: `heir@${orgId.replaceAll('_', '-')}.crash.test`,
      name: 'Heir',
      password: 'correct horse battery staple',
      roles: ['admin'],
    });
    expect(added.status).toBe(201);
    const heir = added.body.userId as string;
    return {
      orgId,
      heir,
      send: () => call('POST', `/v1/organizations/${orgId}/owner/transfer`, { userId: heir }),
    };
  };

  const both = async (name: string) => {
    const [b, h] = await Promise.all([bulk(`Bulk ${name}`), inheritance(`Transfer ${name}`)]);
    return { b, h, send: () => Promise.all([b.send(), h.send()]) };
  };

  /** How long the pair takes uncut, measured on this machine before the kills. */
  let uncut = 0;
  const outcomes: string[] = [];

  beforeAll(async () => {
    const calibration = await both('calibration');
    const start = performance.now();
    const answers = await calibration.send();
    expect(answers.map((a) => a.status)).toEqual([201, 200]);
    uncut = performance.now() - start;
  }, 120_000);

  afterAll(() => {
    console.info(`CRASH ${engine.name} uncut=${Math.round(uncut)}ms ${outcomes.join(' ')}`);
  });

  it.each([
    ...FRACTIONS.map((fraction) => ({ fraction, when: `at ${fraction} of their duration` })),
    { fraction: AFTER_ANSWER, when: 'right after the answers' },
  ])(
    `a bulk invitation of ${BULK} addresses and an ownership transfer, killed together $when: all or nothing, exactly one owner, audit consistent`,
    async ({ fraction }) => {
      const delay = fraction === AFTER_ANSWER ? AFTER_ANSWER : Math.round(uncut * fraction);
      const { b, h, send } = await both(String(fraction));
      const pending = send().then(
        (res) => res.map((r) => r.status),
        () => undefined,
      );
      if (delay === AFTER_ANSWER) await pending;
      else await new Promise((r) => setTimeout(r, delay));
      await server.kill();
      const answered = await pending;
      await server.start();

      const list = await call('GET', `/v1/organizations/${b.orgId}/invitations?limit=100`);
      expect(list.status).toBe(200);
      const count = (list.body.items as unknown[]).length;
      const audit = await call('GET', `/v1/organizations/${b.orgId}/audit-events?limit=100`);
      const invited = (audit.body.items as { action: string }[]).filter((e) =>
        e.action.startsWith('invitation.'),
      ).length;
      expect([0, BULK]).toContain(count);
      // The audit trail agrees with the data: events exist exactly when the invitations do.
      expect(invited > 0).toBe(count > 0);

      const owners = await call('GET', `/v1/organizations/${h.orgId}/members?role=owner`);
      const ids = (owners.body.items as { userId: string }[]).map((m) => m.userId);
      expect(ids).toHaveLength(1);
      const transfers = await call(
        'GET',
        `/v1/organizations/${h.orgId}/audit-events?action=organization.ownership_transferred`,
      );
      const after = ids[0] === h.heir;
      expect((transfers.body.items as unknown[]).length).toBe(after ? 1 : 0);
      // Durability: what was answered before the kill survives it.
      if (answered) expect([count, after]).toEqual([BULK, true]);
      const when = delay === AFTER_ANSWER ? 'answered' : `${delay}ms`;
      outcomes.push(
        `${when}:${answered ? 'answered' : 'cut'}:${count}/${after ? 'after' : 'before'}`,
      );
    },
    120_000,
  );
});
