import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import { passwordPolicyExists } from './password-policy-exists.js';

const RESOURCE = `arn:aws:::${ACCOUNT}`;
const run = (s: ReturnType<typeof snapshot>) => passwordPolicyExists.evaluate(s, options());

describe('password-policy-exists', () => {
  it('passes when a policy is set, even a weak one (the other checks judge its settings)', () => {
    expect(run(snapshot({ iam: { passwordPolicy: passwordPolicy({ minimumLength: 6, requireSymbols: false }) } }))).toEqual([
      { status: 'PASS', resource: RESOURCE, message: 'a password policy is set (minimum length 6)' },
    ]);
  });

  it('fails when AWS says there is no policy, saying what the default allows', () => {
    expect(run(snapshot({ iam: { passwordPolicy: null } }))).toEqual([
      { status: 'FAIL', resource: RESOURCE, message: 'no password policy: AWS default applies (8 characters, 3 of 4 character types, no expiry, no reuse prevention)' },
    ]);
  });

  it('is UNKNOWN, never FAIL, when GetAccountPasswordPolicy was denied', () => {
    const [o] = run(withoutSection(snapshot(), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy' }));
    expect(o!.status).toBe('UNKNOWN');
    expect(o!.message).toBe('could not evaluate: iam:GetAccountPasswordPolicy failed (AccessDenied: User is not authorized)');
  });
});
