import type { Catalog } from '../catalog/define-catalog.js';
import { containsAll, decodeWords, encodeWords, iterateBits, testBit, wordsFor } from './bits.js';

/** The JSON form of a {@link PermissionSet}, as sent by `GET /v1/me/permissions`. */
export interface SerializedPermissionSet {
  /** Format version. */
  readonly v: 1;
  /** Fingerprint of the catalog the bits index into. */
  readonly catalog: string;
  /** Bitset over the catalog's permissions, URL-safe base64. */
  readonly bits: string;
}

/**
 * A member's effective permissions in one organization, compiled to a bitset over the catalog.
 * `has` is a map lookup and a bit test: constant time, the same code in server and browser.
 */
export class PermissionSet<P extends string = string> {
  readonly catalog: Catalog<P>;
  /** @internal the raw bits; treat as read-only. */
  readonly words: Uint32Array;

  constructor(catalog: Catalog<P>, words?: Uint32Array) {
    this.catalog = catalog;
    this.words = words ?? new Uint32Array(wordsFor(catalog.size));
  }

  /** A set holding no permission. */
  static empty<P extends string>(catalog: Catalog<P>): PermissionSet<P> {
    return new PermissionSet(catalog);
  }

  /** A set holding every permission of the catalog (platform admins). */
  static full<P extends string>(catalog: Catalog<P>): PermissionSet<P> {
    const words = new Uint32Array(wordsFor(catalog.size)).fill(0xffffffff);
    const rest = catalog.size & 31;
    if (rest !== 0) words[words.length - 1] = (2 ** rest - 1) >>> 0;
    return new PermissionSet(catalog, words);
  }

  /** Builds a set from a list of permissions; unknown strings are ignored. */
  static of<P extends string>(
    catalog: Catalog<P>,
    permissions: Iterable<string>,
  ): PermissionSet<P> {
    const words = new Uint32Array(wordsFor(catalog.size));
    for (const p of permissions) {
      const i = catalog.indexOf(p);
      if (i >= 0) words[i >>> 5] = (words[i >>> 5]! | (1 << (i & 31))) >>> 0;
    }
    return new PermissionSet(catalog, words);
  }

  /**
   * Restores a set sent by the server. Returns undefined when it was compiled against another
   * catalog (a stale client must refetch rather than guess).
   */
  static fromJSON<P extends string>(
    catalog: Catalog<P>,
    json: SerializedPermissionSet,
  ): PermissionSet<P> | undefined {
    if (json.v !== 1 || json.catalog !== catalog.fingerprint) return undefined;
    const words = decodeWords(json.bits, wordsFor(catalog.size));
    return words && new PermissionSet(catalog, words);
  }

  /** Does the set contain the permission? Unknown permissions are never contained. */
  has(permission: P): boolean {
    const i = this.catalog.indexOf(permission);
    return i >= 0 && (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** True when every listed permission is contained. */
  hasAll(permissions: Iterable<P>): boolean {
    for (const p of permissions) if (!this.has(p)) return false;
    return true;
  }

  /** True when at least one listed permission is contained. */
  hasAny(permissions: Iterable<P>): boolean {
    for (const p of permissions) if (this.has(p)) return true;
    return false;
  }

  /** Is every permission of `other` also in this set? */
  covers(other: PermissionSet<P>): boolean {
    return containsAll(this.words, other.words);
  }

  /** Permissions of `other` missing from this set. */
  missing(other: PermissionSet<P>): P[] {
    const out: P[] = [];
    for (const i of iterateBits(other.words)) {
      if (!testBit(this.words, i)) out.push(this.catalog.permissions[i]!);
    }
    return out;
  }

  /** The intersection of two sets (e.g. an API key's scope and its user's permissions). */
  intersect(other: PermissionSet<P>): PermissionSet<P> {
    const words = new Uint32Array(this.words.length);
    for (let w = 0; w < words.length; w++) words[w] = (this.words[w]! & other.words[w]!) >>> 0;
    return new PermissionSet(this.catalog, words);
  }

  /** Number of permissions held. */
  get size(): number {
    let n = 0;
    for (const _ of iterateBits(this.words)) n++;
    return n;
  }

  /** The held permissions, in catalog order. */
  list(): P[] {
    return [...iterateBits(this.words)].map((i) => this.catalog.permissions[i]!);
  }

  toJSON(): SerializedPermissionSet {
    return { v: 1, catalog: this.catalog.fingerprint, bits: encodeWords(this.words) };
  }
}
