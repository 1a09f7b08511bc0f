import type { SettingsSpec } from '@orgkit/core';
import { settingAcrossOrgs } from '../access/settings.js';
import type { Store } from '../store/store.js';

/** The setting that holds a session's idle timeout, in minutes. */
export const SESSION_TIMEOUT_SETTING = 'session_timeout_minutes';

/**
 * A session's last use is written at most this often (a write per request would lock its row),
 * so idle time is counted from the last recorded use: a session may end up to this much early,
 * never late.
 */
export const SESSION_SEEN_INTERVAL_MS = 30_000;

/**
 * Idle time below which no session can have timed out: the setting's smallest allowed value.
 * Below it a request costs no settings lookup. Undefined when the host's settings do not
 * declare the key (no idle timeout then).
 */
export function idleCheckFloorMs(spec: SettingsSpec): number | undefined {
  const setting = Object.hasOwn(spec, SESSION_TIMEOUT_SETTING)
    ? spec[SESSION_TIMEOUT_SETTING]
    : undefined;
  if (setting?.type !== 'number') return undefined;
  const min = typeof setting.min === 'number' && setting.min > 0 ? setting.min : 1;
  return min * 60_000;
}

/**
 * The idle timeout of a user's sessions in ms: the strictest of the platform's value and the
 * value of every org the user belongs to, since one session reaches all of them. Undefined when
 * the setting is not declared.
 */
export async function idleTimeoutMs(
  store: Store,
  spec: SettingsSpec,
  userId: string,
): Promise<number | undefined> {
  const setting = Object.hasOwn(spec, SESSION_TIMEOUT_SETTING)
    ? spec[SESSION_TIMEOUT_SETTING]
    : undefined;
  if (setting?.type !== 'number') return undefined;
  const orgIds = (await store.organizations.listForUser(userId)).map((r) => r.org.id);
  const values = await settingAcrossOrgs(store, SESSION_TIMEOUT_SETTING, setting, orgIds);
  const minutes = values.filter((v): v is number => typeof v === 'number' && v > 0);
  return minutes.length > 0 ? Math.min(...minutes) * 60_000 : undefined;
}
