import type { DeepPartial } from '../lib/types.js';
import type { OrgkitLocale } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: Record<string, unknown>, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isObject(value) && isObject(base[key]) ? merge(base[key], value) : value;
  }
  return out;
}

/**
 * A complete locale from a base and deep-partial overrides.
 *
 * @example
 * const mine = mergeLocale(fr, { orgSwitcher: { label: 'Espace' } });
 */
export function mergeLocale(
  base: OrgkitLocale,
  ...overrides: (DeepPartial<OrgkitLocale> | undefined)[]
): OrgkitLocale {
  let out = base as unknown as Record<string, unknown>;
  for (const patch of overrides) if (patch) out = merge(out, patch as Record<string, unknown>);
  return out as unknown as OrgkitLocale;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function formatMessage(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
