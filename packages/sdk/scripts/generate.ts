/**
 * `pnpm --filter @orgkit/sdk generate` rewrites openapi.json and src/generated/schema.ts from the
 * server; with `--check` it only compares and exits 1 when they are stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildArtifacts, OPENAPI_PATH, SCHEMA_PATH } from './openapi-document.js';

const check = process.argv.includes('--check');
const { openapi, schema } = await buildArtifacts();
const read = (url: URL) => readFile(url, 'utf8').catch(() => '');

if (check) {
  const stale = [
    (await read(OPENAPI_PATH)) === openapi ? undefined : 'openapi.json',
    (await read(SCHEMA_PATH)) === schema ? undefined : 'src/generated/schema.ts',
  ].filter(Boolean);
  if (stale.length > 0) {
    console.error(`Stale: ${stale.join(', ')}. Run: pnpm --filter @orgkit/sdk generate`);
    process.exit(1);
  }
  console.log('OpenAPI document and generated types are up to date.');
} else {
  await writeFile(OPENAPI_PATH, openapi);
  await writeFile(SCHEMA_PATH, schema);
  console.log('Wrote openapi.json and src/generated/schema.ts');
}
