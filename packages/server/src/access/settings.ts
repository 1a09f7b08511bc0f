import {
  checkSettingWritable,
  type ResolvedSetting,
  resolveSetting,
  type SettingOverride,
  type SettingScope,
  type SettingSpec,
  type SettingsSpec,
  settingsChain,
  validateSettingValue,
} from '@orgkit/core';
import { ApiError, conflict, notFound } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { type SettingOverrideRow, userScopeId } from '../store/settings.js';
import type { Store } from '../store/store.js';
import type { OrgAccess } from './access.js';

/** Which level of an org's waterfall a request is about. */
export type SettingTarget =
  | { readonly level: 'org' }
  | { readonly level: 'group'; readonly groupId: string }
  | { readonly level: 'user'; readonly userId: string };

/** A chain of levels (top first) and the level at its bottom. */
export interface SettingsPlace {
  readonly chain: readonly SettingScope[];
  readonly scope: SettingScope;
  /** The stored overrides along the chain, as core reads them. */
  readonly overrides: readonly SettingOverride[];
  readonly rows: readonly SettingOverrideRow[];
}

const storedScope = (s: SettingScope) => ({ type: s.level, id: s.id ?? '' });

/** Stored override rows as core reads them. */
export function toOverrides(rows: readonly SettingOverrideRow[]): SettingOverride[] {
  return rows.map((r) => ({
    key: r.key,
    scope:
      r.scopeType === 'platform' ? { level: 'platform' } : { level: r.scopeType, id: r.scopeId },
    value: r.value,
    locked: r.locked,
  }));
}

async function place(store: Store, chain: SettingScope[]): Promise<SettingsPlace> {
  const rows = await store.settings.list(chain.map(storedScope));
  return { chain, scope: chain.at(-1)!, rows, overrides: toOverrides(rows) };
}

/**
 * One setting's effective value at the org level of each org (platform → ancestors → org), and
 * at the platform alone, read with one query for all of them.
 */
export async function settingAcrossOrgs(
  store: Store,
  key: string,
  spec: SettingSpec,
  orgIds: readonly string[],
): Promise<unknown[]> {
  const chains: SettingScope[][] = [[{ level: 'platform' }]];
  for (const orgId of orgIds) {
    const orgPath = [...(await store.organizations.ancestorIds(orgId))].reverse().concat(orgId);
    chains.push(settingsChain({ orgPath }));
  }
  const scopes = new Map(chains.flat().map((s) => [`${s.level}:${s.id ?? ''}`, storedScope(s)]));
  const overrides = toOverrides(await store.settings.list([...scopes.values()]));
  return chains.map((chain) => resolveSetting(key, spec, chain, overrides).value);
}

/** The platform level alone. */
export function platformPlace(store: Store): Promise<SettingsPlace> {
  return place(store, [{ level: 'platform' }]);
}

/**
 * The waterfall down to `target` in the org: platform, ancestor orgs (root first), the org, then
 * the group — or, for a member, each of their groups in this org (by name, later ones nearer) and
 * the member's own level (kept per org). 404 when the group or member is not of this org.
 */
export async function orgPlace(
  store: Store,
  access: OrgAccess,
  target: SettingTarget,
): Promise<SettingsPlace> {
  const orgId = access.org.id;
  const orgPath = [...access.ancestors].reverse().concat(orgId);
  if (target.level === 'org') return place(store, settingsChain({ orgPath }));
  if (target.level === 'group') {
    if (!(await store.groups.get(orgId, target.groupId))) throw notFound('Group');
    return place(store, settingsChain({ orgPath, groupIds: [target.groupId] }));
  }
  if (!(await store.members.get(orgId, target.userId))) throw notFound('Member');
  const groupIds = await store.groups.idsForUser(orgId, target.userId);
  return place(
    store,
    settingsChain({ orgPath, groupIds, userId: userScopeId(orgId, target.userId) }),
  );
}

/** The stored scope of the bottom of a place. */
export function bottomScope(p: SettingsPlace) {
  return storedScope(p.scope);
}

/** The spec of a setting key, or 404 `UNKNOWN_SETTING`. */
export function settingSpec(spec: SettingsSpec, key: string): SettingSpec {
  const found = Object.hasOwn(spec, key) ? spec[key] : undefined;
  if (!found) throw new ApiError(404, ErrorCode.UNKNOWN_SETTING, `Unknown setting "${key}".`);
  return found;
}

/** 422 naming `value` when it does not fit the setting's type and bounds. */
export function checkSettingValue(spec: SettingSpec, value: unknown): void {
  const result = validateSettingValue(spec, value);
  if (!result.ok) {
    throw new ApiError(422, ErrorCode.INVALID_SETTING_VALUE, result.message, {
      errors: [
        { in: 'json', path: 'value', message: result.message, code: 'invalid_setting_value' },
      ],
    });
  }
}

/** 409 `SETTING_LOCKED` when a level above the place's bottom locked the key. */
export function checkWritable(key: string, p: SettingsPlace): void {
  const result = checkSettingWritable(key, p.scope, p.chain, p.overrides);
  if (!result.ok) {
    throw conflict(result.code, result.message, {
      lockedBy: result.lockedBy && publicScope(result.lockedBy),
    });
  }
}

/** A level as the API shows it: member levels name the user, not the storage id. */
export function publicScope(s: SettingScope): { level: SettingScope['level']; id: string | null } {
  const id = s.id ?? null;
  return { level: s.level, id: s.level === 'user' && id ? id.slice(id.indexOf('/') + 1) : id };
}

/** One key resolved at the bottom of a place, with the override stored exactly there. */
export function resolveAt(
  key: string,
  spec: SettingSpec,
  p: SettingsPlace,
): { resolved: ResolvedSetting; own: SettingOverrideRow | undefined } {
  const bottom = bottomScope(p);
  return {
    resolved: resolveSetting(key, spec, p.chain, p.overrides),
    own: p.rows.find(
      (r) => r.key === key && r.scopeType === bottom.type && r.scopeId === bottom.id,
    ),
  };
}

/**
 * The effective value of a setting for an org (platform → ancestors → org), or undefined when the
 * host's settings do not declare the key — callers then keep their built-in behaviour.
 */
export async function orgSettingValue(
  store: Store,
  access: OrgAccess,
  spec: SettingsSpec,
  key: string,
): Promise<unknown> {
  const setting = Object.hasOwn(spec, key) ? spec[key] : undefined;
  if (!setting) return undefined;
  const p = await orgPlace(store, access, { level: 'org' });
  return resolveSetting(key, setting, p.chain, p.overrides).value;
}
