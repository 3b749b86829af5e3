// What every password-policy check does when the policy is missing: the shared half of their behaviour.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import { passwordPolicyChecks } from './index.js';
import { NO_POLICY } from './policy.js';

const ACCOUNT_RESOURCE = `arn:aws:::${ACCOUNT}`;

describe('password-policy checks', () => {
  it('are registered in the order of CHECKS.md', () => {
    expect(passwordPolicyChecks.map((c) => c.id)).toEqual([
      'password-policy-exists',
      'password-min-length',
      'password-complexity',
      'password-reuse',
      'password-max-age',
      'password-allow-change',
    ]);
  });

  it.each(passwordPolicyChecks.map((c) => [c.id, c] as const))('%s fails when there is no policy: the AWS default does not meet it', (_id, check) => {
    expect(check.evaluate(snapshot({ iam: { passwordPolicy: null } }), options())).toEqual([{ status: 'FAIL', resource: ACCOUNT_RESOURCE, message: NO_POLICY }]);
  });

  it.each(passwordPolicyChecks.map((c) => [c.id, c] as const))('%s is UNKNOWN naming GetAccountPasswordPolicy when it was not collected', (_id, check) => {
    const s = withoutSection(snapshot({ iam: { passwordPolicy: passwordPolicy() } }), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy' });
    const outcomes = check.evaluate(s, options());
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'UNKNOWN', resource: ACCOUNT_RESOURCE });
    expect(outcomes[0]!.message).toContain('iam:GetAccountPasswordPolicy failed (AccessDenied');
  });

  it.each(passwordPolicyChecks.map((c) => [c.id, c] as const))('%s passes on a policy with every CHECKS.md default', (_id, check) => {
    expect(check.evaluate(snapshot({ iam: { passwordPolicy: passwordPolicy() } }), options())[0]!.status).toBe('PASS');
  });

  it('all give the full update command, since leaving a flag out resets that setting', () => {
    for (const check of passwordPolicyChecks) {
      const command = check.remediation.cli[0]!;
      for (const flag of ['--minimum-password-length 14', '--require-symbols', '--require-numbers', '--require-uppercase-characters',
        '--require-lowercase-characters', '--allow-users-to-change-password', '--max-password-age 90', '--password-reuse-prevention 24']) {
        expect(command, check.id).toContain(flag);
      }
    }
  });
});
