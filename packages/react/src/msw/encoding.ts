/** Opaque cursors like the server's: base64url of a JSON array. */
export function encodeCursor(values: readonly (string | number)[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes {@link encodeCursor}; undefined when malformed or of the wrong length. */
export function decodeCursor(cursor: string, length: number): (string | number)[] | undefined {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(value) || value.length !== length) return undefined;
    if (!value.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
    return value as (string | number)[];
  } catch {
    return undefined;
  }
}

function hex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return [...buf].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random id with a type prefix, like the server's (`org_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${hex(12)}`;
}

let lastMs = 0;
let counter = 0;

/** An id that sorts by creation time, like the server's sortable ids. */
export function newSortableId(prefix: string, now: number): string {
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  return `${prefix}_${now.toString(16).padStart(12, '0')}${counter.toString(16).padStart(6, '0')}${hex(5)}`;
}

/** The server's e-mail check and list parsing (pasted lists). */
const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$/;
export const isEmail = (email: string) => email.length <= 254 && EMAIL_RE.test(email);
export function parseEmailList(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? [input] : input).flatMap((s) => s.split(/[\s,;]+/));
  const out: string[] = [];
  for (const part of parts) {
    const email = part.trim().toLowerCase();
    if (email && !out.includes(email)) out.push(email);
  }
  return out;
}
