// password-complexity: all four character classes, as seed 003 sets them.
import type { PasswordPolicy } from '../../inventory/snapshot.js';
import { fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { judgePolicy, policyRemediation } from './policy.js';

const CLASSES: { name: string; required: (p: PasswordPolicy) => boolean }[] = [
  { name: 'uppercase', required: (p) => p.requireUppercase },
  { name: 'lowercase', required: (p) => p.requireLowercase },
  { name: 'numbers', required: (p) => p.requireNumbers },
  { name: 'symbols', required: (p) => p.requireSymbols },
];

export const passwordComplexity: Check = {
  id: 'password-complexity',
  title: 'Password policy requires all character classes',
  area: 'password-policy',
  severity: 'low',
  sources: ['seed 003'],
  remediation: policyRemediation('Require uppercase, lowercase, numbers and symbols in the password policy.'),
  evaluate(snapshot) {
    return judgePolicy(snapshot, (policy, resource) => {
      const missing = CLASSES.filter((c) => !c.required(policy)).map((c) => c.name);
      return missing.length
        ? fail(resource, `the password policy does not require ${missing.join(', ')}`)
        : pass(resource, 'the password policy requires uppercase, lowercase, numbers and symbols');
    });
  },
};
