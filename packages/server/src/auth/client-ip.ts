import { ipBytes, ipFamily } from '../lib/ip.js';

/** Longest `X-Forwarded-For` value read; a longer one is ignored as a whole. */
const MAX_FORWARDED_LENGTH = 1024;
/** Most hops read from `X-Forwarded-For`; a longer chain is ignored as a whole. */
const MAX_FORWARDED_HOPS = 16;

/** Decides who the client of a request is, given the proxies the deployment trusts. */
export interface ClientIpResolver {
  /**
   * The client's address: the socket peer, or — only when the peer is a trusted proxy — the
   * nearest untrusted hop of `X-Forwarded-For`. A header that is not a well-formed list of IP
   * addresses is ignored. Null when the runtime exposes no socket address.
   */
  resolve(peer: string | undefined, forwardedFor: string | undefined): string | null;
}

/** An IP address in canonical text, IPv4-mapped IPv6 shown as IPv4; undefined when invalid. */
export function parseIp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text)?.[1];
  if (mapped && ipFamily(mapped) === 4) return mapped;
  return ipFamily(text) ? text.toLowerCase() : undefined;
}

/**
 * Builds the trusted-proxy list: IP addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`).
 * Throws on an entry that is neither, so a typo fails at start-up rather than trusting nobody.
 */
export function createClientIpResolver(trustedProxies: readonly string[]): ClientIpResolver {
  const ranges: { family: 4 | 6; bytes: number[]; bits: number }[] = [];
  for (const entry of trustedProxies) {
    const [address, bits, extra] = entry.trim().split('/');
    const ip = parseIp(address);
    const family = ip ? ipFamily(ip) : 0;
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      !ip ||
      !family ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    ) {
      throw new Error(`trustedProxies: "${entry}" is not an IP address or CIDR range`);
    }
    ranges.push({ family, bytes: ipBytes(ip) ?? [], bits: prefix ?? max });
  }
  const trusted = (ip: string) => {
    const family = ipFamily(ip);
    const bytes = ipBytes(ip);
    return (
      bytes !== undefined &&
      ranges.some((r) => r.family === family && samePrefix(r.bytes, bytes, r.bits))
    );
  };
  return {
    resolve(rawPeer, forwardedFor) {
      const peer = parseIp(rawPeer) ?? null;
      if (!peer || trustedProxies.length === 0 || !trusted(peer)) return peer;
      if (!forwardedFor || forwardedFor.length > MAX_FORWARDED_LENGTH) return peer;
      const hops = forwardedFor.split(',');
      if (hops.length > MAX_FORWARDED_HOPS) return peer;
      const parsed = hops.map((h) => parseIp(h));
      if (parsed.some((h) => h === undefined)) return peer;
      // Right to left: each trusted proxy appended the address it saw; the first hop that is
      // not one of ours is the client.
      for (let i = parsed.length - 1; i >= 0; i--) {
        if (!trusted(parsed[i]!)) return parsed[i]!;
      }
      return parsed[0] ?? peer;
    },
  };
}

/** Do `a` and `b` agree on their first `bits` bits? */
function samePrefix(a: readonly number[], b: readonly number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const mask = bits - i >= 8 ? 0xff : (0xff << (8 - (bits - i))) & 0xff;
    if (((a[i / 8] ?? 0) & mask) !== ((b[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}
