/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; undefined when it is malformed. */
export function decodeCursor(cursor: string, length: number): (string | number)[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== length) return undefined;
    if (!value.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
    return value as (string | number)[];
  } catch {
    return undefined;
  }
}
