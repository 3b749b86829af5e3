import { describe, expect, it } from 'vitest';
import { options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import { passwordMaxAge } from './password-max-age.js';

const run = (policy: PasswordPolicy | null, over: Parameters<typeof options>[0] = {}) => {
  const outcomes = passwordMaxAge.evaluate(snapshot({ iam: { passwordPolicy: policy } }), options(over));
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

describe('password-max-age', () => {
  it('boundary: expiry after exactly 90 days passes', () => {
    expect(run(passwordPolicy({ maxPasswordAge: 90 }))).toMatchObject({ status: 'PASS', message: 'passwords expire after 90 days (at most 90 allowed)' });
  });

  it('boundary: 91 days fails, giving both numbers', () => {
    expect(run(passwordPolicy({ maxPasswordAge: 91 }))).toMatchObject({ status: 'FAIL', message: 'passwords expire after 91 days; at most 90 allowed' });
  });

  it('passes a shorter period', () => {
    expect(run(passwordPolicy({ maxPasswordAge: 30 })).status).toBe('PASS');
  });

  it('fails when passwords never expire (null, or the API\'s 0)', () => {
    expect(run(passwordPolicy({ maxPasswordAge: null }))).toMatchObject({ status: 'FAIL', message: 'passwords never expire; they must expire within 90 days' });
    expect(run(passwordPolicy({ maxPasswordAge: 0 })).status).toBe('FAIL');
  });

  it('uses the configured passwordMaxAgeDays', () => {
    expect(run(passwordPolicy({ maxPasswordAge: 180 }), { passwordMaxAgeDays: 180 }).status).toBe('PASS');
  });

  it('fails with no policy and is UNKNOWN when the policy was not collected', () => {
    expect(run(null).status).toBe('FAIL');
    const [o] = passwordMaxAge.evaluate(withoutSection(snapshot(), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy' }), options());
    expect(o!.status).toBe('UNKNOWN');
    expect(o!.message).toContain('iam:GetAccountPasswordPolicy failed (AccessDenied');
  });
});
