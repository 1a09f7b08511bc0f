import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursors', () => {
  it('round-trip strings (any Unicode) and numbers', () => {
    const values = ['Zoë Ångström 🚀', 42, 'usr_1'];
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 3)).toEqual(values);
  });

  it('read anything malformed as no cursor', () => {
    expect(decodeCursor('not a cursor!', 1)).toBeUndefined();
    expect(decodeCursor(encodeCursor(['a']), 2)).toBeUndefined();
    expect(decodeCursor('e30', 1)).toBeUndefined(); // {}
    expect(decodeCursor('', 1)).toBeUndefined();
  });
});
