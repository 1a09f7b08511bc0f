import type { Plugin } from 'vite';

/**
 * react-docgen cannot see through `Omit<Props, 'keys'>`, so a drop-in component whose props are
 * its root's minus `children` showed an almost empty table. Before docgen reads a source file,
 * `Omit<T, 'a' | 'b'>` in its type positions becomes `T` (types are erased from the build, so
 * this changes documentation only); after docgen, the omitted keys are removed from the table.
 */
const OMIT = /Omit<\s*([A-Za-z_$][\w$.]*(?:<[^<>]*>)?)\s*,\s*((?:'[^']*'\s*\|?\s*)+)>/g;
const DOCGEN =
  /;([A-Za-z_$][\w$]*)\.__docgenInfo=(\{.*?\})(?=;[A-Za-z_$][\w$]*\.__docgenInfo=|\s*$)/gs;

const omitted = new Map<string, Set<string>>();

function isSource(id: string): boolean {
  return /\/src\/.*\.tsx$/.test(id) && !/\.(stories|test)\.tsx$/.test(id);
}

/** Goes before Storybook's react-docgen plugin. */
export function docgenOmitBefore(): Plugin {
  return {
    name: 'orgkit:docgen-omit-before',
    enforce: 'pre',
    transform(code, id) {
      if (!isSource(id) || !code.includes('Omit<')) return undefined;
      const keys = new Set<string>();
      const out = code.replace(OMIT, (_match, type: string, names: string) => {
        for (const name of names.matchAll(/'([^']*)'/g)) keys.add(name[1]!);
        return type;
      });
      omitted.set(id, keys);
      return { code: out, map: null };
    },
  };
}

/** Goes after Storybook's react-docgen plugin. */
export function docgenOmitAfter(): Plugin {
  return {
    name: 'orgkit:docgen-omit-after',
    enforce: 'pre',
    transform(code, id) {
      const keys = omitted.get(id);
      if (!keys || keys.size === 0 || !code.includes('__docgenInfo=')) return undefined;
      const out = code.replace(DOCGEN, (_match, name: string, json: string) => {
        const info = JSON.parse(json) as { props?: Record<string, unknown> };
        for (const key of keys) delete info.props?.[key];
        return `;${name}.__docgenInfo=${JSON.stringify(info)}`;
      });
      return { code: out, map: null };
    },
  };
}
