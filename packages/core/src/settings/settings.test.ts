import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-codes.js';
import {
  checkSettingWritable,
  defineSettings,
  resolveSetting,
  resolveSettings,
  settingsChain,
  validateSettingValue,
} from './resolve-settings.js';
import type { SettingOverride } from './types.js';

const spec = defineSettings({
  theme: { type: 'enum', default: 'light', options: ['light', 'dark'] },
  quota: { type: 'number', default: 10, min: 0, max: 1000, integer: true },
  banner: { type: 'string', default: '' },
});
const chain = settingsChain({
  orgPath: ['partner', 'client'],
  groupIds: ['g1', 'g2'],
  userId: 'u1',
});

describe('settings waterfall', () => {
  it('builds the chain platform → ancestor orgs → org → groups → user', () => {
    expect(chain.map((s) => `${s.level}:${s.id ?? ''}`)).toEqual([
      'platform:',
      'org:partner',
      'org:client',
      'group:g1',
      'group:g2',
      'user:u1',
    ]);
  });

  it('falls back to the platform default and says so', () => {
    expect(resolveSetting('quota', spec.quota, chain, [])).toMatchObject({
      value: 10,
      isDefault: true,
      source: { level: 'platform' },
    });
  });

  it('takes the nearest level that sets the key and reports it', () => {
    const overrides: SettingOverride[] = [
      { key: 'quota', scope: { level: 'org', id: 'partner' }, value: 50 },
      { key: 'quota', scope: { level: 'group', id: 'g2' }, value: 70 },
      { key: 'quota', scope: { level: 'group', id: 'g1' }, value: 60 },
    ];
    // g2 comes after g1 in the chain: it is nearer to the user
    expect(resolveSetting('quota', spec.quota, chain, overrides)).toMatchObject({
      value: 70,
      source: { level: 'group', id: 'g2' },
    });
    const userToo = [
      ...overrides,
      { key: 'quota', scope: { level: 'user' as const, id: 'u1' }, value: 5 },
    ];
    expect(resolveSetting('quota', spec.quota, chain, userToo)).toMatchObject({
      value: 5,
      source: { level: 'user', id: 'u1' },
    });
  });

  it('a lock fixes the value for every level below and reports what it shadows', () => {
    const overrides: SettingOverride[] = [
      { key: 'theme', scope: { level: 'org', id: 'partner' }, value: 'dark', locked: true },
      { key: 'theme', scope: { level: 'org', id: 'client' }, value: 'light' },
      { key: 'theme', scope: { level: 'user', id: 'u1' }, value: 'light' },
    ];
    const r = resolveSetting('theme', spec.theme, chain, overrides);
    expect(r).toMatchObject({
      value: 'dark',
      source: { level: 'org', id: 'partner' },
      lockedBy: { level: 'org', id: 'partner' },
    });
    expect(r.shadowed).toEqual([
      { level: 'org', id: 'client' },
      { level: 'user', id: 'u1' },
    ]);
    expect(
      checkSettingWritable('theme', { level: 'user', id: 'u1' }, chain, overrides),
    ).toMatchObject({
      ok: false,
      code: ErrorCode.SETTING_LOCKED,
      lockedBy: { level: 'org', id: 'partner' },
    });
    expect(
      checkSettingWritable('theme', { level: 'org', id: 'partner' }, chain, overrides).ok,
    ).toBe(true);
    expect(checkSettingWritable('quota', { level: 'user', id: 'u1' }, chain, overrides).ok).toBe(
      true,
    );
  });

  it('ignores stored values that no longer validate', () => {
    const overrides: SettingOverride[] = [
      { key: 'theme', scope: { level: 'org', id: 'client' }, value: 'neon' },
    ];
    expect(resolveSetting('theme', spec.theme, chain, overrides).value).toBe('light');
  });

  it('resolves every declared key at once', () => {
    const all = resolveSettings(spec, chain, [
      { key: 'banner', scope: { level: 'platform' }, value: 'Hello' },
    ]);
    expect(all.banner).toMatchObject({
      value: 'Hello',
      isDefault: false,
      source: { level: 'platform' },
    });
    expect(all.theme.value).toBe('light');
  });

  it('validates types and bounds', () => {
    expect(validateSettingValue(spec.quota, 5).ok).toBe(true);
    expect(validateSettingValue(spec.quota, 5.5).ok).toBe(false);
    expect(validateSettingValue(spec.quota, 1001).ok).toBe(false);
    expect(validateSettingValue(spec.quota, '5').ok).toBe(false);
    expect(validateSettingValue(spec.theme, 'dark').ok).toBe(true);
    expect(validateSettingValue(spec.theme, 'pink').ok).toBe(false);
    expect(validateSettingValue({ type: 'boolean', default: false }, 'true').ok).toBe(false);
    expect(
      validateSettingValue({ type: 'string[]', default: [], maxItems: 1 }, ['a', 'b']).ok,
    ).toBe(false);
    expect(validateSettingValue({ type: 'string', default: '', maxLength: 2 }, 'abc').ok).toBe(
      false,
    );
  });
});

describe('a locked override whose value the spec no longer accepts', () => {
  // the org locked 80 while max was 100; max is now 50
  const lowered = { type: 'number', default: 10, min: 0, max: 50 } as const;
  const stored: SettingOverride[] = [
    { key: 'quota', scope: { level: 'org', id: 'client' }, value: 80, locked: true },
    { key: 'quota', scope: { level: 'group', id: 'g1' }, value: 40 },
  ];

  it('keeps the lock: levels below stay shadowed, as writability says', () => {
    const resolved = resolveSetting('quota', lowered, chain, stored);
    expect(resolved.lockedBy).toEqual({ level: 'org', id: 'client' });
    expect(resolved.shadowed).toEqual([{ level: 'group', id: 'g1' }]);
    expect(resolved.value).not.toBe(40);
    expect(
      checkSettingWritable('quota', { level: 'group', id: 'g1' }, chain, stored),
    ).toMatchObject({ ok: false, code: ErrorCode.SETTING_LOCKED });
  });

  it('reports the invalid value and falls back to the levels above it', () => {
    expect(resolveSetting('quota', lowered, chain, stored)).toMatchObject({
      value: 10,
      isDefault: true,
      source: { level: 'platform' },
      invalid: [{ scope: { level: 'org', id: 'client' }, message: 'must be at most 50' }],
    });
    const above = [
      ...stored,
      { key: 'quota', scope: { level: 'org', id: 'partner' }, value: 30 },
    ] satisfies SettingOverride[];
    expect(resolveSetting('quota', lowered, chain, above)).toMatchObject({
      value: 30,
      source: { level: 'org', id: 'partner' },
      lockedBy: { level: 'org', id: 'client' },
    });
  });

  it('an unlocked invalid value is reported and skipped; the nearest valid one wins', () => {
    const resolved = resolveSetting('quota', lowered, chain, [
      { key: 'quota', scope: { level: 'org', id: 'client' }, value: 40 },
      { key: 'quota', scope: { level: 'user', id: 'u1' }, value: 'lots' },
    ]);
    expect(resolved).toMatchObject({ value: 40, source: { level: 'org', id: 'client' } });
    expect(resolved.invalid).toEqual([
      { scope: { level: 'user', id: 'u1' }, message: 'expected a number' },
    ]);
  });
});
