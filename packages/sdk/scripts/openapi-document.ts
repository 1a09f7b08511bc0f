/**
 * Produces the server's OpenAPI document and the SDK's generated types from it, in memory.
 * Used by the `generate` script and by the drift test.
 */
import { generateTypes } from '@orgkit/openapi-codegen';
import { createOrgkitApp, openDatabase } from '@orgkit/server';

export const OPENAPI_PATH = new URL('../openapi.json', import.meta.url);
export const SCHEMA_PATH = new URL('../src/generated/schema.ts', import.meta.url);

/** The committed form of the OpenAPI document: stable, pretty-printed JSON. */
export async function buildArtifacts(): Promise<{ openapi: string; schema: string }> {
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const app = createOrgkitApp({ database, logger: false });
    const res = await app.request('/v1/openapi.json');
    if (!res.ok) throw new Error(`GET /v1/openapi.json answered ${res.status}`);
    const document = (await res.json()) as object;
    return {
      openapi: `${JSON.stringify(document, null, 2)}\n`,
      schema: await generateTypes(document),
    };
  } finally {
    await database.close();
  }
}
