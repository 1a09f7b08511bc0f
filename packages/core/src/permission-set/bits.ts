/** Low-level helpers over a Uint32Array used as a bitset. */

export function wordsFor(size: number): number {
  return (size + 31) >>> 5;
}

export function setBit(words: Uint32Array, i: number): void {
  words[i >>> 5] = (words[i >>> 5]! | (1 << (i & 31))) >>> 0;
}

export function testBit(words: Uint32Array, i: number): boolean {
  return (words[i >>> 5]! & (1 << (i & 31))) !== 0;
}

/** target |= source; returns true when target changed. */
export function orInto(target: Uint32Array, source: Uint32Array): boolean {
  let changed = false;
  for (let w = 0; w < target.length; w++) {
    const next = (target[w]! | source[w]!) >>> 0;
    if (next !== target[w]) {
      target[w] = next;
      changed = true;
    }
  }
  return changed;
}

/** Is every bit of `subset` also set in `superset`? */
export function containsAll(superset: Uint32Array, subset: Uint32Array): boolean {
  for (let w = 0; w < subset.length; w++) {
    if ((subset[w]! & ~superset[w]!) !== 0) return false;
  }
  return true;
}

export function clearBits(target: Uint32Array, remove: Uint32Array): void {
  for (let w = 0; w < target.length; w++) target[w] = (target[w]! & ~remove[w]!) >>> 0;
}

export function* iterateBits(words: Uint32Array): Generator<number> {
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      yield (w << 5) + (31 - Math.clz32(low));
      word = (word ^ low) >>> 0;
    }
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Encodes words as URL-safe base64 (little-endian bytes), without Buffer, for browsers too. */
export function encodeWords(words: Uint32Array): string {
  const bytes = new Uint8Array(words.length * 4);
  for (let w = 0; w < words.length; w++) {
    const v = words[w]!;
    bytes[w * 4] = v & 0xff;
    bytes[w * 4 + 1] = (v >>> 8) & 0xff;
    bytes[w * 4 + 2] = (v >>> 16) & 0xff;
    bytes[w * 4 + 3] = (v >>> 24) & 0xff;
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += B64[a >>> 2]! + B64[((a & 3) << 4) | (b >>> 4)]!;
    if (i + 1 < bytes.length) out += B64[((b & 15) << 2) | (c >>> 6)]!;
    if (i + 2 < bytes.length) out += B64[c & 63]!;
  }
  return out;
}

/** Decodes {@link encodeWords}; returns undefined on malformed input. */
export function decodeWords(text: string, wordCount: number): Uint32Array | undefined {
  const bytes = new Uint8Array(wordCount * 4);
  let byte = 0;
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (byte >= bytes.length) return undefined;
      bytes[byte++] = (buffer >>> bits) & 0xff;
    }
  }
  if (byte !== bytes.length) return undefined;
  const words = new Uint32Array(wordCount);
  for (let w = 0; w < wordCount; w++) {
    words[w] =
      (bytes[w * 4]! |
        (bytes[w * 4 + 1]! << 8) |
        (bytes[w * 4 + 2]! << 16) |
        (bytes[w * 4 + 3]! << 24)) >>>
      0;
  }
  return words;
}
