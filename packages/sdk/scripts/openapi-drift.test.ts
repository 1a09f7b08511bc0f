import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildArtifacts, OPENAPI_PATH, SCHEMA_PATH } from './openapi-document.js';

describe('generated SDK types', () => {
  it('match what the server produces now (run `pnpm --filter @orgkit/sdk generate` if not)', async () => {
    const { openapi, schema } = await buildArtifacts();
    expect(await readFile(OPENAPI_PATH, 'utf8'), 'openapi.json is stale').toBe(openapi);
    expect(await readFile(SCHEMA_PATH, 'utf8'), 'src/generated/schema.ts is stale').toBe(schema);
  });
});
