import { describe, expect, it } from 'vitest';
import { createClientIpResolver, parseIp } from './client-ip.js';

describe('client IP', () => {
  it('parses addresses strictly', () => {
    expect(parseIp('203.0.113.7')).toBe('203.0.113.7');
    expect(parseIp(' 2001:DB8::1 ')).toBe('2001:db8::1');
    expect(parseIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    for (const bad of ['1.2.3', '1.2.3.4.5', '999.1.1.1', 'localhost', '', '1.2.3.4:80', '::g']) {
      expect(parseIp(bad), bad).toBeUndefined();
    }
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    const none = createClientIpResolver([]);
    expect(none.resolve('198.51.100.9', '203.0.113.7')).toBe('198.51.100.9');
    const trusting = createClientIpResolver(['10.0.0.0/8', '2001:db8::1']);
    expect(trusting.resolve('198.51.100.9', '203.0.113.7')).toBe('198.51.100.9');
    expect(trusting.resolve('10.1.2.3', '203.0.113.7')).toBe('203.0.113.7');
    expect(trusting.resolve('2001:db8::1', '203.0.113.7')).toBe('203.0.113.7');
    expect(trusting.resolve(undefined, '203.0.113.7')).toBeNull();
  });

  it('takes the nearest untrusted hop, so a client cannot prepend a forged one', () => {
    const r = createClientIpResolver(['10.0.0.0/8']);
    expect(r.resolve('10.0.0.1', '1.1.1.1, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(r.resolve('10.0.0.1', '10.0.0.3, 10.0.0.2')).toBe('10.0.0.3');
  });

  it('falls back to the peer on any malformed, oversized or overlong header', () => {
    const r = createClientIpResolver(['10.0.0.1']);
    for (const bad of [
      '1.2.3',
      '203.0.113.7, nope',
      '203.0.113.7,,',
      'for=203.0.113.7',
      '\u0000',
      `${'1.1.1.1, '.repeat(20)}1.1.1.1`,
      '1'.repeat(5000),
    ]) {
      expect(r.resolve('10.0.0.1', bad), bad).toBe('10.0.0.1');
    }
  });

  it('refuses a proxy list entry that is not an address or range', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1', '::1/129', '']) {
      expect(() => createClientIpResolver([bad]), bad).toThrow(/trustedProxies/);
    }
  });

  it('matches trusted ranges on their prefix bits only', () => {
    const r = createClientIpResolver(['192.168.4.0/22', 'fd00::/8', '203.0.113.9']);
    expect(r.resolve('192.168.7.255', '198.51.100.1')).toBe('198.51.100.1');
    expect(r.resolve('192.168.8.0', '198.51.100.1')).toBe('192.168.8.0');
    expect(r.resolve('192.168.3.255', '198.51.100.1')).toBe('192.168.3.255');
    expect(r.resolve('fdab::1', '198.51.100.1')).toBe('198.51.100.1');
    expect(r.resolve('fe00::1', '198.51.100.1')).toBe('fe00::1');
    expect(r.resolve('::ffff:203.0.113.9', '198.51.100.1')).toBe('198.51.100.1');
    expect(r.resolve('203.0.113.10', '198.51.100.1')).toBe('203.0.113.10');
    const everyone = createClientIpResolver(['0.0.0.0/0']);
    expect(everyone.resolve('8.8.8.8', '198.51.100.1')).toBe('198.51.100.1');
    expect(everyone.resolve('2001:db8::1', '198.51.100.1')).toBe('2001:db8::1');
  });
});
