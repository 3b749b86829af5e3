import { describe, expect, it } from 'vitest';
import { options, passwordPolicy, snapshot, withoutSection } from '../../../test/fixtures/snapshot.js';
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import { passwordComplexity } from './password-complexity.js';

const run = (policy: PasswordPolicy | null) => {
  const outcomes = passwordComplexity.evaluate(snapshot({ iam: { passwordPolicy: policy } }), options());
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

describe('password-complexity', () => {
  it('passes when all four classes are required', () => {
    expect(run(passwordPolicy())).toMatchObject({ status: 'PASS', message: 'the password policy requires uppercase, lowercase, numbers and symbols' });
  });

  it.each([
    ['uppercase', { requireUppercase: false }],
    ['lowercase', { requireLowercase: false }],
    ['numbers', { requireNumbers: false }],
    ['symbols', { requireSymbols: false }],
  ] as const)('fails when %s is not required, naming it', (name, over) => {
    expect(run(passwordPolicy(over))).toMatchObject({ status: 'FAIL', message: `the password policy does not require ${name}` });
  });

  it('lists every missing class', () => {
    const o = run(passwordPolicy({ requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false }));
    expect(o.message).toBe('the password policy does not require uppercase, lowercase, numbers, symbols');
  });

  it('fails with no policy and is UNKNOWN when the policy was not collected', () => {
    expect(run(null).status).toBe('FAIL');
    const [o] = passwordComplexity.evaluate(withoutSection(snapshot(), 'passwordPolicy', { service: 'iam', operation: 'GetAccountPasswordPolicy', code: 'Throttling' }), options());
    expect(o!.status).toBe('UNKNOWN');
    expect(o!.message).toContain('iam:GetAccountPasswordPolicy failed (Throttling');
  });
});
