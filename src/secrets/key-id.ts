// What an AWS access key id looks like, and what its characters tell. The four-letter prefixes are AWS's documented
// unique-id prefixes (IAM User Guide, "Unique identifiers"); the account decode is community research (Aidan Steele
// 2020, Tal Be'ery 2023), not an AWS contract.

/** Every documented prefix of a 20-character access key id; `A3T` is followed by one more letter or digit. */
export const KEY_ID_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'A3T'] as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The account an access key id belongs to, where its format carries one: AKIA and ASIA ids issued since about 2019,
 * whose fifth character is Q-Z or 2-7 (the top bit of the decoded value is set). Older ids (fifth character A-P, e.g.
 * `AKIAI...`, `AKIAJ...`) and the other prefixes do not encode it in a known way: undefined.
 */
export function accountIdOf(keyId: string): string | undefined {
  if (keyId.length !== 20 || !(keyId.startsWith('AKIA') || keyId.startsWith('ASIA'))) return undefined;
  let value = 0n;
  for (const ch of keyId.slice(4)) {
    const digit = BASE32.indexOf(ch);
    if (digit < 0) return undefined;
    value = (value << 5n) | BigInt(digit);
  }
  // 16 base32 characters are 80 bits; the account is bits 1..40 of the first 48, i.e. shifted left by one bit.
  const first48 = value >> 32n;
  if ((first48 & 0x800000000000n) === 0n) return undefined;
  const account = (first48 & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}
