import { randomHex } from './tokens.js';

/** A random, URL-safe id with a readable type prefix, e.g. `org_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomHex(12)}`;
}

let lastMs = 0;
let counter = 0;

/**
 * An id that sorts by creation time within a process (time, then a counter), so lists ordered
 * by `(created_at, id)` keep insertion order for rows written in the same millisecond.
 */
export function newSortableId(prefix: string, now = Date.now()): string {
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  const time = now.toString(16).padStart(12, '0');
  const seq = counter.toString(16).padStart(6, '0');
  return `${prefix}_${time}${seq}${randomHex(5)}`;
}
