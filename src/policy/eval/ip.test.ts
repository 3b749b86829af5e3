// Addresses and CIDR blocks as IAM's IpAddress operator reads them.
import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from './ip.js';

describe('CIDR blocks', () => {
  it.each([
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['192.0.2.128/25', '192.0.2.127', false],
    ['192.0.2.128/25', '192.0.2.200', true],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['203.0.113.5/32', '203.0.113.5', true],
    ['2001:db8::/32', '2001:0db8:ffff::1', true],
    ['2001:db8::/32', '2001:DB8::1', true],
    ['::/0', '::1', true],
    ['fe80::/10', 'febf::1', true],
    ['fe80::/10', 'fec0::1', false],
    ['::ffff:0:0/96', '::ffff:192.0.2.1', true],
    ['2001:db8::1', '2001:db8:0:0:0:0:0:1', true],
  ])('%s contains %s: %s', (cidr, address, expected) => {
    const parsed = parseCidr(cidr);
    expect(parsed).toBeDefined();
    expect(cidrContains(parsed!, address)).toBe(expected);
  });

  it.each(['10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', '2001:db8::/129', '2001:db8:::1/64', '1:2:3:4:5:6:7:8:9/64', 'x', '10.0.0.0/8/1', ''])('%j is not a CIDR block', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('never matches an address of the other family or a non-address', () => {
    expect(cidrContains(parseCidr('0.0.0.0/0')!, '::1')).toBe(false);
    expect(cidrContains(parseCidr('::/0')!, '10.0.0.1')).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, 'localhost')).toBe(false);
  });
});
