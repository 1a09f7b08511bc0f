import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The Scalar browser bundle from the installed package (Node entry), for offline `/docs`. */
export function readScalarBundle(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve('@scalar/api-reference/browser/standalone.js'), 'utf8');
}
