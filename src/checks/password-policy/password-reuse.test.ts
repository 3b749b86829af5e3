import { describe, expect, it } from 'vitest';
import { options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import { passwordReuse } from './password-reuse.js';

const run = (policy: PasswordPolicy | null, over: Parameters<typeof options>[0] = {}) => {
  const outcomes = passwordReuse.evaluate(snapshot({ iam: { passwordPolicy: policy } }), options(over));
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

describe('password-reuse', () => {
  it('boundary: remembering exactly 24 passes', () => {
    expect(run(passwordPolicy({ passwordReusePrevention: 24 }))).toMatchObject({ status: 'PASS', message: 'the password policy remembers 24 passwords (at least 24 required)' });
  });

  it('boundary: 23 fails, giving both numbers', () => {
    expect(run(passwordPolicy({ passwordReusePrevention: 23 }))).toMatchObject({ status: 'FAIL', message: 'the password policy remembers 23 passwords; at least 24 required' });
  });

  it('fails when reuse is not restricted at all', () => {
    expect(run(passwordPolicy({ passwordReusePrevention: null }))).toMatchObject({ status: 'FAIL', message: 'the password policy does not prevent reuse; at least 24 remembered passwords required' });
  });

  it('uses the configured passwordReuse (seed 003 says 5)', () => {
    expect(run(passwordPolicy({ passwordReusePrevention: 5 }), { passwordReuse: 5 }).status).toBe('PASS');
  });

  it('fails with no policy and is UNKNOWN when the policy was not collected', () => {
    expect(run(null).status).toBe('FAIL');
    const [o] = passwordReuse.evaluate(withoutSection(snapshot(), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy' }), options());
    expect(o!.status).toBe('UNKNOWN');
    expect(o!.message).toContain('iam:GetAccountPasswordPolicy failed (AccessDenied');
  });
});
