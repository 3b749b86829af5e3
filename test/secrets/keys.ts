// Made-up credentials in the real formats, for planting in test trees: deterministic, never live anywhere.
import type { KEY_ID_PREFIXES } from '../../src/secrets/key-id.js';
import { seededRandom } from '../aws-emulator/prng.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

const pick = (alphabet: string, n: number, rand: () => number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');

export function keyId(prefix: (typeof KEY_ID_PREFIXES)[number] | string = 'AKIA', rand = seededRandom(1)): string {
  const head = prefix === 'A3T' ? `A3T${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1, rand)}` : prefix;
  return head + pick(BASE32, 20 - head.length, rand);
}

export const secretKey = (rand = seededRandom(2)): string => pick(B64, 40, rand);
export const sessionToken = (rand = seededRandom(3)): string => `IQoJb3JpZ2luX2Vj${pick(B64, 300, rand)}`;
export const bedrockLongTerm = (rand = seededRandom(4)): string => `ABSK${pick(B64, 100, rand)}`;
export const bedrockShortTerm = (rand = seededRandom(5)): string => `bedrock-api-key-${pick(B64, 200, rand)}`;
