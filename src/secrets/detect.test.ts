import { describe, expect, it } from 'vitest';
import { bedrockLongTerm, bedrockShortTerm, keyId, secretKey, sessionToken } from '../../test/secrets/keys.js';
import { seededRandom } from '../../test/aws-emulator/prng.js';
import { detectSecrets, entropy } from './detect.js';
import { accountIdOf, KEY_ID_PREFIXES } from './key-id.js';
import { fingerprint, mask } from './mask.js';

const rules = (text: string, path = 'f.txt') => detectSecrets(text, path).map((f) => f.rule);

describe('access key ids', () => {
  it.each(KEY_ID_PREFIXES.map((p) => [p]))('finds a %s id and masks it', (prefix) => {
    const id = keyId(prefix, seededRandom(prefix.charCodeAt(1) * 31 + prefix.charCodeAt(3)));
    const [f, ...rest] = detectSecrets(`const id = "${id}";\n`, 'src/a.ts');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'aws-access-key-id', kind: 'access-key-id', secret: id, accessKeyId: id, location: { path: 'src/a.ts', line: 1, column: 13 } });
    expect(f!.masked).toBe(`${id.slice(0, 4)}${'*'.repeat(12)}${id.slice(-4)}`);
    expect(f!.fingerprint).toBe(fingerprint('aws-access-key-id', id));
  });

  it('is not fooled by examples, placeholders, hashes, lower case or longer runs', () => {
    const id = keyId('AKIA');
    const negatives = [
      'AKIAIOSFODNN7EXAMPLE',
      'ASIAEXAMPLEEXAMPLE22',
      'AKIAXXXXXXXXXXXXXXXX',
      'AKIAAAAAAAAAAAAAAAAA',
      '<AKIA_YOUR_KEY_HERE>',
      '${AWS_ACCESS_KEY_ID}',
      id.toLowerCase(),
      `X${id}`,
      `${id}7`,
      `${id.slice(0, 19)}0`, // 0 is not in the base32 alphabet
      'commit 3f786850e387550fdab836ed7e6dc881de23001b',
    ];
    for (const text of negatives) expect(rules(`key = ${text}\n`), text).toEqual([]);
  });

  it('decodes the account from ids issued since 2019, and not from older ones', () => {
    expect(accountIdOf('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
    expect(accountIdOf('ASIAQAAAAAAAGMKEM7X5')).toBe('000000000000');
    expect(accountIdOf('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(accountIdOf('AROAY34FZKBOKMUTVV7A')).toBeUndefined();
    expect(detectSecrets('k=ASIAY34FZKBOKMUTVV7A\n', 'x')[0]!.accountId).toBe('609629065308');
  });
});

describe('secret access keys', () => {
  const secret = secretKey();
  it.each([
    [`aws_secret_access_key = ${secret}`],
    [`AWS_SECRET_ACCESS_KEY=${secret}`],
    [`export AWS_SECRET_ACCESS_KEY="${secret}"`],
    [`  "secretAccessKey": "${secret}",`],
    [`SecretAccessKey: '${secret}'`],
    [`secret_key = "${secret}"`],
    [`aws_secret => '${secret}'`],
  ])('finds one behind a name: %s', (line) => {
    const [f] = detectSecrets(`${line}\n`, 'x');
    expect(f).toMatchObject({ rule: 'aws-secret-access-key', secret });
    expect(f!.accessKeyId).toBeUndefined();
  });

  it('pairs an id with its secret a few lines apart, with no telling name', () => {
    const id = keyId('AKIA', seededRandom(11));
    const text = `creds:\n  id: ${id}\n  note: rotate me\n  other: yes\n  key: ${secret}\n`;
    const [a, b] = detectSecrets(text, 'c.yml');
    expect(a).toMatchObject({ rule: 'aws-access-key-id', location: { line: 2, column: 7 }, pairedWith: b!.fingerprint });
    expect(b).toMatchObject({ rule: 'aws-secret-access-key', accessKeyId: id, location: { line: 5, column: 8 }, pairedWith: a!.fingerprint });
  });

  it('does not take a 40-character run far from any id and with no name, or low-entropy ones', () => {
    expect(rules(`blob = ${secret}\n`)).toEqual([]);
    const id = keyId('AKIA', seededRandom(12));
    const far = `${id}\n${'\n'.repeat(10)}x = ${secret}\n`;
    expect(rules(far)).toEqual(['aws-access-key-id']);
    expect(rules(`aws_secret_access_key=${'a'.repeat(20)}${'b'.repeat(20)}\n`)).toEqual([]);
    expect(rules(`aws_secret_access_key=3f786850e387550fdab836ed7e6dc881de23001b\n`)).toEqual([]);
    expect(rules(`aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`)).toEqual([]);
    expect(rules(`aws_secret_access_key=\${AWS_SECRET}\n`)).toEqual([]);
    expect(rules(`aws_secret_access_key=<your-secret-access-key-goes-right-here>\n`)).toEqual([]);
    expect(rules(`aws_secret_access_key=${secret}x\n`)).toEqual([]);
  });

  it('random 40-character secrets clear the entropy floor (recall), hex does not', () => {
    const rand = seededRandom(99);
    for (let i = 0; i < 2000; i++) expect(entropy(secretKey(rand))).toBeGreaterThanOrEqual(4.2);
    expect(entropy('3f786850e387550fdab836ed7e6dc881de23001b')).toBeLessThan(4.2);
  });
});

describe('session tokens and Bedrock API keys', () => {
  it('finds a session token behind its name and ties it to the nearby ASIA id', () => {
    const id = keyId('ASIA', seededRandom(21));
    const token = sessionToken();
    const found = detectSecrets(`[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secretKey()}\naws_session_token = ${token}\n`, 'credentials');
    expect(found.map((f) => f.rule)).toEqual(['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']);
    expect(found[2]).toMatchObject({ secret: token, accessKeyId: id, location: { line: 4, column: 21 } });
    expect(found[2]!.masked).toBe(`${token.slice(0, 4)}${'*'.repeat(12)}${token.slice(-4)}`);
    expect(rules(`x = ${token}\n`)).toEqual([]);
  });

  it('finds long-term (ABSK) and short-term (bedrock-api-key-) Bedrock keys', () => {
    const long = bedrockLongTerm();
    const short = bedrockShortTerm();
    const found = detectSecrets(`AWS_BEARER_TOKEN_BEDROCK=${long}\ntoken: "${short}"\n`, '.env');
    expect(found.map((f) => [f.rule, f.secret])).toEqual([['aws-bedrock-api-key', long], ['aws-bedrock-api-key', short]]);
    expect(rules('bedrock-api-key-example\nABSKEXAMPLE\n')).toEqual([]);
  });
});

describe('what is not caught', () => {
  it('an id split by string concatenation is not found (documented in the README)', () => {
    const id = keyId('AKIA', seededRandom(31));
    expect(rules(`const id = "${id.slice(0, 10)}" + "${id.slice(10)}";\n`)).toEqual([]);
  });
  it('a secret split by concatenation is found only when the part behind the name is itself 40 characters: never', () => {
    const s = secretKey(seededRandom(32));
    expect(rules(`aws_secret_access_key = "${s.slice(0, 20)}" + "${s.slice(20)}"\n`)).toEqual([]);
  });
});

it('masks first 4 and last 4, never more', () => {
  expect(mask('AKIAABCDEFGHIJKLMNOP')).toBe('AKIA************MNOP');
  expect(mask('short')).toBe('*****');
});
