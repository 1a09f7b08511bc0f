import { BlockList, isIP } from 'node:net';

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
  if (mapped && isIP(mapped) === 4) return mapped;
  return isIP(text) ? text.toLowerCase() : undefined;
}

/**
 * Builds the trusted-proxy list: IP addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`).
 * Throws on an entry that is neither, so a typo fails at start-up rather than trusting nobody.
 */
export function createClientIpResolver(trustedProxies: readonly string[]): ClientIpResolver {
  const list = new BlockList();
  for (const entry of trustedProxies) {
    const [address, bits, extra] = entry.trim().split('/');
    const ip = parseIp(address);
    const family = ip ? isIP(ip) : 0;
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      !ip ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    ) {
      throw new Error(`trustedProxies: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  const trusted = (ip: string) => list.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
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
