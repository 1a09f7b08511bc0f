/** Where the provider remembers small choices (the active organization). */
export interface OrgkitStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * `localStorage` when the runtime has a usable one, resolved at call time (never at import) so
 * server rendering and privacy modes that throw on access simply get no storage.
 */
export function browserStorage(): OrgkitStorage | undefined {
  try {
    const storage = (globalThis as { localStorage?: OrgkitStorage }).localStorage;
    if (!storage) return undefined;
    const probe = '__orgkit_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** Reads a JSON value, ignoring storage failures and malformed entries. */
export function readStored<T>(
  storage: OrgkitStorage | undefined,
  key: string,
  guard: (value: unknown) => value is T,
): T | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return guard(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a JSON value (or removes it for `undefined`), ignoring storage failures. */
export function writeStored(storage: OrgkitStorage | undefined, key: string, value: unknown): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: remembering is a convenience, not a requirement.
  }
}
