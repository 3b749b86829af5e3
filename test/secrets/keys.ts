// Made-up credentials in the real formats, for planting in test trees: deterministic, never live anywhere.
import type { KEY_ID_PREFIXES } from '../../src/secrets/key-id.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

/** A small PRNG (mulberry32) so every run plants the same keys. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (alphabet: string, n: number, rand: () => number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');

export function keyId(prefix: (typeof KEY_ID_PREFIXES)[number] | string = 'AKIA', rand = prng(1)): string {
  const head = prefix === 'A3T' ? `A3T${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1, rand)}` : prefix;
  return head + pick(BASE32, 20 - head.length, rand);
}

export const secretKey = (rand = prng(2)): string => pick(B64, 40, rand);
export const sessionToken = (rand = prng(3)): string => `IQoJb3JpZ2luX2Vj${pick(B64, 300, rand)}`;
export const bedrockLongTerm = (rand = prng(4)): string => `ABSK${pick(B64, 100, rand)}`;
export const bedrockShortTerm = (rand = prng(5)): string => `bedrock-api-key-${pick(B64, 200, rand)}`;
