import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { formatMessage, mergeLocale } from './merge-locale.js';
import type { OrgkitLocale } from './types.js';

function leaves(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [path];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('locales', () => {
  it('French translates every string English has', () => {
    expect(leaves(fr).sort()).toEqual(leaves(en).sort());
    const same = leaves(en).filter((p) => {
      const get = (l: OrgkitLocale) =>
        p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], l);
      return get(en) === get(fr);
    });
    // Words that are the same in both languages.
    expect(same).toEqual([
      'orgSwitcher.kinds.client',
      'teamTable.columns.actions',
      'roleMatrix.permission',
      'apiKeys.status.active',
    ]);
  });

  it('merges deep-partial overrides without touching the base', () => {
    const merged = mergeLocale(fr, { orgSwitcher: { label: 'Espace' } }, undefined);
    expect(merged.orgSwitcher.label).toBe('Espace');
    expect(merged.orgSwitcher.placeholder).toBe(fr.orgSwitcher.placeholder);
    expect(merged.common).toBe(fr.common);
    expect(fr.orgSwitcher.label).toBe('Organisation');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(formatMessage(en.orgSwitcher.noResults, { query: 'ac' })).toBe(
      'No organization matches “ac”.',
    );
    expect(formatMessage('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
