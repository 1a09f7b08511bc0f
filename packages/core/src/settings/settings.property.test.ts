import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns, PROPERTY_TIMEOUT as TIMEOUT } from '../test-support/property-runs.js';
import { rng } from '../test-support/random-world.js';
import { checkSettingWritable, resolveSetting, settingsChain } from './resolve-settings.js';
import type { SettingOverride, SettingScope, SettingSpec } from './types.js';

type R = ReturnType<typeof rng>;

/** A spec, and the same spec after an edit (bounds moved, options dropped, type changed). */
function specs(r: R): { before: SettingSpec; after: SettingSpec; value: () => unknown } {
  const kind = r.int(3);
  if (kind === 0) {
    const max = 10 + r.int(90);
    return {
      before: { type: 'number', default: 0, min: 0, max },
      after: r.chance(0.8)
        ? { type: 'number', default: 0, min: r.int(5), max: r.int(max + 1) }
        : { type: 'string', default: '' },
      value: () => r.int(max + 1),
    };
  }
  if (kind === 1) {
    const options = ['a', 'b', 'c', 'd'];
    return {
      before: { type: 'enum', default: 'a', options },
      after: { type: 'enum', default: 'a', options: ['a', ...r.some(options.slice(1), 0.5)] },
      value: () => r.pick(options),
    };
  }
  return {
    before: { type: 'string', default: '', maxLength: 8 },
    after: { type: 'string', default: '', maxLength: r.int(9) },
    value: () => 'x'.repeat(r.int(9)),
  };
}

/** The documented rules, the plain way. */
function expected(spec: SettingSpec, chain: readonly SettingScope[], stored: SettingOverride[]) {
  const at = (s: SettingScope) =>
    stored.find((o) => o.scope.level === s.level && (o.scope.id ?? null) === (s.id ?? null));
  const lockIndex = chain.findIndex((s) => at(s)?.locked === true);
  const open = lockIndex < 0 ? chain : chain.slice(0, lockIndex + 1);
  let value: unknown = spec.default;
  let source: SettingScope = { level: 'platform' };
  let isDefault = true;
  const invalid: SettingScope[] = [];
  for (const s of open) {
    const o = at(s);
    if (!o) continue;
    const ok = (() => {
      switch (spec.type) {
        case 'number':
          return (
            typeof o.value === 'number' &&
            (spec.min === undefined || o.value >= spec.min) &&
            (spec.max === undefined || o.value <= spec.max)
          );
        case 'enum':
          return typeof o.value === 'string' && spec.options.includes(o.value);
        case 'string':
          return (
            typeof o.value === 'string' &&
            (spec.maxLength === undefined || o.value.length <= spec.maxLength)
          );
        default:
          return false;
      }
    })();
    if (ok) {
      value = o.value;
      source = s;
      isDefault = false;
    } else invalid.push(s);
  }
  return {
    value,
    source,
    isDefault,
    lockedBy: lockIndex < 0 ? undefined : chain[lockIndex],
    shadowed: lockIndex < 0 ? [] : chain.slice(lockIndex + 1).filter((s) => at(s) !== undefined),
    invalid,
  };
}

describe('settings waterfall with specs changed after values were stored', () => {
  it(
    'resolves as the rules say, and resolution and writability agree on locks',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          const r = rng(seed);
          const { after, value } = specs(r);
          const depth = 1 + r.int(12);
          const chain = settingsChain({
            orgPath: Array.from({ length: depth }, (_, i) => `o${i}`),
            groupIds: Array.from({ length: r.int(4) }, (_, i) => `g${i}`),
            userId: 'u',
          });
          const stored: SettingOverride[] = r
            .some(chain, 0.5)
            .map((scope) => ({ key: 'k', scope, value: value(), locked: r.chance(0.2) }));
          const resolved = resolveSetting('k', after, chain, stored);
          const want = expected(after, chain, stored);
          expect(resolved.value).toEqual(want.value);
          expect(resolved.source).toEqual(want.source);
          expect(resolved.isDefault).toBe(want.isDefault);
          expect(resolved.lockedBy).toEqual(want.lockedBy);
          expect(resolved.shadowed).toEqual(want.shadowed);
          expect((resolved.invalid ?? []).map((i) => i.scope)).toEqual(want.invalid);
          // a level may be written exactly when no level above it holds a lock
          chain.forEach((scope, i) => {
            const writable = checkSettingWritable('k', scope, chain, stored).ok;
            const lockAbove =
              resolved.lockedBy !== undefined && chain.indexOf(resolved.lockedBy) < i;
            expect(writable).toBe(!lockAbove);
          });
        }),
        { numRuns: propertyRuns(2000) },
      );
    },
    TIMEOUT,
  );
});
