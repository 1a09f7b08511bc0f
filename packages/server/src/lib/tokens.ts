import { encodeBase64url } from './base64url.js';

// Web Crypto only (globalThis.crypto): the same code runs per request in Node and in a browser.

/** `bytes` random bytes. */
export function randomBytes(bytes: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** `bytes` random bytes as hex (twice as many characters). */
export function randomHex(bytes: number): string {
  return toHex(randomBytes(bytes));
}

/** A random secret (256 bits by default), URL-safe base64. */
export function generateToken(bytes = 32): string {
  return encodeBase64url(randomBytes(bytes));
}

const encoder = new TextEncoder();

/** SHA-256 hex digest: how tokens, session ids and API keys are stored. */
export async function sha256(value: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value))));
}

/** Constant-time string comparison (time depends on the length only). */
export function safeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= (x[i] as number) ^ (y[i] as number);
  return diff === 0;
}
