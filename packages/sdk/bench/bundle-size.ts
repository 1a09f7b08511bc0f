/**
 * Bundle size of the SDK (minified + gzip, openapi-fetch included) against peers built the same
 * way in the same run: openapi-fetch alone (the floor) and better-auth's client with its
 * organization plugin (the client a better-auth host ships for the same job).
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

async function gzipSize(contents: string, resolveDir: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const dir = new URL('..', import.meta.url).pathname;
const ours = await gzipSize(
  `export { createOrgkitClient, paginate, OrgkitError, unwrap } from './src/index.ts';`,
  dir,
);
const floor = await gzipSize(`export { default } from 'openapi-fetch';`, dir);
const betterAuth = await gzipSize(
  `export { createAuthClient } from 'better-auth/client'; export { organizationClient } from 'better-auth/client/plugins';`,
  dir,
);
const line = (peer: string, value: number) =>
  console.log(
    `BENCH sdk.bundle.gzip value=${ours} unit=bytes peer=${peer} peer_value=${value} ratio=${(ours / value).toFixed(3)}`,
  );
line('openapi-fetch', floor);
line('better-auth/client+organizationClient', betterAuth);
