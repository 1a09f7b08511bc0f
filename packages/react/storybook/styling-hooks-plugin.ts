import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** What a host can style a component by: its `data-*` attributes and CSS variables. */
export interface StylingHooks {
  /** `data-slot` values of its parts. */
  readonly slots: string[];
  /** Other `data-*` attributes its parts carry (`data-state`, `data-kind`…). */
  readonly attributes: string[];
  /** Its own `--orgkit-<component>-*` variables (the shared theme variables apply too). */
  readonly variables: string[];
}

const ID = 'virtual:orgkit-styling-hooks';

/**
 * `import hooks from 'virtual:orgkit-styling-hooks'`: per component folder of `src/`, the
 * attributes its parts render and the variables the stylesheet gives it — read from the source,
 * so the Docs pages' tables never fall behind the code.
 */
export function stylingHooksPlugin(srcDir: string): Plugin {
  return {
    name: 'orgkit:styling-hooks',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const css = readFileSync(join(srcDir, 'styles/theme.css'), 'utf8');
      const out: Record<string, StylingHooks> = {};
      for (const entry of readdirSync(srcDir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const dir = join(srcDir, entry.name);
        const files = readdirSync(dir).filter(
          (f) => f.endsWith('.tsx') && !/\.(test|stories)\.tsx$/.test(f),
        );
        const slots = new Set<string>();
        const attributes = new Set<string>();
        for (const file of files) {
          this.addWatchFile(join(dir, file));
          const code = readFileSync(join(dir, file), 'utf8');
          for (const [, value] of code.matchAll(/data-slot=["']([a-z0-9-]+)["']/g))
            slots.add(value!);
          for (const [, name] of code.matchAll(/\b(data-(?!slot\b)[a-z-]+)=/g))
            attributes.add(name!);
        }
        const variables = new Set(
          [...css.matchAll(new RegExp(`--orgkit-${entry.name}-[a-z0-9-]+`, 'g'))].map((m) => m[0]),
        );
        if (slots.size === 0) continue;
        out[entry.name] = {
          slots: [...slots].sort(),
          attributes: [...attributes].sort(),
          variables: [...variables].sort(),
        };
      }
      return `export default ${JSON.stringify(out)};`;
    },
  };
}
