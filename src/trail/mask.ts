// CloudTrail holds no secrets by design, but some responseElements do carry credentials (an AssumeRole's session
// token, a GetSessionToken's secret key): anything credential-shaped is masked before it is shown or written.

const SECRET_KEY = /secret|sessiontoken|password|privatekey|credential/i;
// A secret access key: 40 characters of base64; a session token: a long base64 blob.
const SECRET_VALUE = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+=]{40}|[A-Za-z0-9/+=]{100,})(?![A-Za-z0-9/+=])/g;
export const MASK = '****';

export function maskSecrets(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return SECRET_KEY.test(key) ? MASK : value.replace(SECRET_VALUE, MASK);
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // An access key id names a key, it is not the secret: keep it so the user can act on it.
      out[k] = /accesskeyid/i.test(k) ? v : SECRET_KEY.test(k) && v !== null && typeof v !== 'object' ? MASK : maskSecrets(v, k);
    }
    return out;
  }
  return value;
}

/** For any free text that reaches the output (evidence, user agents): the same value rule. */
export const maskText = (text: string): string => text.replace(SECRET_VALUE, MASK);
