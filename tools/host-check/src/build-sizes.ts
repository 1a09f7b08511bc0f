import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from './host.js';

/** Gzip sizes of the host's production build, and of the same app without Orgkit. */
export interface BuildSizes {
  /** All JavaScript of the host build, gzip level 9. */
  readonly jsGzip: number;
  /** The React + TanStack Query floor: the baseline app's JavaScript. */
  readonly baselineJsGzip: number;
  /** What Orgkit adds: `jsGzip - baselineJsGzip`. */
  readonly orgkitJsGzip: number;
  /** All CSS of the host build (Orgkit's theme). */
  readonly cssGzip: number;
}

function gzipOf(dir: string, ext: string): number {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith(ext))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
}

/** Runs `vite build` for the host and for the baseline in `dir`, and measures both. */
export function buildAndMeasure(dir: string): BuildSizes {
  // A test runner's NODE_ENV=test would otherwise select React's development build.
  const env = { NODE_ENV: 'production' };
  run(dir, 'npx', ['vite', 'build', '--logLevel', 'warn'], env);
  run(dir, 'npx', ['vite', 'build', '-c', 'vite.baseline.config.ts', '--logLevel', 'warn'], env);
  const jsGzip = gzipOf(join(dir, 'dist'), '.js');
  const baselineJsGzip = gzipOf(join(dir, 'dist-baseline'), '.js');
  return {
    jsGzip,
    baselineJsGzip,
    orgkitJsGzip: jsGzip - baselineJsGzip,
    cssGzip: gzipOf(join(dir, 'dist'), '.css'),
  };
}
