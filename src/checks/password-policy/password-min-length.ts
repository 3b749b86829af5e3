// password-min-length: length is what makes a password expensive to guess (CIS asks for 14).
import { fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { judgePolicy, policyRemediation } from './policy.js';

export const passwordMinLength: Check = {
  id: 'password-min-length',
  title: 'Password policy requires long passwords',
  area: 'password-policy',
  severity: 'medium',
  sources: ['seed 003', 'CIS 2.7'],
  remediation: policyRemediation('Set the password policy\'s minimum length to 14 characters or more.'),
  evaluate(snapshot, options) {
    const required = options.passwordMinLength;
    return judgePolicy(snapshot, (policy, resource) => {
      const length = policy.minimumLength;
      if (length === null) return fail(resource, `the password policy sets no minimum length; at least ${required} required`);
      return length >= required
        ? pass(resource, `minimum password length is ${length} (at least ${required} required)`)
        : fail(resource, `minimum password length is ${length}; at least ${required} required`);
    });
  },
};
