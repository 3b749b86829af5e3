import { describe, expect, it } from 'vitest';
import { options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import { passwordMinLength } from './password-min-length.js';

const run = (policy: PasswordPolicy | null, over: Parameters<typeof options>[0] = {}) => {
  const outcomes = passwordMinLength.evaluate(snapshot({ iam: { passwordPolicy: policy } }), options(over));
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

describe('password-min-length', () => {
  it('boundary: exactly 14 passes', () => {
    expect(run(passwordPolicy({ minimumLength: 14 }))).toMatchObject({ status: 'PASS', message: 'minimum password length is 14 (at least 14 required)' });
  });

  it('boundary: 13 fails, giving both numbers', () => {
    expect(run(passwordPolicy({ minimumLength: 13 }))).toMatchObject({ status: 'FAIL', message: 'minimum password length is 13; at least 14 required' });
  });

  it('fails when the policy sets no minimum length', () => {
    expect(run(passwordPolicy({ minimumLength: null })).status).toBe('FAIL');
  });

  it('uses the configured passwordMinLength', () => {
    expect(run(passwordPolicy({ minimumLength: 12 }), { passwordMinLength: 12 }).status).toBe('PASS');
    expect(run(passwordPolicy({ minimumLength: 14 }), { passwordMinLength: 16 }).message).toContain('at least 16 required');
  });

  it('fails with no policy and is UNKNOWN when the policy was not collected', () => {
    expect(run(null).message).toContain('no password policy: AWS default applies');
    const [o] = passwordMinLength.evaluate(withoutSection(snapshot(), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy' }), options());
    expect(o!.status).toBe('UNKNOWN');
    expect(o!.message).toContain('iam:GetAccountPasswordPolicy failed (AccessDenied');
  });
});
