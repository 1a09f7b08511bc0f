import { z } from '@hono/zod-openapi';
import type { SettingSpec } from '@orgkit/core';
import { publicScope, resolveAt, type SettingsPlace } from '../../access/settings.js';

/** A setting value: boolean, number, string or list of strings, per the key's type. */
export const SettingValueSchema = z
  .union([z.boolean(), z.number(), z.string().max(10_000), z.array(z.string().max(1000)).max(1000)])
  .openapi('SettingValue');

const ScopeSchema = z
  .object({ level: z.enum(['platform', 'org', 'group', 'user']), id: z.string().nullable() })
  .openapi('SettingLevel');

/** The declaration of a setting key. */
export const SettingSpecSchema = z
  .object({
    type: z.enum(['boolean', 'number', 'string', 'enum', 'string[]']),
    default: SettingValueSchema,
    description: z.string().optional(),
    options: z.array(z.string()).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    maxLength: z.number().optional(),
    maxItems: z.number().optional(),
  })
  .openapi('SettingSpec');

/** An effective value, where it came from, and the override stored at the level asked about. */
export const EffectiveSettingSchema = z
  .object({
    key: z.string(),
    spec: SettingSpecSchema,
    value: SettingValueSchema,
    /** The level that set the value (`platform` with `isDefault` for the code default). */
    source: ScopeSchema,
    isDefault: z.boolean(),
    /** The level whose lock fixes the value for every level below it, if any. */
    lockedBy: ScopeSchema.nullable(),
    /** Overrides below the lock that are ignored because of it. */
    shadowed: z.array(ScopeSchema),
    /** What is stored at the level asked about, if anything. */
    override: z
      .object({ value: SettingValueSchema, locked: z.boolean(), updatedAt: z.string() })
      .nullable(),
  })
  .openapi('EffectiveSetting');

/** A setting in the API's shape. */
export type EffectiveSettingJson = z.infer<typeof EffectiveSettingSchema>;

/** Resolves one key at the bottom of `place` into {@link EffectiveSettingSchema}. */
export function toEffectiveSetting(
  key: string,
  spec: SettingSpec,
  place: SettingsPlace,
): EffectiveSettingJson {
  const { resolved, own } = resolveAt(key, spec, place);
  return {
    key,
    spec: spec as EffectiveSettingJson['spec'],
    value: resolved.value as EffectiveSettingJson['value'],
    source: publicScope(resolved.source),
    isDefault: resolved.isDefault,
    lockedBy: resolved.lockedBy ? publicScope(resolved.lockedBy) : null,
    shadowed: resolved.shadowed.map(publicScope),
    override: own
      ? {
          value: own.value as EffectiveSettingJson['value'],
          locked: own.locked,
          updatedAt: own.updatedAt.toISOString(),
        }
      : null,
  };
}

/** Every declared key resolved at the bottom of `place`. */
export function effectiveSettings(
  specs: Readonly<Record<string, SettingSpec>>,
  place: SettingsPlace,
): EffectiveSettingJson[] {
  return Object.entries(specs).map(([key, spec]) => toEffectiveSetting(key, spec, place));
}

/** A list of effective settings. */
export const SettingListSchema = z
  .object({ level: ScopeSchema, items: z.array(EffectiveSettingSchema) })
  .openapi('SettingList');

/** The `{key}` path parameter. */
export const SettingKey = z.string().min(1).max(100);
