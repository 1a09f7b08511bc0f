import { decodeBase64url, encodeBase64url } from './base64url.js';

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return encodeBase64url(new TextEncoder().encode(JSON.stringify(values)));
}

/** Decodes a cursor made by {@link encodeCursor}; undefined when it is malformed. */
export function decodeCursor(cursor: string, length: number): (string | number)[] | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(decodeBase64url(cursor)));
    if (!Array.isArray(value) || value.length !== length) return undefined;
    if (!value.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
    return value as (string | number)[];
  } catch {
    return undefined;
  }
}
