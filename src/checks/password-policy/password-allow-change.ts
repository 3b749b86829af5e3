// password-allow-change: users who cannot change their own password ask an admin to, or keep a known one forever.
import { fail, pass } from '../support.js';
import type { Check } from '../types.js';
import { judgePolicy, policyRemediation } from './policy.js';

export const passwordAllowChange: Check = {
  id: 'password-allow-change',
  title: 'Users can change their own password',
  area: 'password-policy',
  severity: 'low',
  sources: ['seed 003'],
  remediation: policyRemediation('Allow users to change their own password.'),
  evaluate(snapshot) {
    return judgePolicy(snapshot, (policy, resource) =>
      policy.allowUsersToChangePassword
        ? pass(resource, 'users may change their own password')
        : fail(resource, 'users may not change their own password (only an administrator can)'),
    );
  },
};
