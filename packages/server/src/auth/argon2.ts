import { hash, verify } from '@node-rs/argon2';
import type { PasswordHashingOptions } from '../options.js';
import type { PasswordHasher } from './password.js';

// @node-rs/argon2's Algorithm is a const enum, which isolatedModules cannot inline: 2 = Argon2id.
const ARGON2ID = 2;

/** An argon2id {@link PasswordHasher} with the given cost parameters (Node: a native module). */
export function createArgon2idHasher(cost: Required<PasswordHashingOptions>): PasswordHasher {
  const params = { algorithm: ARGON2ID, ...cost };
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, params),
    async verify(passwordHash, password) {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
    async burn(password) {
      dummy ??= hash('not-a-real-password', params);
      await verify(await dummy, password).catch(() => false);
    },
  };
}
