import { randomHex, safeEqual, sha256 } from '../lib/tokens.js';
import { type PasswordHasher, processIsProduction } from './password.js';

const SCHEME = 'fast-sha256';

/**
 * A salted SHA-256 {@link PasswordHasher} for in-memory test worlds: `@orgkit/testing` imports it
 * from `@orgkit/server/fast-password-hasher`, and nothing else should. Argon2id there
 * would cost most of a test's time and has no native module in a browser. It is NOT a
 * password hash for real accounts: creating it in a process with `NODE_ENV=production` throws,
 * and an app in production mode refuses it.
 */
export function createFastPasswordHasher(): PasswordHasher {
  if (processIsProduction()) {
    throw new Error('The fast password hasher is for tests and mocks only, never production.');
  }
  const digest = (salt: string, password: string) => sha256(`${salt}:${password}`);
  return {
    insecure: true,
    async hash(password) {
      const salt = randomHex(8);
      return `${SCHEME}$${salt}$${await digest(salt, password)}`;
    },
    async verify(passwordHash, password) {
      const [scheme, salt, expected] = passwordHash.split('$');
      if (scheme !== SCHEME || !salt || !expected) return false;
      return safeEqual(await digest(salt, password), expected);
    },
    async burn(password) {
      await digest('burn', password);
    },
  };
}
