import { type CheckResult, ErrorCode, fail, OK } from '../errors/error-codes.js';
import type {
  ResolvedSetting,
  SettingOverride,
  SettingScope,
  SettingSpec,
  SettingsSpec,
  SettingValue,
} from './types.js';

/** Declares typed settings; returns the spec unchanged but keeps its literal types. */
export function defineSettings<const S extends SettingsSpec>(spec: S): S {
  return spec;
}

const sameScope = (a: SettingScope, b: SettingScope) =>
  a.level === b.level && (a.id ?? null) === (b.id ?? null);

/**
 * Builds the waterfall chain for a user in an org: platform, ancestor orgs root first, the org,
 * the user's groups (in the given priority order), then the user.
 */
export function settingsChain(options: {
  readonly orgPath: readonly string[];
  readonly groupIds?: readonly string[];
  readonly userId?: string;
}): SettingScope[] {
  return [
    { level: 'platform' },
    ...options.orgPath.map((id) => ({ level: 'org' as const, id })),
    ...(options.groupIds ?? []).map((id) => ({ level: 'group' as const, id })),
    ...(options.userId === undefined ? [] : [{ level: 'user' as const, id: options.userId }]),
  ];
}

/**
 * Resolves one setting down the chain (top first): the nearest level that sets it wins, unless a
 * level above locked it, in which case the highest lock wins and what is below is reported as
 * shadowed. The result says which level the value came from.
 *
 * A stored value the spec no longer accepts (its type changed, or a bound moved after the value
 * was stored) is skipped and listed in `invalid`; the value comes from the levels above it (or the
 * default). Its lock still holds: levels below stay shadowed, as {@link checkSettingWritable}
 * reports them locked.
 */
export function resolveSetting<S extends SettingSpec>(
  key: string,
  spec: S,
  chain: readonly SettingScope[],
  overrides: readonly SettingOverride[],
): ResolvedSetting<SettingValue<S>> {
  let value = spec.default as unknown;
  let source: SettingScope = { level: 'platform' };
  let isDefault = true;
  let lockedBy: SettingScope | undefined;
  const shadowed: SettingScope[] = [];
  const invalid: { scope: SettingScope; message: string }[] = [];
  for (const scope of chain) {
    const override = overrides.find((o) => o.key === key && sameScope(o.scope, scope));
    if (!override) continue;
    if (lockedBy) {
      shadowed.push(scope);
      continue;
    }
    if (override.locked) lockedBy = scope;
    const check = validateSettingValue(spec, override.value);
    if (!check.ok) {
      invalid.push({ scope, message: check.message });
      continue;
    }
    value = override.value;
    source = scope;
    isDefault = false;
  }
  return {
    key,
    value: value as SettingValue<S>,
    source,
    isDefault,
    ...(lockedBy ? { lockedBy } : {}),
    shadowed,
    ...(invalid.length > 0 ? { invalid } : {}),
  };
}

/** Resolves every declared setting. */
export function resolveSettings<S extends SettingsSpec>(
  spec: S,
  chain: readonly SettingScope[],
  overrides: readonly SettingOverride[],
): { [K in keyof S]: ResolvedSetting<SettingValue<S[K]>> } {
  const out: Record<string, ResolvedSetting> = {};
  for (const [key, s] of Object.entries(spec)) out[key] = resolveSetting(key, s, chain, overrides);
  return out as { [K in keyof S]: ResolvedSetting<SettingValue<S[K]>> };
}

/** Is a value of the right type and within the spec's bounds? */
export function validateSettingValue(spec: SettingSpec, value: unknown): CheckResult {
  const bad = (why: string) => fail(ErrorCode.INVALID_SETTING_VALUE, why);
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? OK : bad('expected a boolean');
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('expected a number');
      if (spec.integer && !Number.isInteger(value)) return bad('expected an integer');
      if (spec.min !== undefined && value < spec.min) return bad(`must be at least ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) return bad(`must be at most ${spec.max}`);
      return OK;
    case 'string':
      if (typeof value !== 'string') return bad('expected a string');
      return spec.maxLength !== undefined && value.length > spec.maxLength
        ? bad(`must be at most ${spec.maxLength} characters`)
        : OK;
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value)
        ? OK
        : bad(`must be one of ${spec.options.join(', ')}`);
    case 'string[]':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return bad('expected a list of strings');
      return spec.maxItems !== undefined && value.length > spec.maxItems
        ? bad(`at most ${spec.maxItems} items`)
        : OK;
  }
}

/**
 * May a value be set at `scope`? Refused when a level above it in the chain locked the key.
 */
export function checkSettingWritable(
  key: string,
  scope: SettingScope,
  chain: readonly SettingScope[],
  overrides: readonly SettingOverride[],
): CheckResult<{ lockedBy: SettingScope }> {
  for (const level of chain) {
    if (sameScope(level, scope)) return OK;
    const lock = overrides.find((o) => o.key === key && o.locked && sameScope(o.scope, level));
    if (lock) {
      return fail(ErrorCode.SETTING_LOCKED, `"${key}" is locked at the ${level.level} level`, {
        lockedBy: level,
      });
    }
  }
  return OK;
}
