import { describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

describe.each(backends)('password reset takes one path for every address ($name)', (backend) => {
  const t = useTestApp(backend);

  it('answers before looking the address up, so known and unknown cost the same', async () => {
    await t.signUp('known@enum.test');
    const mailsBefore = (await t.outbox('known@enum.test')).length;
    const deferred = t.app.deps.deferred;
    const ask = (email: string) =>
      t.client().request('/v1/auth/password-reset', { json: { email } });
    // Read at once when the answer arrives: the lookup is still queued (it can only start on a
    // later turn of the event loop), for the known address as for the unknown one.
    const known = await ask('known@enum.test');
    const queuedAfterKnown = deferred.pending;
    await deferred.idle();
    const unknown = await ask('unknown@enum.test');
    const queuedAfterUnknown = deferred.pending;
    expect([queuedAfterKnown, queuedAfterUnknown]).toEqual([1, 1]);
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    // and the link does arrive afterwards, for the known address only
    expect(await t.outbox('known@enum.test')).toHaveLength(mailsBefore + 1);
    expect(await t.outbox('unknown@enum.test')).toHaveLength(0);
  });
});

describe.each(backends)('sign-up with e-mail verification on ($name)', (backend) => {
  const t = useTestApp(backend, { auth: { emailVerification: true } });

  const signUp = (email: string, name = 'Someone') =>
    t.client().request('/v1/auth/sign-up', { json: { email, password: TEST_PASSWORD, name } });

  it('answers a taken address exactly like a new one, and tells the owner instead', async () => {
    await t.store.users.create({ email: 'taken@enum.test', name: 'Owner' });
    const taken = await signUp('taken@enum.test');
    const fresh = await signUp('fresh@enum.test');
    expect([taken.status, fresh.status]).toEqual([202, 202]);
    expect(await taken.json()).toEqual(await fresh.json());
    expect(taken.headers.getSetCookie()).toEqual([]);
    expect(fresh.headers.getSetCookie()).toEqual([]);
    const [toOwner] = await t.outbox('taken@enum.test');
    expect(toOwner?.meta?.kind).toBe('sign_up_existing');
    const [toNew] = await t.outbox('fresh@enum.test');
    expect(toNew?.meta?.kind).toBe('activation');
    // nothing about the existing account changed
    expect((await t.store.users.findByEmail('taken@enum.test'))?.name).toBe('Owner');
  });

  it('a new account signs in only after opening its activation link', async () => {
    await signUp('later@enum.test');
    const signIn = () =>
      t.client().request('/v1/auth/sign-in', {
        json: { email: 'later@enum.test', password: TEST_PASSWORD },
      });
    await t.app.deps.deferred.idle();
    const early = await signIn();
    expect(early.status).toBe(403);
    expect(((await early.json()) as Json).code).toBe('ACTIVATION_REQUIRED');
    await t.activate('later@enum.test');
    expect((await signIn()).status).toBe(200);
  });
});
