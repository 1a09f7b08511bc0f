/**
 * Bundle size of `@orgkit/react` entries, minified + gzip, with react, react-dom,
 * @tanstack/react-query and radix-ui external (the host ships those anyway); @orgkit/sdk and
 * @orgkit/core are bundled in. Goals (issue 7): hooks-only ≤ 5 kB, components ≤ 25 kB.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'radix-ui'];
const dir = new URL('..', import.meta.url).pathname;

async function gzipSize(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [`${dir}${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    treeShaking: true,
    external: EXTERNAL,
    jsx: 'automatic',
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const line = (name: string, value: number, goal: number) =>
  console.log(
    `BENCH ${name} value=${value} unit=bytes peer=goal peer_value=${goal} ratio=${(value / goal).toFixed(3)}`,
  );
line('react.hooks.bundle.gzip', await gzipSize('src/hooks.ts'), 5_000);
line('react.components.bundle.gzip', await gzipSize('src/index.ts'), 25_000);
