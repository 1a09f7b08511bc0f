import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { orgkitKeys } from './orgkit-keys.js';

describe('orgkitKeys', () => {
  it('nests every key under orgkit → resource → scope', () => {
    expect(orgkitKeys.members.list('o1', { role: 'admin' })).toEqual([
      'orgkit',
      'members',
      'o1',
      'list',
      { role: 'admin' },
    ]);
    expect(orgkitKeys.members.detail('o1', 'u1')).toEqual([
      'orgkit',
      'members',
      'o1',
      'detail',
      'u1',
    ]);
    expect(orgkitKeys.permissions.detail('o1')).toEqual(['orgkit', 'permissions', 'o1']);
    expect(orgkitKeys.session()[0]).toBe('orgkit');
  });

  it('invalidating a parent clears its children and nothing else', async () => {
    const qc = new QueryClient();
    const keys = [
      orgkitKeys.members.list('o1', {}),
      orgkitKeys.members.list('o1', { search: 'a' }),
      orgkitKeys.members.detail('o1', 'u1'),
      orgkitKeys.members.list('o2', {}),
      orgkitKeys.invitations.list('o1', {}),
    ];
    for (const key of keys) qc.setQueryData(key, 1);
    await qc.invalidateQueries({ queryKey: orgkitKeys.members.org('o1') });
    expect(keys.map((k) => qc.getQueryState(k)?.isInvalidated)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
