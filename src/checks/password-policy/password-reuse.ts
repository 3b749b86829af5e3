// password-reuse: without it a forced change can go straight back to the old (possibly leaked) password.
import { fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { judgePolicy, policyRemediation } from './policy.js';

export const passwordReuse: Check = {
  id: 'password-reuse',
  title: 'Password policy prevents password reuse',
  area: 'password-policy',
  severity: 'medium',
  sources: ['seed 003', 'CIS 2.8'],
  remediation: policyRemediation('Prevent reuse of the last 24 passwords.'),
  evaluate(snapshot, options) {
    const required = options.passwordReuse;
    return judgePolicy(snapshot, (policy, resource) => {
      const remembered = policy.passwordReusePrevention;
      if (remembered === null) return fail(resource, `the password policy does not prevent reuse; at least ${required} remembered passwords required`);
      return remembered >= required
        ? pass(resource, `the password policy remembers ${remembered} passwords (at least ${required} required)`)
        : fail(resource, `the password policy remembers ${remembered} passwords; at least ${required} required`);
    });
  },
};
