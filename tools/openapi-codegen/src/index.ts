/**
 * Turns an OpenAPI 3.1 document into TypeScript types (openapi-typescript). Runs at build time
 * only; the generated file is committed and CI fails when it is stale.
 */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const HEADER = `/**
 * Generated from the Orgkit server's OpenAPI document by \`pnpm --filter @orgkit/sdk generate\`.
 * Do not edit by hand: CI fails when this file differs from what the server produces.
 */

`;

/** The TypeScript source for `document`'s `paths`, `components` and `operations` types. */
export async function generateTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, {
    alphabetize: true,
    defaultNonNullable: true,
  });
  return HEADER + astToString(ast);
}
