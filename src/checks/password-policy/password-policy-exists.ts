// password-policy-exists: without one, IAM users' passwords only meet AWS's weak default.
import { pass } from '../support.js';
import type { Check } from '../types.js';
import { judgePolicy, policyRemediation } from './policy.js';

export const passwordPolicyExists: Check = {
  id: 'password-policy-exists',
  title: 'An account password policy is set',
  area: 'password-policy',
  severity: 'medium',
  sources: ['seed 003', 'seed 004'],
  remediation: policyRemediation('Set a custom account password policy for IAM users.'),
  evaluate(snapshot) {
    return judgePolicy(snapshot, (policy, resource) =>
      pass(resource, `a password policy is set (minimum length ${policy.minimumLength ?? 'unset'})`),
    );
  },
};
