/**
 * IP address syntax without `node:net`, so the request path runs in any JavaScript runtime.
 * Accepts what `net.isIP` accepts except IPv6 zone ids (`fe80::1%eth0`), which no client address
 * column can store.
 */

const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function ipv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

/** 16-bit words of colon-separated groups; an embedded IPv4 address only as the last group. */
function words(groups: readonly string[], ipv4Last: boolean): number[] | undefined {
  const out: number[] = [];
  for (const [i, group] of groups.entries()) {
    if (ipv4Last && i === groups.length - 1 && group.includes('.')) {
      const v4 = ipv4Bytes(group);
      if (!v4) return undefined;
      out.push(
        ((v4[0] as number) << 8) | (v4[1] as number),
        ((v4[2] as number) << 8) | (v4[3] as number),
      );
    } else if (HEX_GROUP.test(group)) {
      out.push(Number.parseInt(group, 16));
    } else {
      return undefined;
    }
  }
  return out;
}

function ipv6Bytes(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const split = (s: string) => (s === '' ? [] : s.split(':'));
  const compressed = halves.length === 2;
  const head = words(split(halves[0] as string), !compressed);
  const tail = compressed ? words(split(halves[1] as string), true) : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (compressed ? fill < 1 : fill !== 0) return undefined;
  const all = [...head, ...new Array<number>(fill).fill(0), ...tail];
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

/** 4 for an IPv4 address, 6 for an IPv6 one, 0 for anything else (as `net.isIP`). */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (ipv4Bytes(text)) return 4;
  if (ipv6Bytes(text)) return 6;
  return 0;
}

/** The address as bytes (4 or 16); undefined when it is not an IP address. */
export function ipBytes(text: string): number[] | undefined {
  return ipv4Bytes(text) ?? ipv6Bytes(text);
}
