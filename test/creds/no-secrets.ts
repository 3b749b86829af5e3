// The canary check every creds test runs on every output.
import { expect } from 'vitest';
import { CANARIES, type Home } from './fixture.js';

/** Every secret planted, plus every secret and session token now in the files: none may be in `texts`. */
export function expectNoSecrets(home: Home | undefined, ...texts: string[]): void {
  const now = home ? [...`${home.read()}\n${home.read('config')}`.matchAll(/^\s*(?:aws_secret_access_key|aws_session_token)\s*=\s*(\S+)/gm)].map((m) => m[1]!) : [];
  for (const secret of [...CANARIES, ...now]) for (const text of texts) expect(text).not.toContain(secret);
}
