// IPv4 and IPv6 addresses and CIDR blocks as big integers, for IpAddress / NotIpAddress.

import { memo } from './memo.js';

// IPv4 is compared as unsigned 32-bit numbers (no bigint on the hot path); IPv6 as bigints.
export interface Cidr {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly mask: bigint;
  readonly network4: number;
  readonly mask4: number;
}

interface Address {
  readonly version: 4 | 6;
  readonly value: bigint;
  readonly value4: number;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0] ?? '');
  const right = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    value = (value << 16n) | BigInt(`0x${g}`);
  }
  return tailV4 === undefined ? value : (value & ~0xffffffffn) | tailV4;
}

export function parseAddress(text: string): Address | undefined {
  const v4 = parseV4(text);
  if (v4 !== undefined) return { version: 4, value: v4, value4: Number(v4) };
  const v6 = text.includes(':') ? parseV6(text) : undefined;
  return v6 === undefined ? undefined : { version: 6, value: v6, value4: 0 };
}

const requestAddress = memo((text: string) => parseAddress(text.trim()));

/** `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [addr = '', prefixText, ...extra] = text.trim().split('/');
  if (extra.length > 0) return undefined;
  const a = parseAddress(addr);
  if (!a) return undefined;
  const bits = a.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  const mask = ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  const mask4 = a.version === 4 ? Number(mask) : 0;
  return { version: a.version, network: a.value & mask, mask, network4: a.version === 4 ? Number(a.value & mask) : 0, mask4 };
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const a = requestAddress(address);
  if (a === undefined || a.version !== cidr.version) return false;
  return a.version === 4 ? ((a.value4 & cidr.mask4) >>> 0) === cidr.network4 : (a.value & cidr.mask) === cidr.network;
}
