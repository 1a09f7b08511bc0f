import { randomBytes } from 'node:crypto';

/** A random, URL-safe id with a readable type prefix, e.g. `org_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}
