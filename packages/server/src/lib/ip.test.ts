import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ipBytes, ipFamily } from './ip.js';

const SAMPLES = [
  '0.0.0.0',
  '255.255.255.255',
  '203.0.113.7',
  '01.2.3.4',
  '1.2.3.256',
  '1.2.3',
  '1.2.3.4.5',
  '1.2.3.4 ',
  '1..2.3',
  '::',
  '::1',
  '1::',
  '2001:db8::1',
  '2001:DB8:0:0:0:0:0:1',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7::',
  '::2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7',
  '1::2::3',
  ':::',
  ':1:2:3:4:5:6:7',
  '12345::1',
  '::g',
  '::ffff:192.0.2.1',
  '::192.0.2.1',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '1.2.3.4::',
  '::ffff:1.2.3',
  '',
  'localhost',
  '1.2.3.4:80',
];

describe('IP syntax without node:net', () => {
  it('agrees with net.isIP on addresses with and without compression or embedded IPv4', () => {
    for (const sample of SAMPLES) expect(ipFamily(sample), sample).toBe(isIP(sample));
  });

  it('refuses IPv6 zone ids, which an address column cannot store', () => {
    expect(isIP('fe80::1%eth0')).toBe(6);
    expect(ipFamily('fe80::1%eth0')).toBe(0);
  });

  it('gives the bytes of an address, compression expanded', () => {
    expect(ipBytes('10.0.0.1')).toEqual([10, 0, 0, 1]);
    expect(ipBytes('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1]);
    expect(ipBytes('::ffff:1.2.3.4')?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(ipBytes('nope')).toBeUndefined();
  });
});
