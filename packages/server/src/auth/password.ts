/** Hashes and verifies passwords. The default is argon2id (the Node entry). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of a verification, so unknown e-mails answer as slowly as wrong passwords. */
  burn(password: string): Promise<void>;
  /**
   * True for a hasher that trades strength for speed (in-memory test worlds). Such a hasher is
   * refused by a production app and cannot be created in a production process.
   */
  readonly insecure?: boolean;
}

/**
 * True when this JavaScript process runs with `NODE_ENV=production`. Reads the live environment
 * of the process (not a value a bundler replaced at build time); a browser has none, so false.
 */
export function processIsProduction(): boolean {
  const host = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return host.process?.env?.NODE_ENV === 'production';
}

/** Throws when an insecure hasher would serve a production app. */
export function assertHasherAllowed(hasher: PasswordHasher, production: boolean): void {
  if (hasher.insecure && (production || processIsProduction())) {
    throw new Error(
      'An insecure (fast) password hasher cannot be used in production: use the default argon2id hasher.',
    );
  }
}
