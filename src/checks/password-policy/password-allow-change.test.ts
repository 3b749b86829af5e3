import { describe, expect, it } from 'vitest';
import { options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import { passwordAllowChange } from './password-allow-change.js';

const run = (policy: PasswordPolicy | null) => {
  const outcomes = passwordAllowChange.evaluate(snapshot({ iam: { passwordPolicy: policy } }), options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

describe('password-allow-change', () => {
  it('passes when users may change their own password', () => {
    expect(run(passwordPolicy())).toMatchObject({ status: 'PASS', message: 'users may change their own password' });
  });

  it('fails when they may not', () => {
    expect(run(passwordPolicy({ allowUsersToChangePassword: false }))).toMatchObject({ status: 'FAIL', message: 'users may not change their own password (only an administrator can)' });
  });

  it('fails with no policy and is UNKNOWN when the policy was not collected', () => {
    expect(run(null).status).toBe('FAIL');
    const [o] = passwordAllowChange.evaluate(withoutSection(snapshot(), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy' }), options());
    expect(o!.status).toBe('UNKNOWN');
    expect(o!.message).toContain('iam:GetAccountPasswordPolicy failed (AccessDenied');
  });
});
