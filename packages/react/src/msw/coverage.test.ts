// @vitest-environment node
/**
 * Every route of the committed OpenAPI document has a mock handler, so hosts' tests and our
 * stories never fall through to the network. A route the server adds fails this test until the
 * mocks serve it (and the contract test compares them).
 */
import openapi from '@orgkit/sdk/openapi.json' with { type: 'json' };
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOrgkitMockApi } from './create-orgkit-mock-api.js';

/** Routes the mocks deliberately leave out. */
const NOT_MOCKED = new Set<string>([]);

describe('MSW mock coverage', () => {
  it('serves every route of the OpenAPI document', async () => {
    const api = createOrgkitMockApi({ baseUrl: 'http://orgkit.test' });
    const paths = (openapi as { paths: Record<string, Record<string, unknown>> }).paths;
    const missing: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of Object.keys(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const route = `${method.toUpperCase()} ${path}`;
        if (NOT_MOCKED.has(route)) continue;
        checked++;
        const url = `http://orgkit.test${path.replace(/\{[^}]+\}/g, 'x')}`;
        const request = new Request(url, {
          method: method.toUpperCase(),
          ...(method === 'get' || method === 'delete'
            ? {}
            : { body: '{}', headers: { 'content-type': 'application/json' } }),
        });
        if (!(await getResponse(api.handlers, request))) missing.push(route);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing, `Routes without a mock handler:\n${missing.join('\n')}`).toEqual([]);
  });
});
