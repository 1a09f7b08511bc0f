import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { API_REFERENCE_PACKAGE } from './docs.js';

/**
 * A reader of the API reference's browser bundle from the installed optional package (Node
 * entry), or undefined when it is not installed.
 */
export function locateScalarBundle(): (() => Promise<string>) | undefined {
  try {
    const path = createRequire(import.meta.url).resolve(
      `${API_REFERENCE_PACKAGE}/browser/standalone.js`,
    );
    return () => readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
