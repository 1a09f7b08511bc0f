import { describe, expect, it } from 'vitest';
import { defineCatalog } from './define-catalog.js';
import { describeCatalog } from './describe-catalog.js';

describe('describeCatalog', () => {
  it('lists module → section → resource → action in declaration order, with labels', () => {
    const catalog = defineCatalog({
      work: {
        label: 'Work',
        sections: {
          projects: {
            resources: {
              projects: { label: 'Projects', acl: true, actions: { read: 'Open', run: 'Run' } },
            },
          },
        },
      },
      support: {
        exclusiveRoles: true,
        sections: { level: { resources: { level: { actions: { l1: 'L1', l2: 'L2' } } } } },
      },
    });
    const d = describeCatalog(catalog);
    expect(d.fingerprint).toBe(catalog.fingerprint);
    expect(d.exclusiveModules).toEqual(['support']);
    expect(d.modules.map((m) => [m.module, m.label, m.exclusiveRoles])).toEqual([
      ['work', 'Work', false],
      ['support', 'support', true],
    ]);
    const projects = d.modules[0]!.sections[0]!.resources[0]!;
    expect(projects).toMatchObject({ resource: 'projects', label: 'Projects', acl: true });
    expect(projects.actions.map((a) => [a.permission, a.label])).toEqual([
      ['projects:read', 'Open'],
      ['projects:run', 'Run'],
      ['projects:all', expect.any(String)],
    ]);
    expect(d.modules[0]!.sections[0]!.label).toBe('projects');
  });
});
