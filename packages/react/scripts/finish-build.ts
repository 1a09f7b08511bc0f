/**
 * Completes `dist/` after `tsc`: copies the default theme to `dist/styles.css` and marks every
 * module that runs React on the client with `'use client'`, so React Server Components treat the
 * components and hooks as client references while query options, locales, the mocks and plain
 * helpers stay importable from server code.
 */
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

copyFileSync(join(root, 'src/styles/theme.css'), join(dist, 'styles.css'));

/** Runtime imports (type-only imports are gone after compilation) of one compiled module. */
function runtimeImports(code: string): { specifier: string; names: string }[] {
  const found: { specifier: string; names: string }[] = [];
  for (const m of code.matchAll(/^import\s+(?:([^'"]*?)\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: m[2]!, names: m[1] ?? '' });
  }
  return found;
}

/** Does the module render or call hooks: React, its JSX runtime, Radix, or a TanStack hook? */
export function isClientModule(code: string): boolean {
  return runtimeImports(code).some(
    ({ specifier, names }) =>
      specifier === 'react' ||
      specifier === 'react/jsx-runtime' ||
      specifier === 'radix-ui' ||
      (specifier === '@tanstack/react-query' && /\buse[A-Z]\w*/.test(names)),
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let marked = 0;
for (const file of walk(dist)) {
  if (!file.endsWith('.js')) continue;
  const code = readFileSync(file, 'utf8');
  if (relative(dist, file).startsWith('msw/') || code.startsWith("'use client'")) continue;
  if (!isClientModule(code)) continue;
  writeFileSync(file, `'use client';\n${code}`);
  marked++;
}
console.log(`dist: styles.css copied, 'use client' on ${marked} modules`);
