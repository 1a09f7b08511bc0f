import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { pgliteDatabase } from '../db/pglite.js';
import { createOrgkitApp } from '../node-app.js';
import { createFastPasswordHasher } from './fast-password.js';

const previous = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = previous;
});

describe('the fast password hasher', () => {
  it('verifies the password it hashed and nothing else, with a fresh salt each time', async () => {
    const hasher = createFastPasswordHasher();
    const a = await hasher.hash('hunter2 hunter2');
    const b = await hasher.hash('hunter2 hunter2');
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'hunter2 hunter2')).toBe(true);
    expect(await hasher.verify(a, 'hunter3 hunter3')).toBe(false);
    expect(await hasher.verify('$argon2id$v=19$m=1024', 'hunter2 hunter2')).toBe(false);
  });

  it('cannot be created in a production process', () => {
    process.env.NODE_ENV = 'production';
    expect(() => createFastPasswordHasher()).toThrow(/never production/);
  });

  it('is refused by an app in production mode, and by any app in a production process', async () => {
    const database = pgliteDatabase(new PGlite());
    const passwordHasher = createFastPasswordHasher();
    expect(() =>
      createOrgkitApp({ database, passwordHasher, production: true, logger: false }),
    ).toThrow(/production/);
    process.env.NODE_ENV = 'production';
    expect(() =>
      createOrgkitApp({ database, passwordHasher, production: false, logger: false }),
    ).toThrow(/production/);
    await database.close();
  });
});
